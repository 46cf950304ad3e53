"""Counselling for women and girls in a real browser: axe, quick exit, headers, the whole way."""

import csv
import datetime
import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts import second_factor
from accounts.groups import COUNSELLING_GROUP
from centre.models import ContactPerson
from counselling.models import (
    AccessAction,
    AccessLog,
    CounsellingRequest,
    Counsellor,
    MonthlyCount,
    Status,
    Topic,
)
from counselling.services import requests_erase_expired
from ki_portal.roles import create_roles
from tests.accounts.otp import give_app
from tests.browser.staff_login import log_in as staff_log_in
from tests.browser.test_pages import assert_no_violations
from tests.pages import LANGUAGES

pytestmark = pytest.mark.browser

INFORMATION = "/{language}/beratung/"
FORM = "/{language}/beratung/anfrage/"
SENT = "/{language}/beratung/anfrage/gesendet/"
QUICK_EXIT = "Seite sofort verlassen"
PASSWORD = "ein-sicheres-passwort-fuer-tests"
PHONE = "0176 98765432"
MESSAGE = "Ich brauche jemanden, der mit mir zur Ausländerbehörde geht."
REQUESTS = "/admin/counselling/counsellingrequest/"
EXPORT = "/admin/counselling/monthlycount/export/"


@pytest.fixture
def counsellor_on_page(content):
    """A contact person of the centre shown as the counsellor on the information page."""
    return Counsellor.objects.create(
        contact_person=ContactPerson.objects.get(email="sport@musterstadt.example")
    )


@pytest.fixture
def exit_url(settings, live_server):
    """A neutral page of the live server instead of an outside site, which is out of reach."""
    settings.QUICK_EXIT_URL = live_server.url + "/robots.txt"
    return settings.QUICK_EXIT_URL


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("address", [INFORMATION, FORM, SENT])
def test_the_counselling_pages_pass_axe(
    new_page, live_server, counsellor_on_page, language, address
):
    page = new_page()

    response = page.goto(live_server.url + address.format(language=language))

    assert response.status == 200
    expect(page.locator("a[data-quick-exit]")).to_be_visible()
    expect(page.locator("a[href='tel:116016']")).to_be_visible()
    assert_no_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_with_errors_passes_axe(new_page, live_server, content, language):
    page = new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + FORM.format(language=language))

    page.locator("form [name=send]").click()

    expect(page.locator("#error-summary")).to_be_focused()
    assert page.url == live_server.url + FORM.format(language=language)
    assert not CounsellingRequest.objects.exists()
    assert_no_violations(page)


def test_the_quick_exit_works_without_javascript(new_page, live_server, content, exit_url):
    page = new_page(java_script_enabled=False)
    page.goto(live_server.url + FORM.format(language="de"))

    page.get_by_role("link", name=QUICK_EXIT).click()

    page.wait_for_url(exit_url)
    assert page.url == exit_url


def test_escape_leaves_the_form_without_a_new_history_entry(
    new_page, live_server, content, exit_url
):
    page = new_page()
    page.goto(live_server.url + INFORMATION.format(language="de"))
    page.goto(live_server.url + FORM.format(language="de"))
    entries = page.evaluate("history.length")

    page.keyboard.press("Escape")

    page.wait_for_url(exit_url)
    assert page.evaluate("history.length") == entries
    # Back leads past the replaced form to the page before it.
    page.go_back()
    assert page.url == live_server.url + INFORMATION.format(language="de")


def test_the_quick_exit_link_replaces_the_page_with_javascript(
    new_page, live_server, content, exit_url
):
    page = new_page()
    page.goto(live_server.url + INFORMATION.format(language="de"))
    page.goto(live_server.url + FORM.format(language="de"))
    entries = page.evaluate("history.length")

    page.get_by_role("link", name=QUICK_EXIT).click()

    page.wait_for_url(exit_url)
    assert page.evaluate("history.length") == entries


@pytest.mark.parametrize("address", [INFORMATION, FORM, SENT])
def test_the_browser_is_told_to_keep_no_copy_and_send_no_referrer(
    new_page, live_server, content, address
):
    page = new_page()

    response = page.goto(live_server.url + address.format(language="de"))

    assert response.status == 200
    assert "no-store" in response.headers["cache-control"]
    assert response.headers["referrer-policy"] == "no-referrer"


def test_the_form_shown_again_with_errors_is_not_kept_either(new_page, live_server, content):
    page = new_page()
    page.goto(live_server.url + FORM.format(language="de"))

    with page.expect_navigation() as navigation:
        page.locator("form [name=send]").click()

    response = navigation.value
    assert response.request.method == "POST"
    assert "no-store" in response.headers["cache-control"]
    assert response.headers["referrer-policy"] == "no-referrer"


