"""Translating in the admin, in a real browser: the German text stands beside each field."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from fields.models import FieldOfWork
from tests.accounts.otp import give_app
from tests.browser.staff_login import log_in
from tests.factories import FieldOfWorkFactory, OfferFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "ein-sicheres-passwort-fuer-tests"
AXE = Axe()


@pytest.fixture
def staff(transactional_db, django_user_model):
    return django_user_model.objects.create_superuser("redaktion", password=PASSWORD)


def test_translator_reads_the_german_text_and_saves_arabic_alone(page, live_server, staff):
    field = FieldOfWorkFactory(
        title="Integration durch Sport",
        summary="Übungsleiterschulungen für Migrantinnen.",
        body="<p>Sport <strong>verbindet</strong>.</p><h2>Ziele</h2><p>Vereine öffnen.</p>",
    )
    OfferFactory(field_of_work=field, title="Übungsleiterschulung")
    log_in(page, live_server, "redaktion", PASSWORD, app=give_app(staff))
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/fields/fieldofwork/{field.pk}/change/?language=ar")

    summary = page.locator("#id_summary")
    described_by = summary.get_attribute("aria-describedby")
    german = page.locator(f"[id='{described_by}'] .german-source [lang=de]")
    expect(german).to_have_text("Übungsleiterschulungen für Migrantinnen.")
    expect(page.locator(".field-body .german-source strong", has_text="verbindet")).to_be_visible()
    # The German texts only: Django's and parler's own markup is not this test's subject.
    violations = AXE.run(page, context=".german-source").response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]

    page.fill("#id_title", "الاندماج من خلال الرياضة")
    page.fill("#id_summary", "تدريب المدربين للمهاجرات.")
    page.click("input[name=_save]")

    expect(page.locator(".messagelist .success")).to_be_visible()
    field = FieldOfWork.objects.get(pk=field.pk)
    assert field.has_translation("ar")
    assert not field.offers.filter(translations__language_code="ar").exists()
    # Saved, and still to be finished: its offer has no Arabic yet.
    assert field.translation_status("ar") == "outdated"
