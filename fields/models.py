import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from fields.validators import DOCUMENT_TYPES, validate_document_file
from ki_portal.richtext import RichTextField


class TargetGroupQuerySet(TranslatableQuerySet):
    def published(self):
        """Groups that have their German name, the fallback for every language.

        A group has no publication switch of its own: its page lists only published
        fields of work and their offers.
        """
        return self.filter(translations__language_code=settings.LANGUAGE_CODE)


class TargetGroup(TranslatableModel):
    """A group of people the centre addresses; each has a page with its fields and offers."""

    translations = TranslatedFields(
        name=models.CharField(_("Name"), max_length=100),
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
        help_text=_("Kleinbuchstaben, Ziffern und Bindestriche, z. B. „frauen-und-maedchen“."),
    )
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    featured = models.BooleanField(
        _("Auf der Startseite zeigen"),
        default=False,
        help_text=_("Die Startseite verlinkt diese Zielgruppe unter „Wer sind Sie?“."),
    )

    objects = TargetGroupQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("fields:target-group", kwargs={"slug": self.slug})


class FieldOfWorkQuerySet(TranslatableQuerySet):
    def published(self):
        """Published fields that have their German source text (the fallback for every language)."""
        return self.filter(is_published=True, translations__language_code=settings.LANGUAGE_CODE)


class FieldOfWork(TranslatableModel):
    """A Handlungsfeld: one area of the centre's work, with its offers and documents."""

    translations = TranslatedFields(
        title=models.CharField(_("Titel"), max_length=200),
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
        help_text=_("Kleinbuchstaben, Ziffern und Bindestriche, z. B. „integration-durch-sport“."),
    )
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    is_published = models.BooleanField(
        _("veröffentlicht"),
        default=False,
        help_text=_("Nur veröffentlichte Handlungsfelder sind öffentlich sichtbar."),
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="fields_of_work", verbose_name=_("Zielgruppen")
    )
    contact_persons = models.ManyToManyField(
        "centre.ContactPerson",
        blank=True,
        related_name="fields_of_work",
        verbose_name=_("Ansprechpersonen"),
    )
    related_fields = models.ManyToManyField(
        "self", blank=True, verbose_name=_("Verwandte Handlungsfelder")
    )
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    objects = FieldOfWorkQuerySet.as_manager()

    class Meta:
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
        title=models.CharField(_("Titel"), max_length=200),
        description=models.TextField(_("Beschreibung"), blank=True),
    )
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or ""


def document_upload_to(instance, filename):
    """Stored under a generated name: the uploaded name is neither trusted nor exposed."""
    return f"documents/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class DownloadableDocument(models.Model):
    """A file to download with what the accessibility rules ask to record about it: title,
    language, type, size and whether it was checked. Fields of work and networks have them."""

    title = models.CharField(_("Titel"), max_length=200)
    file = models.FileField(
        _("Datei"),
        upload_to=document_upload_to,
        validators=[validate_document_file],
        help_text=_("PDF, ODT oder DOCX."),
    )
    language = models.CharField(
        _("Sprache des Dokuments"), max_length=10, choices=settings.LANGUAGES, default="de"
    )
    file_type = models.CharField(_("Dateityp"), max_length=10, editable=False)
    size = models.PositiveBigIntegerField(_("Größe in Bytes"), editable=False, default=0)
    is_accessible = models.BooleanField(
        _("auf Barrierefreiheit geprüft"),
        default=False,
        help_text=_("Nur ankreuzen, wenn die Datei auf Barrierefreiheit geprüft wurde."),
    )
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
            self.file_type = DOCUMENT_TYPES[Path(self.file.name).suffix.lower()]
        super().save(*args, **kwargs)

    @property
    def download_name(self):
        """The file name a citizen's browser saves: the title, not the generated storage name."""
        return f"{slugify(self.title) or 'dokument'}{Path(self.file.name).suffix.lower()}"

    def download(self):
        """The file as an attachment under its download name; 404 when it is gone."""
        try:
            handle = self.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        return FileResponse(handle, as_attachment=True, filename=self.download_name)


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
