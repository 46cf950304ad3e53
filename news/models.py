import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.images import ImageMixin, alt_text_field
from portal.publishing import Publishable, PublishableQuerySet
from portal.richtext import RichTextField
from portal.translations import TranslatableModel, TranslatedFields

SLUG_HELP_TEXT = _(
    "Der Teil der Internetadresse der Seite. Bleibt das Feld leer, wird er aus dem Titel "
    "gebildet. Nach dem Veröffentlichen nicht mehr ändern, sonst funktionieren Links nicht mehr."
)
ENDS_BEFORE_START = _("Das Ende darf nicht vor dem Beginn liegen.")


class NewsItemQuerySet(PublishableQuerySet):
    def _not_started(self, now):
        """A news item waits for its date too."""
        return super()._not_started(now) | models.Q(published_on__gt=timezone.localdate(now))


class NewsItem(Publishable, ImageMixin, TranslatableModel):
    """A piece of news from the centre, shown from its date onwards.

    The date is the one shown above the news. With a publish-from time the date is that
    time's day (set on saving): a news item written on Monday to appear on Thursday is
    dated Thursday. Without one, a date in the future makes the news wait until that day.
    """

    translations = TranslatedFields(
        image_alt=alt_text_field(),
        title=models.CharField(
            _("Titel"),
            max_length=200,
            help_text=_("Kurz und verständlich; erscheint als Überschrift und in der Übersicht."),
        ),
        teaser=models.TextField(
            _("Anreißer"),
            max_length=300,
            help_text=_("Ein bis zwei Sätze ohne Formatierung für die Übersicht."),
        ),
        body=RichTextField(_("Text"), blank=True),
    )
    slug = models.SlugField(
        _("Kurzname in der Adresse"), max_length=100, unique=True, help_text=SLUG_HELP_TEXT
    )
    published_on = models.DateField(
        _("Datum"),
        default=timezone.localdate,
        help_text=_(
            "Steht über der Meldung; vor diesem Tag ist sie nicht öffentlich. Ist "
            "„Veröffentlichen ab“ ausgefüllt, übernimmt das Datum dessen Tag."
        ),
    )
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    objects = NewsItemQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["-published_on", "-pk"]
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        # The news list and the home page: published items, newest first.
        indexes = [models.Index(fields=["is_published", "-published_on"])]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        if self.publish_from:
            self.published_on = timezone.localdate(self.publish_from)
        super().save(*args, **kwargs)

    @property
    def public_from(self):
        """The publish-from time, or else the start of the news item's date."""
        start_of_day = datetime.datetime.combine(self.published_on, datetime.time())
        return self.publish_from or timezone.make_aware(start_of_day)


class EventQuerySet(PublishableQuerySet):
    def upcoming(self):
        """Events that have not ended yet (without an end: not started yet), soonest first."""
        return (
            self.alias(ends_or_starts_at=Coalesce("ends_at", "starts_at"))
            .filter(ends_or_starts_at__gte=timezone.now())
            .order_by("starts_at", "pk")
        )


class Event(Publishable, ImageMixin, TranslatableModel):
    """An event of the centre or one it takes part in, e.g. the International Women's Day."""

    translations = TranslatedFields(
        image_alt=alt_text_field(),
        title=models.CharField(
            _("Titel"),
            max_length=200,
            help_text=_("Der Name der Veranstaltung, z. B. „Interkulturelles Frühstück“."),
        ),
        description=RichTextField(_("Beschreibung"), blank=True),
        venue=models.CharField(
            _("Veranstaltungsort"),
            max_length=200,
            help_text=_("Wie der Ort öffentlich genannt wird, z. B. „Zentrum Altenberg“."),
        ),
        registration_note=models.TextField(
            _("Hinweis zur Anmeldung"),
            blank=True,
            help_text=_("Zum Beispiel: ob und bis wann man sich anmelden muss, und wo."),
        ),
    )
    slug = models.SlugField(
        _("Kurzname in der Adresse"), max_length=100, unique=True, help_text=SLUG_HELP_TEXT
    )
    starts_at = models.DateTimeField(_("Beginn"), help_text=_("Tag und Uhrzeit des Beginns."))
    ends_at = models.DateTimeField(
        _("Ende"), null=True, blank=True, help_text=_("Leer lassen, wenn es kein festes Ende gibt.")
    )
    location = models.ForeignKey(
        "centre.Location",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("Standort des Zentrums"),
        help_text=_("Nur wenn die Veranstaltung an einem eigenen Standort stattfindet."),
    )
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["starts_at", "pk"]
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_at_or_after_start",
                violation_error_message=ENDS_BEFORE_START,
            ),
        ]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("news:event", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        # The database constraint guarantees the rule; this names the field in the form.
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": ENDS_BEFORE_START})

    @property
    def last_moment(self):
        return self.ends_at or self.starts_at

    @property
    def is_past(self) -> bool:
        return self.last_moment < timezone.now()

    @property
    def ends_on_start_day(self) -> bool:
        """Whether the end falls on the day it starts, in the centre's time zone."""
        return bool(self.ends_at) and (
            timezone.localdate(self.ends_at) == timezone.localdate(self.starts_at)
        )
