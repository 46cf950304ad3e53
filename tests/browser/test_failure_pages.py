"""The failure pages in a real browser: axe-core, and the way back to the form."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_pages import assert_no_violations
from tests.pages import LANGUAGES
from tests.test_failure_pages import FORMS, translated

pytestmark = pytest.mark.browser

SUBMIT = {
    "barrier-feedback": "main form button[type=submit]",
    "counselling-request": "form [name=send]",
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", SUBMIT)
def test_a_form_sent_without_its_cookie_gets_a_page_that_leads_back(
    new_page, live_server, content, language, name
):
    page = new_page()
    page.set_default_timeout(15_000)
    form = live_server.url + FORMS[name].format(language=language)
    page.goto(form)
    # As if the form had been open for too long, or the browser blocked the cookie.
    page.context.clear_cookies()

    with page.expect_response(form) as answer:
        page.locator(SUBMIT[name]).click()

    assert answer.value.status == 403
    expect(page.locator("h1")).to_have_text(translated(language, "Formular bitte neu öffnen"))
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    counselling = name == "counselling-request"
    assert page.locator("a[data-quick-exit]").count() == (1 if counselling else 0)
    assert page.locator("a[href='tel:116016']").count() == (1 if counselling else 0)
    assert_no_violations(page)

    page.get_by_role("link", name=translated(language, "Formular neu öffnen")).click()

    assert page.url == form
    expect(page.locator("main form")).to_be_visible()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("section", ["", "beratung/"])
def test_the_500_page_passes_axe(new_page, live_server, settings, language, section):
    settings.ROOT_URLCONF = "tests.failure_urls"
    page = new_page()

    response = page.goto(f"{live_server.url}/{language}/{section}kaputt/fehler/")

    assert response.status == 500
    expect(page.locator("h1")).to_have_text(translated(language, "Technischer Fehler"))
    assert page.locator("a[data-quick-exit]").count() == (1 if section else 0)
    assert_no_violations(page)
