import base64
import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fields.models import Document, FieldOfWork
from tests.factories import MINIMAL_PDF, FieldOfWorkFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/fields/fieldofwork/add/"


def field_form(**overrides):
    """The admin's add form for a field of work, as a browser would post it."""
    data = {
        "title": "Integration durch Sport",
        "slug": "integration-durch-sport",
        "summary": "Übungsleiterschulungen für Migrantinnen und Migranten.",
        "body": "<p>Sport verbindet.</p>",
        "order": "1",
        "is_published": "on",
        "offers-TOTAL_FORMS": "0",
        "offers-INITIAL_FORMS": "0",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def with_document(data, upload, title="Leitfaden"):
    data.update(
        {
            "documents-TOTAL_FORMS": "1",
            "documents-0-title": title,
            "documents-0-file": upload,
            "documents-0-language": "de",
            "documents-0-order": "0",
        }
    )
    return data


def test_editor_creates_a_field_with_an_offer(editor_client):
    data = field_form(
        **{
            "offers-TOTAL_FORMS": "1",
            "offers-0-title": "Übungsleiterschulung",
            "offers-0-description": "Zwei Wochenenden",
            "offers-0-order": "0",
        }
    )

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 302
    field = FieldOfWork.objects.get(slug="integration-durch-sport")
    assert field.title == "Integration durch Sport"
    assert [offer.title for offer in field.offers.all()] == ["Übungsleiterschulung"]


def test_editor_enters_an_english_translation(editor_client):
    field = FieldOfWorkFactory(slug="sport")
    data = field_form(slug="sport", title="Integration through sport", summary="Coach training.")

    response = editor_client.post(f"/admin/fields/fieldofwork/{field.pk}/change/?language=en", data)

    assert response.status_code == 302
    field.refresh_from_db()
    field.set_current_language("en")
    assert field.title == "Integration through sport"
    field.set_current_language("de")
    assert field.title.startswith("Handlungsfeld")


def test_rich_text_is_stored_sanitised(editor_client):
    body = (
        '<p onclick="steal()">Hallo<script>alert(1)</script></p>'
        '<img src="x" onerror="alert(1)">'
        '<a href="javascript:alert(1)">Link</a><h2>Ziele</h2><h1>zu groß</h1>'
    )

    editor_client.post(ADD_URL, field_form(body=body))

    stored = FieldOfWork.objects.get(slug="integration-durch-sport").body
    assert "script" not in stored
    assert "onerror" not in stored
    assert "onclick" not in stored
    assert "javascript:" not in stored
    assert "<img" not in stored
    assert "<h1>" not in stored
    assert "<h2>Ziele</h2>" in stored


def test_rich_text_is_sanitised_on_every_save_not_only_in_the_admin(db):
    field = FieldOfWorkFactory(body='<p>Text<script>alert("x")</script></p>')

    field.refresh_from_db()

    assert field.body == "<p>Text</p>"


def test_slug_collision_is_a_form_error(editor_client):
    FieldOfWorkFactory(slug="integration-durch-sport")

    response = editor_client.post(ADD_URL, field_form())

    assert response.status_code == 200
    assert "Diese Adresse hat schon ein anderer Eintrag" in response.content.decode()
    assert "„integration-durch-sport-2“" in response.content.decode()
    assert FieldOfWork.objects.count() == 1


def test_publish_and_unpublish_actions(editor_client):
    draft = FieldOfWorkFactory(is_published=False)
    url = "/admin/fields/fieldofwork/"

    editor_client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.is_published

    editor_client.post(url, {"action": "unpublish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert not draft.is_published


def test_editor_reorders_fields_in_the_list(editor_client):
    first = FieldOfWorkFactory(order=1)
    second = FieldOfWorkFactory(order=2)
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": first.pk,
        "form-0-order": "5",
        "form-1-id": second.pk,
        "form-1-order": "3",
        "_save": "Sichern",
    }

    response = editor_client.post("/admin/fields/fieldofwork/", data)

    assert response.status_code == 302
    assert list(FieldOfWork.objects.values_list("pk", flat=True)) == [second.pk, first.pk]


def test_admin_search_and_filter(editor_client):
    FieldOfWorkFactory(title="Seniorenarbeit")
    FieldOfWorkFactory(title="Sport", is_published=False)

    found = editor_client.get("/admin/fields/fieldofwork/", {"q": "Senioren"})
    drafts = editor_client.get("/admin/fields/fieldofwork/", {"status": "entwurf"})

    assert "Seniorenarbeit" in found.content.decode()
    assert "Sport" not in found.content.decode()
    assert "Sport" in drafts.content.decode()
    assert "Seniorenarbeit" not in drafts.content.decode()


def test_editor_attaches_a_pdf(editor_client):
    upload = SimpleUploadedFile("leitfaden.pdf", MINIMAL_PDF, content_type="application/pdf")

    response = editor_client.post(ADD_URL, with_document(field_form(), upload))

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file_type == "PDF"
    assert document.size == len(MINIMAL_PDF)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "passt nicht zur Endung"),
        ("setup.exe", b"MZ\x90\x00\x03" + b"\x00" * 200, "PDF-, ODT- oder DOCX-Datei"),
        ("seite.pdf", b"<html><script>alert(1)</script></html>", "passt nicht zur Endung"),
        ("brief.docx", MINIMAL_PDF, "passt nicht zur Endung"),
    ],
)
def test_disguised_or_wrong_files_are_refused(editor_client, name, content, message):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")

    response = editor_client.post(ADD_URL, with_document(field_form(), upload))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not FieldOfWork.objects.exists()
    assert not Document.objects.exists()


def test_oversized_file_is_refused(editor_client, settings):
    settings.DOCUMENT_MAX_BYTES = 100
    upload = SimpleUploadedFile("gross.pdf", MINIMAL_PDF + b"\n" * 200)

    response = editor_client.post(ADD_URL, with_document(field_form(), upload))

    assert response.status_code == 200
    assert "höchstens 100" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/fields/fieldofwork/",
        ADD_URL,
        "/admin/fields/fieldofwork/{pk}/change/",
        "/admin/fields/fieldofwork/{pk}/delete/",
    ],
)
def test_outsider_is_refused(outsider_client, url):
    field = FieldOfWorkFactory()

    response = outsider_client.get(url.format(pk=field.pk))

    assert response.status_code == 403


def test_outsider_cannot_change_a_field_by_posting(outsider_client):
    field = FieldOfWorkFactory(title="Original")

    response = outsider_client.post(
        f"/admin/fields/fieldofwork/{field.pk}/change/", field_form(slug=field.slug)
    )

    assert response.status_code == 403
    field.refresh_from_db()
    assert field.title == "Original"


def test_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get("/admin/fields/fieldofwork/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_policy_allows_only_the_editors_own_import_map(editor_client):
    field = FieldOfWorkFactory()

    response = editor_client.get(f"/admin/fields/fieldofwork/{field.pk}/change/")

    html = response.content.decode()
    start = html.index('<script type="importmap">') + len('<script type="importmap">')
    import_map = html[start : html.index("</script>", start)].encode()
    digest = base64.b64encode(hashlib.sha256(import_map).digest()).decode()
    script_policy = next(
        part
        for part in response["Content-Security-Policy"].split("; ")
        if part.startswith("script-src")
    )
    assert script_policy == f"script-src 'self' 'sha256-{digest}'"


def test_admin_speaks_german_by_default(client):
    response = client.get("/admin/login/", follow=True)

    assert response.redirect_chain == [("/de/anmelden/", 302)]
    assert "Benutzername" in response.content.decode()
