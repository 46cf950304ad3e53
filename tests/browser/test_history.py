"""An editor undoes an edit from the history in a real browser; the pages pass axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from fields.models import FieldOfWork
from portal.history import record_initial_versions
from tests.accounts.otp import give_app
from tests.browser.staff_login import log_in
from tests.factories import FieldOfWorkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "ein-sicheres-passwort-fuer-tests"
AXE = Axe()


def assert_no_violations(page):
    """axe-core finds nothing in what the history pages render (Django's admin frame
    around it is not theirs)."""
    violations = AXE.run(page, context="#content-main").response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


@pytest.fixture
def staff(transactional_db, django_user_model):
    return django_user_model.objects.create_superuser(
        "redaktion", password=PASSWORD, first_name="Erika", last_name="Muster"
    )


def test_editor_undoes_a_change_from_the_history(new_page, live_server, staff):
    page = new_page(locale="de-DE")
    field = FieldOfWorkFactory(title="Integration durch Sport", slug="sport")
    record_initial_versions(comment="Erste Fassung")
    log_in(page, live_server, "redaktion", PASSWORD, app=give_app(staff))
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/fields/fieldofwork/{field.pk}/change/")
    page.fill("#id_title", "Sport verbindet")
    page.click("input[name=_save]")
    page.goto(f"{live_server.url}/admin/fields/fieldofwork/{field.pk}/change/")
    expect(page.get_by_text("Zuletzt geändert von Erika Muster am")).to_be_visible()
    page.get_by_role("link", name="Verlauf ansehen").click()

    expect(page.get_by_role("cell", name="Sport verbindet")).to_be_visible()
    assert_no_violations(page)
    page.get_by_role("link", name="Diese Version wiederherstellen").click()
    expect(page.get_by_role("cell", name="Integration durch Sport")).to_be_visible()
    assert_no_violations(page)
    page.get_by_role("button", name="Diese Version wiederherstellen").click()

    expect(page.locator(".messagelist .success")).to_contain_text("wiederhergestellt")
    assert FieldOfWork.objects.get(pk=field.pk).title == "Integration durch Sport"
