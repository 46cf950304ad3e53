"""Every public form completed with the keyboard alone, the focus visible at every stop."""

import pytest
from django.apps import apps
from django.core import mail
from playwright.sync_api import expect

from centre.models import BarrierFeedback
from counselling.models import CounsellingRequest
from organisations import seeds
from organisations.models import LegalForm, Organisation, Status
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
# The registration page at 360 px, before its parts and the compact language choice:
# 8,238 px, its form alone about 6,400 px (41 languages, each a check box on a line). Both
# are now about 1,200 px shorter; the bound leaves room for changes in the fonts.
REGISTRATION_HEIGHT_BEFORE = 8238
REGISTRATION_FORM_HEIGHT_BEFORE = 6400
REGISTRATION_SHORTER_BY_AT_LEAST = 1000

FOCUS_IS_VISIBLE = """() => {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return outline || style.boxShadow !== "none";
}"""


@pytest.fixture
def keyboard_page(new_page, live_server, content, monkeypatch):
    """A page whose forms may be sent at once; the fill-time check is tested on its own."""
    monkeypatch.setattr("portal.forms.MINIMUM_FILL_SECONDS", 0)
    # The browser tests empty the database: the lists the forms offer come back.
    seeds.create_lists(apps)

    def open_page(path, **options):
        page = new_page(**options)
        page.set_default_timeout(15_000)
        page.goto(live_server.url + path)
        return page

    return open_page


def tab_to(page, selector, *, backwards=False, limit=150):
    """Presses Tab (or Shift+Tab) until `selector` has the focus; every control passed on
    the way must show where the focus is."""
    for _press in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        described = page.evaluate(
            "() => document.activeElement.outerHTML.slice(0, 120)",
        )
        assert page.evaluate(FOCUS_IS_VISIBLE), f"focus not visible on {described}"
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"{selector} not reached with the keyboard")


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.type(text)


def check(page, selector):
    """Reaches a check box with Tab and ticks it with the space bar."""
    tab_to(page, selector)
    page.keyboard.press("Space")
    assert page.locator(selector).is_checked()


def choose_with_arrows(page, selector, value):
    """Moves to `value` in a select or a radio group with the arrow keys: in a select up or
    down as far as needed, in a radio group down, where the last button leads to the
    first."""
    tab_to(page, selector)
    moves = page.evaluate(
        """value => {
          const element = document.activeElement;
          if (element.type !== "radio") {
            return [...element.options].findIndex(o => o.value === value) - element.selectedIndex;
          }
          const buttons = [...element.form.elements].filter(e => e.name === element.name);
          const target = buttons.findIndex(button => button.value === value);
          const current = buttons.indexOf(element);
          return element.checked || target !== current
            ? (target - current + buttons.length) % buttons.length
            : buttons.length;
        }""",
        value,
    )
    for _press in range(abs(moves)):
        page.keyboard.press("ArrowDown" if moves > 0 else "ArrowUp")
    value_now, kind, checked = page.evaluate(
        "() => [document.activeElement.value, document.activeElement.type,"
        " document.activeElement.checked]"
    )
    assert value_now == value
    assert checked or kind != "radio"


def send(page, selector="form button[type=submit]"):
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_the_counselling_request_is_sent_with_the_keyboard(keyboard_page):
    page = keyboard_page("/de/beratung/anfrage/")

    tab_to(page, "input[name=topic]")
    page.keyboard.press("Space")
    choose_with_arrows(page, "input[name=channel]", "phone")
    type_into(page, "#id_contact_detail", "0176 98765432")
    type_into(page, "#id_name", "Leyla")
    choose_with_arrows(page, "#id_language", "ar")
    check(page, "input[name=preferred_days][value='2']")
    choose_with_arrows(page, "input[name=preferred_time]", "morning")
    type_into(page, "#id_authority", "Ausländerbehörde")
    type_into(page, "#id_message", "Ich brauche eine Begleitung.")
    check(page, "#id_message_consent")
    send(page, "form [name=send]")

    expect(page.locator("h1")).to_have_text("Ihre Anfrage ist angekommen")
    request = CounsellingRequest.objects.get()
    assert request.topic == "accompaniment"
    assert (request.channel, request.contact_detail) == ("phone", "0176 98765432")
    assert (request.name, request.language_id) == ("Leyla", "ar")
    assert (request.preferred_days, request.preferred_time) == ([2], "morning")
    assert request.authority == "Ausländerbehörde"
    assert request.message == "Ich brauche eine Begleitung."


def test_a_barrier_is_reported_with_the_keyboard(keyboard_page):
    page = keyboard_page("/de/barrierefreiheit/rueckmeldung/")

    type_into(page, "#id_page_url", "/de/kontakt/")
    type_into(page, "#id_description", "Die Karte lässt sich nicht mit der Tastatur bedienen.")
    type_into(page, "#id_name", "Ada")
    type_into(page, "#id_email", "ada@example.org")
    # Back to the description with Shift+Tab, to add a sentence.
    tab_to(page, "#id_description", backwards=True)
    page.keyboard.press("End")
    page.keyboard.type(" Bitte prüfen.")
    send(page)

    expect(page.locator("h1")).to_have_text("Vielen Dank für Ihre Rückmeldung")
    feedback = BarrierFeedback.objects.get()
    assert feedback.page_url == "/de/kontakt/"
    assert feedback.description == (
        "Die Karte lässt sich nicht mit der Tastatur bedienen. Bitte prüfen."
    )
    assert (feedback.name, feedback.email) == ("Ada", "ada@example.org")


