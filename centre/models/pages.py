"""Information pages (Impressum, Datenschutz, Leichte Sprache, Über uns) and the
accessibility statement."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre.validators import mp4_duration, validate_video
from portal.richtext import RichTextField
from portal.translations import TranslatableModel, TranslatedFields


class PageKind(models.TextChoices):
    IMPRINT = "imprint", _("Impressum")
    PRIVACY = "privacy", _("Datenschutzerklärung")
    EASY_LANGUAGE = "easy-language", _("Leichte Sprache")
    ABOUT = "about", _("Über uns")


class InformationPage(TranslatableModel):
    """A page every centre publishes, written by its staff: one record per kind."""

    kind = models.CharField(
        _("Seite"),
        max_length=20,
        choices=PageKind.choices,
        unique=True,
        help_text=_("Welche Seite das ist. Jede Seite gibt es nur einmal."),
    )
    translations = TranslatedFields(
        intro=RichTextField(_("Einleitung"), blank=True),
    )
    sign_language_video = models.FileField(
        _("Video in Deutscher Gebärdensprache"),
        upload_to="videos/",
        blank=True,
        validators=[validate_video],
        help_text=_("Größe und Dauer des Videos stehen auf der Seite dabei."),
    )
    video_duration = models.DurationField(_("Dauer des Videos"), null=True, editable=False)
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("Informationsseite")
        verbose_name_plural = _("Informationsseiten")

    def __str__(self):
        return self.get_kind_display()

    def save(self, *args, **kwargs):
        self.video_duration = (
            mp4_duration(self.sign_language_video) if self.sign_language_video else None
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(f"centre:{self.kind}")

    @property
    def video_length(self) -> str:
        """The video's duration as minutes and seconds, e.g. "3:05"."""
        if self.video_duration is None:
            return ""
        minutes, seconds = divmod(int(self.video_duration.total_seconds()), 60)
        return f"{minutes}:{seconds:02d}"


class PageSection(TranslatableModel):
    """A titled part of an information page; its anchor lets forms link straight to it."""

    page = models.ForeignKey(
        InformationPage, on_delete=models.CASCADE, related_name="sections", verbose_name=_("Seite")
    )
    anchor = models.SlugField(
        _("Sprungmarke"),
        max_length=80,
        help_text=_(
            "Kurzer Name für Links auf diesen Abschnitt, z. B. „kontaktformular“. Formulare "
            "verweisen darauf; bitte nicht ändern, ohne die Verweise zu prüfen."
        ),
    )
    order = models.PositiveIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )
    translations = TranslatedFields(
        heading=models.CharField(
            _("Überschrift"), max_length=200, help_text=_("Die Zwischenüberschrift des Abschnitts.")
        ),
        body=RichTextField(_("Text")),
    )

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["page", "anchor"], name="unique_section_anchor")
        ]
        verbose_name = _("Abschnitt")
        verbose_name_plural = _("Abschnitte")

    def __str__(self):
        return self.safe_translation_getter("heading", any_language=True) or self.anchor


