"""Hostile uploads in the admin: each is refused with a clear message next to its field,
or stored only as a clean copy. The files are built here, small, whatever they claim."""

import html
import io
import re
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from centre.models import CentreProfile, InformationPage, PageKind
from fields.models import Document, FieldOfWork
from portal import documents
from tests.factories import MINIMAL_PDF, image, mp4

pytestmark = pytest.mark.django_db

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def black_and_white_png(width: int, height: int) -> bytes:
    """A valid one-bit PNG of that size, all black: its pixels pack to a few kilobytes per
    10 million, so a small file can claim any size."""
    row = bytes(1 + (width + 7) // 8)  # filter byte and the row's bits
    packer = zlib.compressobj(9)
    pixels = b"".join(packer.compress(row) for _row in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", pixels)
        + png_chunk(b"IEND", b"")
    )


def errors_next_to(page: str, field: str) -> str:
    """The error text in the admin's row of a field."""
    match = re.search(
        rf'<div class="form-row[^"]*field-{field}[^"]*">(.*?)<div class="flex-container',
        page,
        re.DOTALL,
    )
    assert match, f"no row for {field}"
    return html.unescape(re.sub(r"<[^>]+>", " ", match.group(1)))


@pytest.fixture
def centre():
    return CentreProfile.objects.create(name="Kommunales Integrationszentrum Musterstadt")


@pytest.fixture
def upload_logo(admin_client, centre):
    """Posts the centre profile's admin form with a logo; returns the response."""

    def post(name: str, content: bytes):
        data = {
            "name": "Kommunales Integrationszentrum Musterstadt",
            "logo": SimpleUploadedFile(name, content),
            **dict.fromkeys(
                [
                    *("mission", "body_kind", "parent_organization", "legal_representative"),
                    *("building", "street", "postal_code", "city", "phone", "fax", "email"),
                    *("website", "editorial_responsible", "data_protection_officer"),
                ],
                "",
            ),
        }
        return admin_client.post(f"/admin/centre/centreprofile/{centre.pk}/change/", data)

    return post


def stored_logo() -> bytes:
    with CentreProfile.objects.get().logo.open("rb") as handle:
        return handle.read()


def test_a_png_with_a_script_appended_is_stored_as_a_clean_copy(upload_logo, client):
    response = upload_logo("logo.png", image("PNG") + HTML)

    assert response.status_code == 302
    stored = stored_logo()
    assert b"<script" not in stored
    assert stored.endswith(png_chunk(b"IEND", b""))
    assert Image.open(io.BytesIO(stored)).size == (40, 20)
    served = b"".join(client.get("/logo").streaming_content)
    assert served == stored


def test_metadata_is_stripped_from_a_logo(upload_logo):
    exif = Image.Exif()
    exif[0x013B] = "Erika Mustermann"  # Artist
    exif[0x0110] = "Kamera XY"  # Model
    photo = image("JPEG", exif=exif.tobytes(), comment=b"Aufgenommen in der Kantstrasse 5")

    response = upload_logo("logo.jpg", photo)

    assert response.status_code == 302
    stored = stored_logo()
    assert b"Mustermann" not in stored
    assert b"Kamera" not in stored
    assert b"Kantstrasse" not in stored
    assert not Image.open(io.BytesIO(stored)).getexif()


def test_text_chunks_are_stripped_from_a_png_logo(upload_logo):
    info = PngInfo()
    info.add_text("Comment", "<svg onload=alert(1)>")
    response = upload_logo("logo.png", image("PNG", pnginfo=info))

    assert response.status_code == 302
    assert b"svg" not in stored_logo()
    assert b"tEXt" not in stored_logo()


def test_a_photo_taken_sideways_is_stored_upright(upload_logo):
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turned 90 degrees
    response = upload_logo("logo.jpg", image("JPEG", size=(40, 20), exif=exif.tobytes()))

    assert response.status_code == 302
    assert Image.open(io.BytesIO(stored_logo())).size == (20, 40)


def test_a_large_logo_is_stored_scaled_down(upload_logo):
    response = upload_logo("logo.png", image("PNG", size=(3000, 600)))

    assert response.status_code == 302
    assert Image.open(io.BytesIO(stored_logo())).size == (1024, 205)


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (20000, 20000),  # 400 megapixels: Pillow's own limit refuses it on opening
        (6000, 5000),  # 30 megapixels: above the logo's bound, below Pillow's
    ],
)
def test_a_decompression_bomb_is_refused_next_to_the_logo_field(upload_logo, width, height):
    bomb = black_and_white_png(width, height)
    assert len(bomb) < 1024 * 1024

    response = upload_logo("logo.png", bomb)

    assert response.status_code == 200
    assert "zu viele Bildpunkte" in errors_next_to(response.content.decode(), "logo")
    assert not CentreProfile.objects.get().logo


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.png", image("GIF")),
        ("logo.png", image("WEBP")),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("logo.png", HTML),
    ],
    ids=["gif-named-png", "webp", "svg", "html-named-png"],
)
def test_other_formats_are_refused_next_to_the_logo_field(upload_logo, name, content):
    response = upload_logo(name, content)

    assert response.status_code == 200
    assert "im Format PNG oder JPEG" in errors_next_to(response.content.decode(), "logo")
    assert not CentreProfile.objects.get().logo


