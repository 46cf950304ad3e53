"""Staff write the description of a field of work in the rich-text editor of the admin."""

import pytest
from playwright.sync_api import expect

from fields.models import FieldOfWork

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "ein-sicheres-passwort-fuer-tests"


@pytest.fixture
def staff(transactional_db, django_user_model):
    return django_user_model.objects.create_superuser("redaktion", password=PASSWORD)


def test_editor_writes_a_field_of_work_in_the_rich_text_editor(page, live_server, staff):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "redaktion")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")

    page.goto(f"{live_server.url}/admin/fields/fieldofwork/add/")
    page.fill("#id_title", "Integration durch Sport")
    page.fill("#id_slug", "integration-durch-sport")
    page.fill("#id_summary", "Übungsleiterschulungen")
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.type("Sport verbindet.")
    page.click("input[name=_save]")

    expect(page.locator(".messagelist .success")).to_be_visible()
    field = FieldOfWork.objects.get(slug="integration-durch-sport")
    assert field.body == "<p>Sport verbindet.</p>"
    assert [text for text in console if "Content Security Policy" in text] == []
