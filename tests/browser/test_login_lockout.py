"""The lockout page after too many failed logins, in a real browser: axe-core."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_pages import assert_no_violations
from tests.factories import UserFactory
from tests.test_failure_pages import translated

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_lockout_page_passes_axe(new_page, live_server, language):
    UserFactory(username="redaktion", is_staff=True)
    page = new_page(locale=language)

    for _attempt in range(5):
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "redaktion")
        page.fill("#id_password", "ein-falsches-passwort")
        with page.expect_response(f"{live_server.url}/admin/login/") as answer:
            page.click("input[type=submit]")

    assert answer.value.status == 429
    heading = translated(language, "Anmeldung vorübergehend gesperrt")
    expect(page.locator("h1")).to_have_text(heading)
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert_no_violations(page)
