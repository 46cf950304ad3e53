"""Staff write the description of a field of work in the rich-text editor of the admin."""

import pytest
from playwright.sync_api import expect

from fields.models import FieldOfWork
from tests.accounts.otp import give_app
from tests.browser.staff_login import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "ein-sicheres-passwort-fuer-tests"


@pytest.fixture
def staff(transactional_db, django_user_model):
    return django_user_model.objects.create_superuser("redaktion", password=PASSWORD)


def test_editor_writes_a_field_of_work_in_the_rich_text_editor(page, live_server, staff):
    console = []
    page.on("console", lambda message: console.append(message.text))
    log_in(page, live_server, "redaktion", PASSWORD, app=give_app(staff))
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/fields/fieldofwork/add/")
    page.fill("#id_title", "Integration durch Sport")
    # The address is filled in from the title.
    page.fill("#id_summary", "Übungsleiterschulungen")
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.type("Sport verbindet.")
    page.click("input[name=_save]")

    expect(page.locator(".messagelist .success")).to_be_visible()
    field = FieldOfWork.objects.get(slug="integration-durch-sport")
    assert field.body == "<p>Sport verbindet.</p>"
    assert [text for text in console if "Content Security Policy" in text] == []