class KeyFigure(TranslatableModel):
    """A number that tells what the centre works for, e.g. the share of people with a
    migration history among the inhabitants."""

    page = models.ForeignKey(
        InformationPage,
        on_delete=models.CASCADE,
        related_name="key_figures",
        verbose_name=_("Seite"),
    )
    order = models.PositiveIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )
    translations = TranslatedFields(
        value=models.CharField(_("Zahl"), max_length=40, help_text=_("Zum Beispiel „27 %“.")),
        label=models.CharField(
            _("Bedeutung"),
            max_length=200,
            help_text=_(
                "Was die Zahl aussagt, z. B. „der Menschen in der Stadt haben eine "
                "Einwanderungsgeschichte“."
            ),
        ),
        source=models.CharField(
            _("Quelle und Stand"),
            max_length=200,
            blank=True,
            help_text=_("Zum Beispiel „Mai 2011“."),
        ),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Kennzahl")
        verbose_name_plural = _("Kennzahlen")

    def __str__(self):
        value = self.safe_translation_getter("value", any_language=True) or ""
        label = self.safe_translation_getter("label", any_language=True) or ""
        return f"{value} {label}".strip()


class ComplianceStatus(models.TextChoices):
    FULL = "full", _("vollständig vereinbar")
    PARTIAL = "partial", _("teilweise vereinbar")
    NONE = "none", _("nicht vereinbar")


# The statement's sentence for each status, whole, so no language has to fit the status's
# label into a sentence.
STATUS_SENTENCES = {
    ComplianceStatus.FULL: _(
        "Diese Website ist mit den Anforderungen der BITV NRW vollständig vereinbar."
    ),
    ComplianceStatus.PARTIAL: _(
        "Diese Website ist mit den Anforderungen der BITV NRW teilweise vereinbar."
    ),
    ComplianceStatus.NONE: _(
        "Diese Website ist mit den Anforderungen der BITV NRW nicht vereinbar."
    ),
}


class ReviewMethod(models.TextChoices):
    SELF = "self", _("Selbstbewertung")
    EXTERNAL = "external", _("Prüfung durch eine externe Stelle")


# The statement must be reviewed once a year (BITV NRW); staff are warned after that.
REVIEW_INTERVAL = datetime.timedelta(days=365)


class AccessibilityStatement(TranslatableModel):
    """The Erklärung zur Barrierefreiheit under BITV NRW: one record."""

    status = models.CharField(
        _("Stand der Vereinbarkeit"),
        max_length=20,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIAL,
        help_text=_("Mit den Anforderungen der BITV NRW (WCAG 2.1, Stufe AA)."),
    )
    method = models.CharField(
        _("Methode"),
        max_length=20,
        choices=ReviewMethod.choices,
        default=ReviewMethod.SELF,
        help_text=_("Ob Sie selbst geprüft haben oder eine Prüfstelle."),
    )
    prepared_on = models.DateField(
        _("Erstellt am"), help_text=_("Der Tag, an dem die Erklärung erstellt wurde.")
    )
    last_reviewed = models.DateField(
        _("Zuletzt überprüft am"),
        help_text=_("Die Erklärung ist jährlich zu überprüfen; danach erscheint eine Warnung."),
    )
    translations = TranslatedFields(
        known_barriers=RichTextField(
            _("Bekannte Barrieren"),
            blank=True,
            help_text=_("Was noch nicht barrierefrei ist, warum, und welche Alternative es gibt."),
        ),
        method_details=models.TextField(
            _("Zur Methode"),
            blank=True,
            help_text=_("Zum Beispiel: womit und von wem geprüft wurde."),
        ),
        ombudsstelle=models.TextField(
            _("Schlichtungsstelle"),
            help_text=_(
                "Name und Anschrift der Ombudsstelle für barrierefreie Informationstechnik des "
                "Landes Nordrhein-Westfalen. Bitte die aktuellen Angaben von ihrer Website "
                "übernehmen."
            ),
        ),
    )
    ombudsstelle_email = models.EmailField(
        _("E-Mail der Schlichtungsstelle"),
        blank=True,
        help_text=_("Von der Website der Schlichtungsstelle übernehmen."),
    )
    ombudsstelle_website = models.URLField(
        _("Website der Schlichtungsstelle"),
        blank=True,
        help_text=_("Von der Website der Schlichtungsstelle übernehmen."),
    )

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärung zur Barrierefreiheit")

    def __str__(self):
        return str(_("Erklärung zur Barrierefreiheit"))

    @property
    def status_sentence(self) -> str:
        return STATUS_SENTENCES[self.status]

    def clean(self):
        if self.prepared_on and self.last_reviewed and self.last_reviewed < self.prepared_on:
            raise ValidationError(
                {"last_reviewed": _("Die Überprüfung kann nicht vor der Erstellung liegen.")}
            )
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            raise ValidationError(
                {"last_reviewed": _("Das Datum der Überprüfung darf nicht in der Zukunft liegen.")}
            )

    def review_due(self, today: datetime.date | None = None) -> bool:
        return (today or timezone.localdate()) - self.last_reviewed > REVIEW_INTERVAL