def test_a_truncated_png_is_refused_as_damaged(upload_logo):
    response = upload_logo("logo.png", image("PNG", size=(400, 300))[:200])

    assert response.status_code == 200
    assert "beschädigt oder unvollständig" in errors_next_to(response.content.decode(), "logo")


def test_a_jpeg_named_png_is_stored_as_what_it_is(upload_logo, client):
    response = upload_logo("logo.png", image("JPEG"))

    assert response.status_code == 302
    assert re.fullmatch(r"centre/[0-9a-f]{32}\.jpg", CentreProfile.objects.get().logo.name)
    assert client.get("/logo")["Content-Type"] == "image/jpeg"


def test_a_logo_named_with_dot_dots_is_stored_under_a_generated_name(upload_logo, media):
    response = upload_logo("../../x.png", image("PNG"))

    assert response.status_code == 302
    name = CentreProfile.objects.get().logo.name
    assert re.fullmatch(r"centre/[0-9a-f]{32}\.png", name)
    assert [path.name for path in media.rglob("*.png")] == [name.removeprefix("centre/")]
    assert not list(media.parent.glob("x.png"))


# Documents and videos


def field_with_document(upload) -> dict:
    return {
        "title": "Integration durch Sport",
        "slug": "integration-durch-sport",
        "summary": "Übungsleiterschulungen.",
        "body": "<p>Sport verbindet.</p>",
        "order": "1",
        "offers-TOTAL_FORMS": "0",
        "offers-INITIAL_FORMS": "0",
        "documents-TOTAL_FORMS": "1",
        "documents-INITIAL_FORMS": "0",
        "documents-0-title": "Leitfaden",
        "documents-0-file": upload,
        "documents-0-language": "de",
        "documents-0-order": "0",
    }


