import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.documents import validate_document_file
from tests.factories import MINIMAL_PDF


def zipped(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


ODT = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
DOCX = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
SPREADSHEET = zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("leitfaden.pdf", MINIMAL_PDF),
        ("LEITFADEN.PDF", MINIMAL_PDF),
        ("brief.odt", ODT),
        ("brief.docx", DOCX),
    ],
)
def test_genuine_documents_are_accepted(name, content):
    upload = SimpleUploadedFile(name, content)

    validate_document_file(upload)

    assert upload.read() == content  # still readable from the start for saving


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("brief.docx", ODT, "file_content"),
        ("brief.odt", DOCX, "file_content"),
        ("tabelle.odt", SPREADSHEET, "file_content"),
        ("archiv.docx", zipped({"readme.txt": "hallo"}), "file_content"),
        ("kaputt.docx", b"PK\x03\x04 kein zip", "file_content"),
        ("bild.png", b"\x89PNG\r\n\x1a\n", "file_type"),
        ("ohne-endung", MINIMAL_PDF, "file_type"),
    ],
)
def test_other_files_are_refused(name, content, code):
    with pytest.raises(ValidationError) as refused:
        validate_document_file(SimpleUploadedFile(name, content))

    assert refused.value.code == code
