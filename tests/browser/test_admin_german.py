"""The admin in a real browser, with the browser asking for English: the texts its
JavaScript writes (the selection widget, the date shortcuts, the editor's toolbar) are
German, slugs are filled in with German letters written out, and the main change forms
pass axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests import factories
from tests.accounts.otp import give_app
from tests.browser.staff_login import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "ein-sicheres-passwort-fuer-tests"
AXE = Axe()
# English the widgets would show without the project's translations.
ENGLISH = ["Choose", "Remove", "Today", "Now", "bold", "italic", "heading", "list", "undo"]


@pytest.fixture
def admin_page(new_page, live_server, transactional_db, django_user_model):
    staff = django_user_model.objects.create_superuser("redaktion", password=PASSWORD)
    page = new_page(locale="en-GB", extra_http_headers={"Accept-Language": "en-GB,en"})
    log_in(page, live_server, "redaktion", PASSWORD, app=give_app(staff))
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def english_in(texts):
    return [text for text in texts if any(word in text.split() for word in ENGLISH)]


def test_selection_widget_and_editor_toolbar_speak_german(admin_page, live_server):
    factories.TargetGroupFactory(name="Familien")
    admin_page.goto(f"{live_server.url}/admin/fields/fieldofwork/add/")

    selector = admin_page.locator(".related-widget-wrapper .selector").first
    expect(selector).to_contain_text("Markieren Sie")
    widget_texts = selector.evaluate(
        """(element) => [element.innerText,
            ...[...element.querySelectorAll("[title], [aria-label]")].flatMap(
              (node) => [node.title, node.getAttribute("aria-label")].filter(Boolean))]"""
    )
    assert english_in(widget_texts) == []

    admin_page.locator(".prose-menubar__button:visible").first.wait_for()
    titles = admin_page.eval_on_selector_all(
        ".prose-menubar__button", "(buttons) => buttons.map((button) => button.title)"
    )
    assert "Fett" in titles
    assert english_in(titles) == [], titles
    assert english_in(titles) == []


def test_date_shortcuts_and_calendar_speak_german(admin_page, live_server):
    admin_page.goto(f"{live_server.url}/admin/news/newsitem/add/")

    shortcuts = admin_page.locator(".datetimeshortcuts").first
    expect(shortcuts).to_contain_text("Heute")
    shortcuts.locator("a").last.click()
    calendar = admin_page.locator(".calendarbox").first
    expect(calendar).to_be_visible()
    assert english_in([calendar.inner_text()]) == []
    expect(calendar).to_contain_text("Gestern")


def test_slug_is_filled_in_with_german_letters_written_out(admin_page, live_server):
    admin_page.goto(f"{live_server.url}/admin/fields/fieldofwork/add/")
    # Typed: the admin fills the address in on each key.
    admin_page.locator("#id_title").press_sequentially("Übergänge für Ältere & Großeltern")
    expect(admin_page.locator("#id_slug")).to_have_value("uebergaenge-fuer-aeltere-grosseltern")


CHANGE_FORMS = {
    "fields/fieldofwork": lambda: factories.FieldOfWorkFactory(),
    "news/newsitem": lambda: factories.NewsItemFactory(),
    "news/event": lambda: factories.EventFactory(),
    "centre/contactperson": lambda: factories.ContactPersonFactory(),
    "organisations/organisation": lambda: factories.OrganisationFactory(),
    "networks/network": lambda: factories.NetworkFactory(),
    "centre/informationpage": lambda: factories.InformationPageFactory(),
}


# Django's tabular inline has a header cell without text over the column of each row's
# name, and one over the delete column when nothing may be deleted
# (admin/edit_inline/tabular.html); axe counts them under the best practice
# "empty-table-header" (impact minor, no WCAG criterion). Only a copy of Django's
# template would fill them, so these two cells, and only they, are let pass.
DJANGO_EMPTY_HEADERS = {'<th class="original"></th>', "<th></th>"}


def reported(violations):
    for violation in violations:
        nodes = [
            node
            for node in violation["nodes"]
            if not (
                violation["id"] == "empty-table-header" and node["html"] in DJANGO_EMPTY_HEADERS
            )
        ]
        if nodes:
            yield {**violation, "nodes": nodes}


@pytest.mark.parametrize("model", CHANGE_FORMS)
def test_main_change_forms_pass_axe(admin_page, live_server, model):
    record = CHANGE_FORMS[model]()
    admin_page.goto(f"{live_server.url}/admin/{model}/{record.pk}/change/")
    admin_page.locator("#content-main form").wait_for()
    assert admin_page.locator("html").get_attribute("lang") == "de"

    violations = list(reported(AXE.run(admin_page).response["violations"]))
    assert not violations, "\n".join(
        f"- {violation['id']}: {violation['help']}\n"
        + "\n".join(
            f"    {' '.join(map(str, node['target']))}: {node['html'][:200]}"
            for node in violation["nodes"]
        )
        for violation in violations
    )
