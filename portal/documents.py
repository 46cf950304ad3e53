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

from portal.uploads import read_tail, validate_file_size, with_upload_hint

DOCUMENT_TYPES = {".pdf": "PDF", ".odt": "ODT", ".docx": "DOCX"}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# A PDF ends with "%%EOF"; readers look for it in the last KiB (PDF 1.7, annex H), and so
# does the check: a PDF with anything longer behind its end is refused.
PDF_TAIL_BYTES = 1024
# What a zip-based document (ODT, DOCX) may declare about its parts, from its directory,
# before any part is unpacked: a few hundred parts, together at most 100 MiB unpacked, and
# no part above 1 MiB packed more than 100 times tighter (text XML packs about 10 times,
# images hardly). A "zip bomb" declares gigabytes in kilobytes and is refused.
ZIP_MAX_MEMBERS = 1000
ZIP_MAX_UNPACKED_BYTES = 100 * 1024 * 1024
ZIP_MAX_RATIO = 100
ZIP_RATIO_FROM_BYTES = 1024 * 1024
# The most the check unpacks of one part (the ODT's "mimetype" has 39 bytes).
ZIP_READ_BYTES = 1024
# What the zip module may raise for a damaged or unusual archive (encrypted parts, an
# unknown compression method, a directory that points nowhere).
ZIP_ERRORS = (
    *(zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError),
    *(ValueError, RuntimeError, NotImplementedError),
)


def zip_is_bounded(archive: zipfile.ZipFile) -> bool:
    """Whether the archive's directory declares parts small enough to unpack."""
    members = archive.infolist()
    if len(members) > ZIP_MAX_MEMBERS:
        return False
    if sum(member.file_size for member in members) > ZIP_MAX_UNPACKED_BYTES:
        return False
    return not any(
        member.file_size > ZIP_RATIO_FROM_BYTES
        and member.file_size > ZIP_MAX_RATIO * max(member.compress_size, 1)
        for member in members
    )


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """The first `ZIP_READ_BYTES` of a part, unpacked; never more, whatever it declares."""
    with archive.open(name) as member:
        return member.read(ZIP_READ_BYTES)


def detect_document_type(uploaded) -> str | None:
    """Return ".pdf", ".odt" or ".docx" when the bytes are one of these, else None.

    Reads the file's head and tail, and for the zip-based formats its directory and at
    most `ZIP_READ_BYTES` of one part; raises ValidationError for an archive that declares
    too much to unpack. The file position is restored so the upload can still be saved.
    """
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    try:
        uploaded.seek(0)
        head = uploaded.read(8)
        uploaded.seek(0)
        if head.startswith(b"%PDF-"):
            return ".pdf" if b"%%EOF" in read_tail(uploaded, PDF_TAIL_BYTES) else None
        if head.startswith(b"PK\x03\x04"):
            try:
                with zipfile.ZipFile(uploaded) as archive:
                    if not zip_is_bounded(archive):
                        raise ValidationError(
                            _(
                                "Die Datei würde entpackt zu groß. Bitte speichern Sie das "
                                "Dokument mit Ihrem Textprogramm neu und laden Sie es erneut "
                                "hoch."
                            ),
                            code="file_unpacked",
                        )
                    names = set(archive.namelist())
                    if "mimetype" in names and read_member(archive, "mimetype").strip() == (
                        ODT_MIMETYPE
                    ):
                        return ".odt"
                    if {"[Content_Types].xml", "word/document.xml"} <= names:
                        return ".docx"
            except ZIP_ERRORS:
                return None
        return None
    finally:
        uploaded.seek(position)


@with_upload_hint(DOCUMENT_TYPES.values(), lambda: settings.DOCUMENT_MAX_BYTES)
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

    title = models.CharField(
        _("Titel"),
        max_length=200,
        help_text=_("So heißt der Link zur Datei, z. B. „Flyer Sprachcafé (PDF)“."),
    )
    file = models.FileField(
        _("Datei"),
        upload_to=document_upload_to,
        validators=[validate_document_file],
        help_text=_("Die Datei, die Besucherinnen und Besucher herunterladen können."),
    )
    language = models.CharField(
        _("Sprache des Dokuments"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="de",
        help_text=_("In welcher Sprache die Datei geschrieben ist."),
    )
    file_type = models.CharField(_("Dateityp"), max_length=10, editable=False)
    size = models.PositiveBigIntegerField(_("Größe in Bytes"), editable=False, default=0)
    is_accessible = models.BooleanField(
        _("auf Barrierefreiheit geprüft"),
        default=False,
        help_text=_("Nur ankreuzen, wenn die Datei auf Barrierefreiheit geprüft wurde."),
    )
    order = models.PositiveIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )

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