def test_an_organisation_registers_with_the_keyboard_on_a_phone(keyboard_page):
    page = keyboard_page("/de/migrantenorganisationen/anmelden/", viewport=PHONE)
    page_height = page.evaluate("document.documentElement.scrollHeight")
    form_height = page.locator("main form").bounding_box()["height"]
    assert page_height < REGISTRATION_HEIGHT_BEFORE - REGISTRATION_SHORTER_BY_AT_LEAST
    assert form_height < REGISTRATION_FORM_HEIGHT_BEFORE - REGISTRATION_SHORTER_BY_AT_LEAST
    expect(page.locator("summary", has_text="Weitere Sprachen")).to_be_visible()
    expect(page.locator("input[name=languages][value=kmr]")).to_be_hidden()

    type_into(page, "#id_name", "Elternverein Brücke e. V.")
    choose_with_arrows(page, "input[name=legal_form]", LegalForm.REGISTERED_ASSOCIATION)
    type_into(page, "#id_register_court", "Amtsgericht Musterstadt")
    type_into(page, "#id_register_number", "vr 4711")
    type_into(page, "#id_founded_year", "1998")
    type_into(page, "#id_city", "Musterstadt")
    type_into(page, "#id_website", "www.bruecke.example")
    check(page, "input[name=languages][value=tr]")
    tab_to(page, "summary")
    page.keyboard.press("Enter")
    check(page, "input[name=languages][value=kmr]")
    check(page, "#id_audiences_1")
    type_into(page, "#id_description", "Hausaufgabenhilfe und ein Elterncafé.")
    type_into(page, "#id_contact_name", "Vorsitz des Vereins")
    type_into(page, "#id_contact_email", "vorstand@bruecke.example")
    check(page, "#id_publish_contact_email")
    check(page, "#id_consent")
    send(page)

    expect(page.locator("h1")).to_have_text("Bitte bestätigen Sie Ihre E-Mail-Adresse")
    entry = Organisation.objects.get(name="Elternverein Brücke e. V.")
    assert entry.legal_form == LegalForm.REGISTERED_ASSOCIATION
    assert (entry.register_court, entry.register_number) == ("Amtsgericht Musterstadt", "VR 4711")
    assert (entry.founded_year, entry.city) == (1998, "Musterstadt")
    assert entry.website == "https://www.bruecke.example"
    assert set(entry.languages.values_list("code", flat=True)) == {"tr", "kmr"}
    assert entry.audiences.count() == 1
    assert entry.description == "Hausaufgabenhilfe und ein Elterncafé."
    assert (entry.contact_name, entry.contact_email) == (
        "Vorsitz des Vereins",
        "vorstand@bruecke.example",
    )
    assert entry.publish_contact_email
    assert not entry.publish_contact_phone
    assert entry.status == Status.UNCONFIRMED


def test_a_new_link_is_requested_and_the_directory_filtered_with_the_keyboard(keyboard_page):
    OrganisationFactory(name="Elternverein Brücke e. V.", contact_email="vorstand@bruecke.example")
    page = keyboard_page("/de/migrantenorganisationen/eintrag/link/")

    type_into(page, "#id_email", "vorstand@bruecke.example")
    send(page)

    expect(page.locator("h1")).to_have_text("Bitte sehen Sie in Ihr Postfach")
    assert [message.to for message in mail.outbox] == [["vorstand@bruecke.example"]]

    page.goto(page.url.split("/de/")[0] + "/de/migrantenorganisationen/verzeichnis/")
    type_into(page, "#id_q", "Kulturbrücke")
    choose_with_arrows(page, "#id_language", "tr")
    choose_with_arrows(page, "#id_activity", "kultur")
    send(page, "form.directory-search button[type=submit]")

    assert "q=Kulturbr%C3%BCcke" in page.url
    assert "language=tr" in page.url
    results = page.locator("main").get_by_role("link", name="Kulturbrücke Osterfeld e. V.")
    expect(results).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Verein Nummer 1")


def test_a_language_behind_more_languages_is_chosen_without_javascript(keyboard_page):
    page = keyboard_page("/de/migrantenorganisationen/anmelden/", java_script_enabled=False)
    more = page.locator("details.language-choice__more")
    page.fill("#id_name", "Kulturverein Tigray")
    page.get_by_label("nicht eingetragen").check()

    more.locator("summary").click()
    page.get_by_label("ትግርኛ").check()
    page.locator("button[type=submit]").click()

    # Shown again for the missing contact: the part with the chosen language stays open.
    expect(page.locator("#error-summary")).to_be_visible()
    expect(more).to_have_attribute("open", "")
    expect(page.get_by_label("ትግርኛ")).to_be_checked()
    page.fill("#id_contact_name", "Vorstand")
    page.fill("#id_contact_email", "vorstand@tigray.example")
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen und bin einverstanden.").check()
    page.locator("button[type=submit]").click()

    expect(page.locator("h1")).to_have_text("Bitte bestätigen Sie Ihre E-Mail-Adresse")
    entry = Organisation.objects.get(name="Kulturverein Tigray")
    assert list(entry.languages.values_list("code", flat=True)) == ["ti"]