def staff_member(django_user_model, username, *, groups=(), permissions=()):
    user = django_user_model.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.set(groups)
    user.user_permissions.set(permissions)
    return user


def log_in(new_page, live_server, username):
    page = new_page(locale="de-DE")
    page.set_default_timeout(15_000)
    user = get_user_model().objects.get(username=username)
    app = give_app(user) if second_factor.required_for(user) else None
    staff_log_in(page, live_server, username, PASSWORD, app=app)
    expect(page.locator("#user-tools")).to_be_visible()
    return page


def send_a_request(new_page, live_server):
    woman = new_page(java_script_enabled=False, locale="de-DE")
    woman.set_default_timeout(15_000)
    woman.goto(live_server.url + INFORMATION.format(language="de"))
    woman.get_by_role("link", name="Anfrage senden").click()
    woman.get_by_label("Begleitung zu einer Behörde").check()
    woman.fill("#id_authority", "Ausländerbehörde")
    woman.get_by_label("Anruf", exact=True).check()
    woman.fill("#id_contact_detail", PHONE)
    woman.fill("#id_name", "Leyla")
    woman.select_option("#id_language", "ar")
    woman.fill("#id_message", MESSAGE)
    woman.locator("#id_message_consent").check()
    woman.locator("form [name=send]").click()
    expect(woman.locator("h1")).to_have_text("Ihre Anfrage ist angekommen")
    assert woman.url == live_server.url + SENT.format(language="de")


def test_a_request_goes_from_the_form_to_the_team_and_is_erased_after_the_period(
    new_page, live_server, content, monkeypatch, django_user_model
):
    """Sent → listed → opened and logged → refused to an outsider → done → erased."""
    monkeypatch.setattr("portal.forms.MINIMUM_FILL_SECONDS", 0)
    create_roles(apps)
    team = Group.objects.get(name=COUNSELLING_GROUP)
    counsellor = staff_member(django_user_model, "beraterin", groups=[team])
    outsider = staff_member(
        django_user_model,
        "redakteur",
        permissions=Permission.objects.filter(content_type__app_label="counselling"),
    )

    send_a_request(new_page, live_server)

    counselling_request = CounsellingRequest.objects.get()
    reference = counselling_request.reference
    office = log_in(new_page, live_server, "beraterin")
    office.goto(live_server.url + REQUESTS)
    row = office.locator("#result_list tbody tr")
    expect(row).to_have_count(1)
    for shown in [reference, "Neu", "Begleitung zu einer Behörde", "Arabisch"]:
        expect(row).to_contain_text(shown)
    assert PHONE not in office.content()
    assert "Leyla" not in office.content()

    office.get_by_role("link", name=reference).click()

    main = office.locator("#content-main")
    expect(main).to_contain_text(PHONE)
    expect(main).to_contain_text(MESSAGE)
    expect(main).to_contain_text("Ausländerbehörde")
    assert AccessLog.objects.filter(
        user=counsellor, reference=reference, action=AccessAction.OPENED
    ).exists()

    change = reverse("admin:counselling_counsellingrequest_change", args=[counselling_request.pk])
    history = reverse("admin:counselling_counsellingrequest_history", args=[counselling_request.pk])
    editor = log_in(new_page, live_server, "redakteur")
    for address in [REQUESTS, change, history]:
        response = editor.goto(live_server.url + address)
        assert response.status == 403, address
        assert PHONE not in editor.content()
    assert editor.request.get(live_server.url + EXPORT).status == 403
    # The refused detail and history pages are recorded with his account, the list is not.
    assert (
        list(AccessLog.objects.filter(user=outsider).values_list("reference", "action"))
        == [(reference, AccessAction.REFUSED)] * 2
    )

    office.select_option("#id_status", label="Erledigt")
    office.locator("input[name=_save]").click()
    expect(office.locator(".messagelist .success")).to_be_visible()
    counselling_request.refresh_from_db()
    assert counselling_request.status == Status.DONE
    assert counselling_request.closed_at is not None

    erased = requests_erase_expired(now=timezone.now() + datetime.timedelta(days=91))

    assert erased == 1
    office.goto(live_server.url + REQUESTS)
    expect(office.locator("#content-main")).not_to_contain_text(reference)
    assert not CounsellingRequest.objects.exists()
    count = MonthlyCount.objects.get()
    assert (count.topic, count.language_id, count.channel, count.count) == (
        Topic.ACCOMPANIMENT,
        "ar",
        "phone",
        1,
    )
    export = office.request.get(f"{live_server.url}{EXPORT}?year={count.month.year}")
    assert export.status == 200
    rows = list(csv.reader(io.StringIO(export.text().lstrip("\ufeff")), delimiter=";"))
    assert rows[1][1:] == ["Begleitung zu einer Behörde", "Arabisch", "Anruf", "1"]
