"""Request bodies: a visitor's request is refused above 1 MiB before its body is read, in
the portal's frame; too many fields get the 400 page; staff still upload what the
settings allow."""

import urllib.parse

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from counselling.models import CounsellingRequest
from fields.models import Document
from tests.factories import MINIMAL_PDF
from tests.pages import LANGUAGES
from tests.security.test_uploads import field_with_document
from tests.test_html_validity import html_errors

pytestmark = pytest.mark.django_db

FORM = "/de/beratung/anfrage/"
REPORT_FORM = "/de/barrierefreiheit/rueckmeldung/"
URLENCODED = "application/x-www-form-urlencoded"
MiB = 1024 * 1024


def test_a_3_mb_body_to_a_public_form_gets_the_413_page_in_its_section(client):
    body = urllib.parse.urlencode({"message": "x" * 3 * MiB, "name": "Leyla"})

    response = client.post(FORM, body, content_type=URLENCODED)

    assert response.status_code == 413
    page = response.content.decode()
    assert "Zu viel auf einmal gesendet" in page
    assert "Es wurde nichts gespeichert." in page
    assert f'href="{FORM}"' in page  # back to a fresh copy of the form
    assert "data-quick-exit" in page  # the counselling section keeps its frame
    assert not CounsellingRequest.objects.exists()


def test_the_413_page_is_in_the_visitors_language(client):
    body = urllib.parse.urlencode({"description": "x" * 2 * MiB})

    response = client.post(REPORT_FORM.replace("/de/", "/en/"), body, content_type=URLENCODED)

    assert response.status_code == 413
    assert '<html lang="en"' in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_413_pages_have_no_html_errors(client, tmp_path, language):
    pages = {
        section: client.post(
            url.replace("/de/", f"/{language}/"),
            "message=abcd",
            content_type=URLENCODED,
            CONTENT_LENGTH=str(2 * MiB),
        )
        for section, url in {"counselling": FORM, "site": REPORT_FORM}.items()
    }
    assert {response.status_code for response in pages.values()} == {413}

    errors = html_errors(pages, tmp_path)

    assert not errors, "\n".join(errors)


def test_a_50_mb_body_is_refused_without_being_read(client):
    # The test client's input raises when more is read than was sent: 12 bytes are sent,
    # 50 MiB announced.
    response = client.post(
        FORM, "message=abcd", content_type=URLENCODED, CONTENT_LENGTH=str(50 * MiB)
    )

    assert response.status_code == 413


def test_a_body_at_the_bound_is_read_as_usual(client):
    body = urllib.parse.urlencode({"description": "x" * (MiB - 100)})

    response = client.post(REPORT_FORM, body, content_type=URLENCODED)

    assert response.status_code == 200  # the form again, with its messages
    assert "Zu viel auf einmal gesendet" not in response.content.decode()


def test_1200_fields_get_the_400_page(client):
    body = "&".join(f"field{number}=x" for number in range(1200))

    response = client.post(FORM, body, content_type=URLENCODED)

    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.content.decode()
    assert not CounsellingRequest.objects.exists()


def test_a_visitor_gets_no_larger_bound_in_the_admin(client):
    response = client.post(
        "/admin/login/", "username=a", content_type=URLENCODED, CONTENT_LENGTH=str(20 * MiB)
    )

    assert response.status_code == 413


def test_staff_get_no_larger_bound_on_public_forms(editor_client):
    response = editor_client.post(
        FORM, "message=abcd", content_type=URLENCODED, CONTENT_LENGTH=str(20 * MiB)
    )

    assert response.status_code == 413


def test_staff_are_refused_above_the_largest_upload(editor_client, settings):
    announced = settings.STAFF_REQUEST_MAX_BYTES + 1

    response = editor_client.post(
        "/admin/fields/fieldofwork/add/",
        "title=a",
        content_type=URLENCODED,
        CONTENT_LENGTH=str(announced),
    )

    assert response.status_code == 413


def test_an_editor_uploads_a_20_mb_document_as_the_settings_allow(editor_client, settings):
    settings.DOCUMENT_MAX_BYTES = 25 * MiB
    head, end = MINIMAL_PDF.split(b"%%EOF")
    pdf = head + b"%" + b"x" * 20 * MiB + b"\n%%EOF" + end
    data = field_with_document(SimpleUploadedFile("leitfaden.pdf", pdf))

    response = editor_client.post("/admin/fields/fieldofwork/add/", data)

    assert response.status_code == 302
    assert Document.objects.get().size == len(pdf)
