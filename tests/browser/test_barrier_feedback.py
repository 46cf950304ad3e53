"""A person reports a barrier in a real browser, without JavaScript, and corrects a mistake."""

import pytest
from playwright.sync_api import expect

from centre.models import BarrierFeedback
from tests.browser.test_pages import assert_no_violations
from tests.pages import LANGUAGES, PUBLIC_PAGES

pytestmark = pytest.mark.browser


def form_url(live_server, language):
    return live_server.url + PUBLIC_PAGES["barrier-feedback"].format(language=language)


def test_a_report_with_a_mistake_is_corrected_and_sent_without_javascript(
    new_page, live_server, content, monkeypatch
):
    # The correction is typed faster than a person could; the fill-time check is tested
    # on its own.
    monkeypatch.setattr("portal.forms.MINIMUM_FILL_SECONDS", 0)
    page = new_page(java_script_enabled=False)
    page.set_default_timeout(15_000)
    page.goto(form_url(live_server, "de") + "?seite=/de/kontakt/")
    assert page.locator("#id_page_url").input_value() == "/de/kontakt/"
    page.locator("#id_name").fill("<b>Ada</b>")

    page.locator("button[type=submit]").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(page.locator("#id_description-error")).to_be_visible()
    expect(page.locator("#id_name-error")).to_have_text("Bitte geben Sie keinen HTML-Code ein.")
    assert page.locator("#id_name").input_value() == "<b>Ada</b>"
    assert not BarrierFeedback.objects.exists()

    summary.get_by_role("link", name="Was hat nicht funktioniert?").click()
    expect(page.locator("#id_description")).to_be_focused()
    page.keyboard.type("Das Formular lässt sich mit der Tastatur nicht absenden.")
    page.locator("#id_name").fill("Ada")
    page.locator("button[type=submit]").click()

    assert page.url == form_url(live_server, "de") + "danke/"
    expect(page.locator("h1")).to_have_text("Vielen Dank für Ihre Rückmeldung")
    feedback = BarrierFeedback.objects.get()
    assert feedback.page_url == "/de/kontakt/"
    assert feedback.name == "Ada"


@pytest.mark.parametrize("language", LANGUAGES)
def test_form_with_errors_passes_axe(new_page, live_server, content, language):
    page = new_page()
    page.set_default_timeout(15_000)
    page.goto(form_url(live_server, language))

    page.locator("button[type=submit]").click()

    expect(page.locator("#error-summary")).to_be_visible()
    assert_no_violations(page)
