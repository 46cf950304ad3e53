"""What a person sees in a real browser: navigation, languages, phones, no JavaScript, axe-core."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from tests.pages import LANGUAGES, PUBLIC_PAGES

pytestmark = pytest.mark.browser

AXE = Axe()


def assert_no_violations(page):
    """axe-core finds nothing on the page; needs JavaScript, so never a no-script page."""
    violations = AXE.run(page).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


SPORT = "/{language}/handlungsfelder/integration-durch-sport/"
NOT_FOUND = "not-found"


def text(locator):
    """The visible text, with the non-breaking spaces of Django's filters as plain spaces."""
    return locator.inner_text().replace("\xa0", " ")


def page_url(live_server, name, language):
    return live_server.url + PUBLIC_PAGES[name].format(language=language)


def test_citizen_goes_from_home_to_a_field_of_work(page, live_server, content):
    page.goto(f"{live_server.url}/de/")

    assert text(page.locator("h1")) == "Kommunales Integrationszentrum Musterstadt"
    assert page.get_by_text("Wir gestalten das Zusammenleben in Vielfalt.").is_visible()
    tiles = page.locator("main .tiles")
    assert tiles.get_by_role("heading").all_inner_texts() == [
        "Bildung und Sprache",
        "Integration durch Sport",
    ]
    assert tiles.get_by_text("Übungsleiterschulungen für Migrantinnen und Migranten.").is_visible()

    tiles.get_by_role("link", name="Integration durch Sport").click()

    assert page.url == live_server.url + SPORT.format(language="de")
    assert text(page.locator("h1")) == "Integration durch Sport"
    main = page.locator("main")
    offers = main.get_by_role("region", name="Angebote")
    assert offers.get_by_role("heading", name="Übungsleiterschulung").is_visible()
    assert offers.get_by_text("Zwei Wochenenden").is_visible()
    groups = main.get_by_role("region", name="Zielgruppen")
    assert groups.get_by_text("Neuzugewanderte").is_visible()
    documents = main.get_by_role("region", name="Dokumente zum Herunterladen")
    link = documents.get_by_role("link", name="Leitfaden für Vereine")
    assert link.is_visible()
    size = filesizeformat(content.documents.get().size).replace("\xa0", " ")
    assert f"(PDF, {size}, Deutsch" in text(documents.locator("li"))
    related = main.get_by_role("region", name="Verwandte Handlungsfelder")
    assert related.get_by_role("link", name="Bildung und Sprache").is_visible()

    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "leitfaden-fur-vereine.pdf"


def test_stylesheets_and_fonts_are_served_by_the_portal(page, live_server, content):
    responses = []
    page.on("response", lambda response: responses.append(response))

    page.goto(f"{live_server.url}/de/")
    page.evaluate("document.fonts.ready.then(() => true)")

    stylesheets = {
        urlsplit(response.url).path: response.status
        for response in responses
        if response.request.resource_type == "stylesheet"
    }
    assert stylesheets == {
        "/static/dist/kern.min.css": 200,
        "/static/css/fonts.css": 200,
        "/static/css/portal.css": 200,
        "/static/css/layout.css": 200,
        "/static/css/print.css": 200,
    }
    fonts = [r for r in responses if r.request.resource_type == "font"]
    assert fonts, "no web font was requested: is fonts.css served and applied?"
    assert all(response.status == 200 for response in fonts), [
        (response.url, response.status) for response in fonts
    ]