def odt_declaring(unpacked_bytes: int) -> bytes:
    """An ODT whose "mimetype" part unpacks to `unpacked_bytes` (spaces after the real
    mimetype), packed to a hundred kilobytes or so."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("mimetype", "w", force_zip64=True) as member:
            member.write(documents.ODT_MIMETYPE)
            spaces = b" " * (1024 * 1024)
            for _chunk in range(unpacked_bytes // len(spaces)):
                member.write(spaces)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def test_an_odt_that_unpacks_to_100_mib_is_refused_without_unpacking_it(editor_client, monkeypatch):
    bomb = odt_declaring(100 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024
    unpacked = []
    original_read = zipfile.ZipExtFile.read

    def counting_read(self, n=-1):
        data = original_read(self, n)
        unpacked.append(len(data))
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting_read)

    response = editor_client.post(
        "/admin/fields/fieldofwork/add/", field_with_document(SimpleUploadedFile("a.odt", bomb))
    )

    assert response.status_code == 200
    assert "entpackt zu groß" in response.content.decode()
    assert sum(unpacked) == 0
    assert not FieldOfWork.objects.exists()
    assert not Document.objects.exists()


def test_of_a_large_part_the_check_unpacks_only_its_first_kib(monkeypatch):
    odt = odt_declaring(8 * 1024 * 1024)
    monkeypatch.setattr(documents, "ZIP_RATIO_FROM_BYTES", 1024 * 1024 * 1024)
    unpacked = []
    original_read = zipfile.ZipExtFile.read

    def counting_read(self, n=-1):
        data = original_read(self, n)
        unpacked.append(len(data))
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting_read)

    # 8 MiB of spaces after the mimetype, let through the ratio rule: the check compares
    # the first KiB, stripped, and unpacks nothing more.
    assert documents.detect_document_type(SimpleUploadedFile("a.odt", odt)) == ".odt"
    assert sum(unpacked) <= documents.ZIP_READ_BYTES


def test_an_archive_of_too_many_parts_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for number in range(documents.ZIP_MAX_MEMBERS):
            archive.writestr(f"word/media/{number}.xml", "")

    with pytest.raises(documents.ValidationError, match="entpackt zu groß"):
        documents.validate_document_file(SimpleUploadedFile("brief.docx", buffer.getvalue()))


@pytest.mark.parametrize(
    "content",
    [
        MINIMAL_PDF + b"\n" + HTML * 20,  # a page behind the end
        MINIMAL_PDF.replace(b"%%EOF", b""),  # no end at all
    ],
    ids=["html-appended", "no-end"],
)
def test_a_pdf_with_data_behind_its_end_is_refused(editor_client, content):
    response = editor_client.post(
        "/admin/fields/fieldofwork/add/",
        field_with_document(SimpleUploadedFile("leitfaden.pdf", content)),
    )

    assert response.status_code == 200
    assert "passt nicht zur Endung .pdf" in response.content.decode()
    assert not Document.objects.exists()


def test_a_pdf_with_an_incremental_update_is_accepted(editor_client):
    updated = MINIMAL_PDF + b"4 0 obj<</Title(Leitfaden)>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

    response = editor_client.post(
        "/admin/fields/fieldofwork/add/",
        field_with_document(SimpleUploadedFile("leitfaden.pdf", updated)),
    )

    assert response.status_code == 302
    assert Document.objects.get().size == len(updated)


@pytest.mark.parametrize(
    "content",
    [
        mp4(60) + HTML,  # a page behind the video
        mp4(60) + b"\x00\x00\x00",  # a few stray bytes
        mp4(60) + b"\x00\x00\x00\x10html<b>hi</b>",  # a box of a type MP4 does not have
    ],
    ids=["html-appended", "stray-bytes", "unknown-box"],
)
def test_an_mp4_with_anything_behind_its_boxes_is_refused(admin_client, content):
    page = InformationPage.objects.create(kind=PageKind.EASY_LANGUAGE)
    data = {
        "intro": "<p>Leichte Sprache</p>",
        "sign_language_video": SimpleUploadedFile("dgs.mp4", content),
        "sections-TOTAL_FORMS": "0",
        "sections-INITIAL_FORMS": "0",
    }

    response = admin_client.post(
        f"/admin/centre/informationpage/{page.pk}/change/?language=de", data
    )

    assert response.status_code == 200
    message = "kein vollständiges MP4-Video"
    assert message in errors_next_to(response.content.decode(), "sign_language_video")
    page.refresh_from_db()
    assert not page.sign_language_video


def test_a_complete_mp4_is_stored(admin_client):
    page = InformationPage.objects.create(kind=PageKind.EASY_LANGUAGE)
    data = {
        "intro": "<p>Leichte Sprache</p>",
        "sign_language_video": SimpleUploadedFile("dgs.mp4", mp4(60)),
        "sections-TOTAL_FORMS": "0",
        "sections-INITIAL_FORMS": "0",
    }

    response = admin_client.post(
        f"/admin/centre/informationpage/{page.pk}/change/?language=de", data
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.video_length == "1:00"
