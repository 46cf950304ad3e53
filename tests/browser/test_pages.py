"""What a person sees in a real browser: navigation, languages, phones, no JavaScript, axe-core."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.pages import LANGUAGES, PUBLIC_PAGES, create_public_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Axe()


@pytest.fixture
def content(transactional_db):
    return create_public_content()


def test_citizen_goes_from_home_to_a_field_of_work(page, live_server, content):
    page.goto(f"{live_server.url}/de/")

    assert page.locator("h1").inner_text() == "Kommunales Integrationszentrum Musterstadt"
    page.get_by_role("link", name="Integration durch Sport").click()

    assert page.url == f"{live_server.url}/de/handlungsfelder/integration-durch-sport/"
    assert page.locator("h1").inner_text() == "Integration durch Sport"
    main = page.locator("main")
    assert main.get_by_role("heading", name="Übungsleiterschulung").is_visible()
    assert main.get_by_text("Neuzugewanderte").is_visible()
    document = main.locator(".document-list li")
    assert "Leitfaden für Vereine" in document.inner_text()
    assert "PDF" in document.inner_text()
    assert "Deutsch" in document.inner_text()
    assert main.get_by_role("link", name="Bildung und Sprache").is_visible()


def test_stylesheets_are_served_from_the_portal(page, live_server, content):
    responses = []
    page.on("response", lambda response: responses.append(response))

    page.goto(f"{live_server.url}/de/")

    stylesheets = [r for r in responses if r.request.resource_type == "stylesheet"]
    assert len(stylesheets) == 3
    assert all(response.status == 200 for response in stylesheets)


def test_language_switcher_opens_the_same_page_in_english(page, live_server, content):
    page.goto(f"{live_server.url}/de/handlungsfelder/integration-durch-sport/")

    switcher = page.get_by_role("navigation", name="Sprache wählen")
    assert switcher.get_by_role("link").all_inner_texts() == ["Deutsch", "English", "العربيّة"]
    switcher.get_by_role("link", name="English").click()

    assert page.url == f"{live_server.url}/en/handlungsfelder/integration-durch-sport/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Integration through sport"


def test_arabic_page_is_right_to_left_with_german_fallback(page, live_server, content):
    page.goto(f"{live_server.url}/ar/handlungsfelder/bildung-und-sprache/")

    html = page.locator("html")
    assert html.get_attribute("dir") == "rtl"
    assert html.get_attribute("lang") == "ar"
    assert page.locator(".fallback-note").is_visible()
    assert page.locator("article").get_attribute("lang") == "de"
    header = page.locator(".site-header__name").bounding_box()
    switcher = page.locator(".language-switcher").bounding_box()
    # Mirrored: the centre's name stands on the right, the languages on the left.
    assert header["x"] > switcher["x"]


def test_pages_work_without_javascript(browser, live_server, content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(f"{live_server.url}/de/")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Handlungsfelder"
    ).click()
    page.get_by_role("link", name="Integration durch Sport").click()

    assert page.locator("h1").inner_text() == "Integration durch Sport"
    context.close()


def test_skip_link_is_the_first_stop_and_leads_to_the_content(page, live_server, content):
    page.goto(f"{live_server.url}/de/")

    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Zum Inhalt springen"
    assert skip.is_visible()
    page.keyboard.press("Enter")

    assert page.url.endswith("#main")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_phone_width_needs_no_horizontal_scrolling(browser, live_server, content, language, name):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()

    page.goto(live_server.url + PUBLIC_PAGES[name].format(language=language))

    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    context.close()
    assert widths[0] <= widths[1]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_page_passes_axe_and_asks_no_other_host(browser, live_server, content, language, name):
    # axe is injected as a script; the portal's policy would refuse it.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))

    page.goto(live_server.url + PUBLIC_PAGES[name].format(language=language))
    results = AXE.run(page)
    context.close()

    assert hosts == {urlsplit(live_server.url).netloc}
    violations = [
        f"{violation['id']} ({violation['impact']}): "
        + ", ".join(str(node["target"]) for node in violation["nodes"])
        for violation in results.response["violations"]
    ]
    assert violations == []
