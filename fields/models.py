from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.documents import DownloadableDocument
from portal.images import ImageMixin, alt_text_field
from portal.publishing import Publishable, PublishableQuerySet
from portal.querysets import ContentQuerySet
from portal.richtext import RichTextField
from portal.translations import TranslatableModel, TranslatedFields


class TargetGroup(TranslatableModel):
    """A group of people the centre addresses; each has a page with its fields and offers.

    A group has no publication switch of its own: `published()` is every group with its
    German name, and its page lists only published fields of work and their offers.
    """

    translations = TranslatedFields(
        name=models.CharField(
            _("Name"),
            max_length=100,
            help_text=_(
                "Zum Beispiel „Frauen und Mädchen“. Erscheint auf der Startseite und als "
                "Überschrift."
            ),
        ),
        teaser=models.CharField(
            _("Was Sie hier finden"),
            max_length=200,
            blank=True,
            help_text=_("Ein Satz für die Startseite und die Seite der Zielgruppe."),
        ),
    )
    slug = models.SlugField(
        _("Kurzname in der Adresse"),
        max_length=100,
        unique=True,
        help_text=_(
            "Der Teil der Internetadresse nach „/fuer/“. Bleibt das Feld leer, wird er aus dem "
            "Namen gebildet. Nach dem Veröffentlichen nicht mehr ändern, sonst funktionieren "
            "Links nicht mehr."
        ),
    )
    order = models.PositiveIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )
    featured = models.BooleanField(
        _("Auf der Startseite zeigen"),
        default=False,
        help_text=_("Die Startseite verlinkt diese Zielgruppe unter „Wer sind Sie?“."),
    )
    leads_to_counselling = models.BooleanField(
        _("Zur Beratung für Frauen und Mädchen führen"),
        default=False,
        help_text=_(
            "Die Startseite und die Seite der Zielgruppe verlinken dann die Beratung und "
            "Begleitung für Frauen und Mädchen."
        ),
    )

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("fields:target-group", kwargs={"slug": self.slug})


class FieldOfWork(Publishable, ImageMixin, TranslatableModel):
    """A Handlungsfeld: one area of the centre's work, with its offers and documents."""

    translations = TranslatedFields(
        image_alt=alt_text_field(),
        title=models.CharField(
            _("Titel"),
            max_length=200,
            help_text=_("Kurz und verständlich, z. B. „Integration durch Sport“."),
        ),
        summary=models.TextField(
            _("Kurzbeschreibung"),
            max_length=500,
            help_text=_("Ein bis zwei Sätze für die Kachel auf der Übersichtsseite."),
        ),
        body=RichTextField(_("Beschreibung"), blank=True),
    )
    slug = models.SlugField(
        _("Kurzname in der Adresse"),
        max_length=100,
        unique=True,
        help_text=_(
            "Der Teil der Internetadresse der Seite. Bleibt das Feld leer, wird er aus dem "
            "Titel gebildet. Nach dem Veröffentlichen nicht mehr ändern, sonst funktionieren "
            "Links nicht mehr."
        ),
    )
    order = models.PositiveIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )
    target_groups = models.ManyToManyField(
        TargetGroup,
        blank=True,
        related_name="fields_of_work",
        verbose_name=_("Zielgruppen"),
        help_text=_("Auf den Seiten dieser Zielgruppen erscheint das Handlungsfeld."),
    )
    contact_persons = models.ManyToManyField(
        "centre.ContactPerson",
        blank=True,
        related_name="fields_of_work",
        verbose_name=_("Ansprechpersonen"),
        help_text=_("Erscheinen auf der Seite des Handlungsfelds mit Telefon und E-Mail."),
    )
    related_fields = models.ManyToManyField(
        "self",
        blank=True,
        verbose_name=_("Verwandte Handlungsfelder"),
        help_text=_("Werden auf der Seite des Handlungsfelds verlinkt."),
    )
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["order", "pk"]
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("fields:detail", kwargs={"slug": self.slug})


class Offer(TranslatableModel):
    """An Angebot within a field of work, e.g. coach training for migrants."""

    field_of_work = models.ForeignKey(
        FieldOfWork,
        on_delete=models.CASCADE,
        related_name="offers",
        verbose_name=_("Handlungsfeld"),
    )
    translations = TranslatedFields(
        title=models.CharField(
            _("Titel"), max_length=200, help_text=_("Zum Beispiel „Sprachcafé“.")
        ),
        description=models.TextField(
            _("Beschreibung"), blank=True, help_text=_("Was das Angebot leistet, für wen und wann.")
        ),
    )
    order = models.PositiveIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or ""


class Document(DownloadableDocument):
    field_of_work = models.ForeignKey(
        FieldOfWork,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("Handlungsfeld"),
    )

    class Meta(DownloadableDocument.Meta):
        pass

    def get_absolute_url(self):
        return reverse("fields:document", kwargs={"slug": self.field_of_work.slug, "pk": self.pk})
