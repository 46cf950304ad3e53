"""A form sent with more than the portal takes: the 413 page in a real browser, axe-core
and the way back to the form."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_pages import assert_no_violations
from tests.pages import LANGUAGES
from tests.test_failure_pages import FORMS, translated

pytestmark = pytest.mark.browser

# The form's longest text field, filled with more than REQUEST_MAX_BYTES.
FIELDS = {
    "barrier-feedback": ("textarea[name=description]", "main form button[type=submit]"),
    "counselling-request": ("textarea[name=message]", "form [name=send]"),
}
FILL = "(element) => { element.removeAttribute('maxlength'); element.value = 'x'.repeat(1100000); }"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", FIELDS)
def test_a_form_sent_with_too_much_text_gets_a_page_that_leads_back(
    new_page, live_server, content, language, name
):
    page = new_page()
    page.set_default_timeout(15_000)
    form = live_server.url + FORMS[name].format(language=language)
    page.goto(form)
    field, submit = FIELDS[name]
    page.locator(field).evaluate(FILL)

    with page.expect_response(form) as answer:
        page.locator(submit).click()

    assert answer.value.status == 413
    expect(page.locator("h1")).to_have_text(translated(language, "Zu viel auf einmal gesendet"))
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    counselling = name == "counselling-request"
    assert page.locator("a[data-quick-exit]").count() == (1 if counselling else 0)
    assert_no_violations(page)

    page.get_by_role("link", name=translated(language, "Formular neu öffnen")).click()

    assert page.url == form
    expect(page.locator("main form")).to_be_visible()
