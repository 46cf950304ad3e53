"""Documents to download: upload checks by content, not by file name, and the abstract model
that fields of work and networks share."""

import uuid
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse, Http404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portal.uploads import validate_file_size

DOCUMENT_TYPES = {".pdf": "PDF", ".odt": "ODT", ".docx": "DOCX"}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def detect_document_type(uploaded) -> str | None:
    """Return ".pdf", ".odt" or ".docx" when the bytes are one of these, else None.

    Reads the file's head, and for the zip-based formats its directory; the file
    position is restored so the upload can still be saved.
    """
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    try:
        uploaded.seek(0)
        head = uploaded.read(8)
        uploaded.seek(0)
        if head.startswith(b"%PDF-"):
            return ".pdf"
        if head.startswith(b"PK\x03\x04"):
            try:
                with zipfile.ZipFile(uploaded) as archive:
                    names = set(archive.namelist())
                    if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                        return ".odt"
                    if {"[Content_Types].xml", "word/document.xml"} <= names:
                        return ".docx"
            except zipfile.BadZipFile:
                return None
        return None
    finally:
        uploaded.seek(position)


def validate_document_file(uploaded):
    suffix = Path(uploaded.name).suffix.lower()
    if suffix not in DOCUMENT_TYPES:
        raise ValidationError(
            _("Bitte laden Sie eine PDF-, ODT- oder DOCX-Datei hoch."), code="file_type"
        )
    validate_file_size(uploaded, settings.DOCUMENT_MAX_BYTES)
    detected = detect_document_type(uploaded)
    if detected != suffix:
        raise ValidationError(
            _(
                "Der Inhalt der Datei passt nicht zur Endung %(suffix)s. Erlaubt sind nur echte "
                "PDF-, ODT- und DOCX-Dateien."
            )
            % {"suffix": suffix},
            code="file_content",
        )


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
