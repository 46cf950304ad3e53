"""The lockout page after too many failed logins, in a real browser: axe-core."""

import pytest
from playwright.sync_api import expect

from tests.browser.staff_login import log_in
from tests.browser.test_pages import assert_no_violations
from tests.factories import UserFactory
from tests.test_failure_pages import translated

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_lockout_page_passes_axe(new_page, live_server, language):
    UserFactory(username="redaktion", is_staff=True)
    page = new_page(locale=language)
    login = f"{live_server.url}/{language}/anmelden/"

    for _attempt in range(5):
        with page.expect_response(
            lambda response: response.url == login and response.request.method == "POST"
        ) as answer:
            log_in(page, live_server, "redaktion", "ein-falsches-passwort", language=language)

    assert answer.value.status == 429
    heading = translated(language, "Anmeldung vorübergehend gesperrt")
    expect(page.locator("h1")).to_have_text(heading)
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert_no_violations(page)
