"""A staff member logs in with password and app code; the login pages pass axe-core."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.accounts.otp import current_code, give_app
from tests.browser.staff_login import log_in
from tests.browser.test_pages import assert_no_violations
from tests.pages import LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "ein-sicheres-passwort-fuer-tests"


@pytest.fixture
def operator(transactional_db, django_user_model):
    return django_user_model.objects.create_superuser("betrieb", password=PASSWORD)


def test_superuser_logs_in_with_password_and_app_code_and_reaches_the_admin(
    page, live_server, operator
):
    app = give_app(operator)

    log_in(page, live_server, "betrieb", PASSWORD, app=app)

    page.wait_for_url(f"{live_server.url}/admin/")
    expect(page.locator("#user-tools")).to_contain_text("betrieb")
    expect(page.locator("#content h1")).to_be_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_login_code_and_setup_pages_pass_axe(page, live_server, operator, language):
    page.goto(f"{live_server.url}/{language}/anmelden/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert_no_violations(page)
    page.fill("#id_username", "betrieb")
    page.fill("#id_password", "falsch")
    page.click("button[type=submit]")
    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_violations(page)

    # Without a second factor the superuser is led to set one up.
    log_in(page, live_server, "betrieb", PASSWORD, language=language)
    page.wait_for_url(f"**/{language}/konto/zweiter-faktor/app/")
    expect(page.locator("svg.qr-code")).to_be_visible()
    assert_no_violations(page)
    device = TOTPDevice.objects.get(user=operator)
    page.fill("#id_code", current_code(device))
    page.click("button[type=submit]")
    page.wait_for_url(f"**/{language}/konto/zweiter-faktor/wiederherstellungscodes/")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    assert_no_violations(page)

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/{language}/anmelden/")
    page.fill("#id_username", "betrieb")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**/{language}/anmelden/code/")
    assert_no_violations(page)
