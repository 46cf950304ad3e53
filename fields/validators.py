"""Upload checks for documents: the content decides, not the file name."""

import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ki_portal.uploads import validate_file_size

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