def test_language_switcher_opens_the_same_page_in_english(page, live_server, content):
    page.goto(live_server.url + SPORT.format(language="de"))

    switcher = page.get_by_role("navigation", name="Sprache wählen")
    links = switcher.get_by_role("link")
    # Each language is named in itself (Django's spelling of Arabic carries a shadda).
    assert links.all_inner_texts() == [
        "Deutsch",
        "English",
        "Türkçe",
        "العربيّة",
        "Українська",
        "Русский",
        "polski",
        "Română",
        "български",
        "فارسی",
    ]
    assert [links.nth(i).get_attribute("lang") for i in range(10)] == [
        code for code, _name in settings.LANGUAGES
    ]
    assert switcher.get_by_role("link", name="Deutsch").get_attribute("aria-current") == "true"

    switcher.get_by_role("link", name="English").click()

    assert page.url == live_server.url + SPORT.format(language="en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert text(page.locator("h1")) == "Integration through sport"
    assert page.locator(".fallback-note").count() == 0


def test_arabic_page_is_right_to_left_and_marks_german_fallback(page, live_server, content):
    page.goto(live_server.url + SPORT.format(language="ar"))

    html = page.locator("html")
    assert html.get_attribute("dir") == "rtl"
    assert html.get_attribute("lang") == "ar"
    note = page.locator(".fallback-note")
    assert note.is_visible()
    assert note.evaluate("element => element.closest('[lang]').lang") == "ar"
    # Untranslated content is shown in German and says so to screen readers and hyphenation.
    assert page.locator("h1").get_attribute("lang") == "de"
    assert page.locator("h1").get_attribute("dir") == "ltr"
    for shown_in_german in ["Integration durch Sport", "Übungsleiterschulung", "Neuzugewanderte"]:
        element = page.locator("main").get_by_text(shown_in_german, exact=True).first
        assert element.is_visible()
        assert element.evaluate("element => element.closest('[lang]').lang") == "de"
    # Mirrored: the centre's name starts at the header's right edge, the languages follow to
    # its left (or, where the name is long in a machine's fonts, on the next line).
    header_end = page.locator(".site-header__inner").evaluate(
        "element => element.getBoundingClientRect().right"
        " - parseFloat(getComputedStyle(element).paddingRight)"
    )
    name = page.locator(".site-header__name").bounding_box()
    switcher = page.locator(".language-switcher").bounding_box()
    assert name["x"] + name["width"] == pytest.approx(header_end, abs=1)
    assert switcher["x"] < name["x"] or switcher["y"] > name["y"]
    assert switcher["x"] + switcher["width"] <= header_end + 1


def test_pages_work_without_javascript(new_page, live_server, content):
    page = new_page(java_script_enabled=False)

    page.goto(f"{live_server.url}/de/")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Handlungsfelder"
    ).click()
    assert page.url == f"{live_server.url}/de/handlungsfelder/"
    assert text(page.locator("h1")) == "Handlungsfelder"
    page.locator("main").get_by_role("link", name="Integration durch Sport").click()

    assert page.url == live_server.url + SPORT.format(language="de")
    assert text(page.locator("h1")) == "Integration durch Sport"
    assert page.get_by_role("heading", name="Übungsleiterschulung").is_visible()


def test_skip_link_is_the_first_stop_and_leads_to_the_content(page, live_server, content):
    page.goto(f"{live_server.url}/de/")

    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert text(skip) == "Zum Inhalt springen"
    assert skip.is_visible()
    page.keyboard.press("Enter")

    assert page.url == f"{live_server.url}/de/#main"
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_passes_axe_and_asks_no_other_host(new_page, live_server, content, language):
    """Every page of the list in one browser page: the content is made once per language."""
    page = new_page()
    requests = []
    console_errors = []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "console",
        lambda message: console_errors.append(message.text) if message.type == "error" else None,
    )
    server = urlsplit(live_server.url).netloc
    problems = []
    for name in PUBLIC_PAGES:
        requests.clear()
        console_errors.clear()
        response = page.goto(page_url(live_server, name, language))
        if response.status != (404 if name == NOT_FOUND else 200):
            problems.append(f"{page.url}: status {response.status}")
        violations = AXE.run(page).response["violations"]
        foreign = [url for url in requests if urlsplit(url).netloc != server]
        if foreign:
            problems.append(f"{page.url} asked other hosts: {foreign}")
        # The 404 page logs its own status; anything else (a refused resource) is a fault.
        errors = [error for error in console_errors if "404 (Not Found)" not in error]
        if errors:
            problems.append(f"{page.url} logged errors: {errors}")
        problems += [
            f"{page.url}: axe-core {violation['id']} ({violation['impact']}): "
            f"{violation['help']}\n"
            + "\n".join(
                f"    {' '.join(map(str, node['target']))}: {node['html'][:200]}"
                for node in violation["nodes"]
            )
            for violation in violations
        ]

    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)
