"""Representatives of migrant organisations in a real browser: the pages behind mail links."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from accounts.groups import MSO_GROUP
from ki_portal.roles import create_roles
from organisations.models import Status
from organisations.services import manage_link
from tests.browser.staff_login import log_in
from tests.browser.test_pages import assert_no_violations
from tests.factories import OrganisationFactory
from tests.pages import LANGUAGES

pytestmark = pytest.mark.browser

LINK_PAGES = ["", "aendern/", "themen/", "zurueckziehen/"]


def path_of(link):
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("step", LINK_PAGES)
def test_self_service_pages_pass_axe(new_page, live_server, content, language, step):
    entry = OrganisationFactory(name="Elternverein Brücke e. V.", language=language)
    entry.languages.set(["tr", "ar"])
    page = new_page()

    response = page.goto(live_server.url + path_of(manage_link(entry)) + step)

    assert response.status == 200
    assert_no_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form", ["anmelden/", "eintrag/link/"])
def test_forms_with_errors_pass_axe(new_page, live_server, content, language, form):
    page = new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/{language}/migrantenorganisationen/{form}")

    page.locator("button[type=submit]").click()

    expect(page.locator("#error-summary")).to_be_focused()
    assert_no_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_confirmation_pages_pass_axe(new_page, live_server, content, language):
    registration = OrganisationFactory(status=Status.UNCONFIRMED, language=language)
    page = new_page()
    page.goto(
        f"{live_server.url}/{language}/migrantenorganisationen/anmelden/bestaetigen/"
        f"{registration.make_link_token('confirm')}/"
    )
    assert_no_violations(page)

    page.locator("button[type=submit]").click()

    expect(page.locator("h1")).to_be_visible()
    registration.refresh_from_db()
    assert registration.status == Status.PENDING
    assert_no_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_too_many_requests_page_passes_axe(new_page, live_server, content, language):
    page = new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/{language}/migrantenorganisationen/eintrag/link/")
    for _attempt in range(5):
        page.locator("button[type=submit]").click()

    with page.expect_navigation() as navigation:
        page.locator("button[type=submit]").click()

    assert navigation.value.status == 429
    assert page.locator("main a[href*='kontakt']").count() == 1
    assert_no_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_invalid_link_page_passes_axe(new_page, live_server, content, language):
    page = new_page()

    response = page.goto(f"{live_server.url}/{language}/migrantenorganisationen/eintrag/kaputt/")

    assert response.status == 400
    expect(page.locator("h1")).to_be_visible()
    assert_no_violations(page)


PASSWORD = "ein-sicheres-passwort-fuer-tests"


def link_from_last_mail(kind):
    for line in mail.outbox[-1].body.splitlines():
        if f"/migrantenorganisationen/{kind}" in line:
            return path_of(line.strip())
    raise AssertionError(f"no {kind} link in {mail.outbox[-1].body}")


def approve_in_admin(page, live_server, name):
    page.goto(f"{live_server.url}/admin/organisations/reviewitem/")
    page.get_by_role("link", name=name).first.click()
    page.locator("input[name=_approve], button[name=_approve]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()


def test_an_organisation_goes_from_registration_to_the_directory_and_out_again(
    new_page, live_server, content, settings, monkeypatch, django_user_model
):
    """Register → mail → confirm → approve → listed → change → approve → withdraw → gone."""
    monkeypatch.setattr("portal.forms.MINIMUM_FILL_SECONDS", 0)
    settings.SITE_URL = live_server.url
    create_roles(apps)
    team = Group.objects.get(name=MSO_GROUP)
    staff = django_user_model.objects.create_user("mso", password=PASSWORD, is_staff=True)
    staff.groups.add(team)

    citizen = new_page(java_script_enabled=False)
    citizen.set_default_timeout(15_000)
    citizen.goto(f"{live_server.url}/de/migrantenorganisationen/anmelden/")
    citizen.fill("#id_name", "Elternverein Brücke e. V.")
    citizen.get_by_label("eingetragener Verein (e. V.)").check()
    citizen.fill("#id_register_court", "Amtsgericht Musterstadt")
    citizen.fill("#id_register_number", "VR 4711")
    citizen.get_by_label("Türkçe").check()
    citizen.get_by_label("Kinder und Jugendliche").check()
    citizen.fill("#id_description", "Hausaufgabenhilfe und ein Elterncafé.")
    citizen.fill("#id_contact_name", "Vorsitz des Vereins")
    citizen.fill("#id_contact_email", "vorstand@bruecke.example")
    citizen.get_by_label("Die E-Mail-Adresse darf veröffentlicht werden.").check()
    citizen.get_by_label("Ich habe die Datenschutzhinweise gelesen und bin einverstanden.").check()
    citizen.locator("button[type=submit]").click()
    expect(citizen.locator("h1")).to_have_text("Bitte bestätigen Sie Ihre E-Mail-Adresse")

    citizen.goto(live_server.url + link_from_last_mail("anmelden/bestaetigen"))
    citizen.get_by_role("button", name="Anmeldung bestätigen").click()
    expect(citizen.locator("h1")).to_have_text("Vielen Dank, Ihre Anmeldung ist bestätigt")

    office = new_page()
    office.set_default_timeout(15_000)
    log_in(office, live_server, "mso", PASSWORD)
    approve_in_admin(office, live_server, "Elternverein Brücke e. V.")

    citizen.goto(f"{live_server.url}/de/migrantenorganisationen/verzeichnis/?q=Brücke")
    citizen.get_by_role("link", name="Elternverein Brücke e. V.").click()
    expect(citizen.locator("main")).to_contain_text("vorstand@bruecke.example")
    expect(citizen.locator("main")).to_contain_text("Hausaufgabenhilfe und ein Elterncafé.")

    manage = link_from_last_mail("eintrag")
    citizen.goto(live_server.url + manage + "aendern/")
    citizen.fill("#id_description", "Hausaufgabenhilfe, Elterncafé und Sprachkurse.")
    citizen.locator("button[type=submit]").click()
    expect(citizen.locator("[role=status]")).to_contain_text("Ihre Änderungen sind bei uns")
    citizen.goto(f"{live_server.url}/de/migrantenorganisationen/verzeichnis/")
    expect(citizen.locator("main")).to_contain_text("Hausaufgabenhilfe und ein Elterncafé.")

    approve_in_admin(office, live_server, "Elternverein Brücke e. V.")
    citizen.goto(f"{live_server.url}/de/migrantenorganisationen/verzeichnis/")
    citizen.get_by_role("link", name="Elternverein Brücke e. V.").click()
    expect(citizen.locator("main")).to_contain_text("Sprachkurse")
    detail = citizen.url

    citizen.goto(live_server.url + link_from_last_mail("eintrag") + "zurueckziehen/")
    citizen.get_by_role("button", name="Eintrag endgültig zurückziehen").click()
    expect(citizen.locator("h1")).to_have_text("Ihr Eintrag ist gelöscht")
    assert citizen.goto(detail).status == 404
    citizen.goto(f"{live_server.url}/de/migrantenorganisationen/verzeichnis/")
    expect(citizen.locator("main")).not_to_contain_text("Elternverein Brücke")
