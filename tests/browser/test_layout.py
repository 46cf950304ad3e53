"""The page's frame on a phone, right to left and on paper: header, menu, mirroring, print.

Each test loads the content once and walks several pages in one browser page: the page list
costs seconds, not minutes.
"""

import re

import pytest

from tests.pages import LANGUAGES, PUBLIC_PAGES

pytestmark = pytest.mark.browser

# A phone: overlay scrollbars and a layout viewport that grows with content that sticks out,
# which is how a page 2 px too wide shows (a desktop window hides it behind its scrollbar).
PHONE = {"is_mobile": True, "has_touch": True}
FIRST_SCREEN = {"width": 360, "height": 640}
NARROWEST = {"width": 320, "height": 640}

# The breadcrumbs' separator: a chevron pointing in the reading direction.
FORWARD, BACKWARD = '"\u203a"', '"\u2039"'

FRAME = """() => {
  const header = document.querySelector(".site-header").getBoundingClientRect();
  const heading = document.querySelector("h1").getBoundingClientRect();
  return {header: header.height, heading: heading.bottom};
}"""

# Elements sticking out of the viewport sideways: the culprits of a horizontal scrollbar.
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
    })
    .slice(-3)
    .map((element) => element.outerHTML.slice(0, 120));
}"""


def url(live_server, name, language):
    return live_server.url + PUBLIC_PAGES[name].format(language=language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_shows_its_title_in_the_first_screen_of_a_phone(
    new_page, live_server, content, language
):
    page = new_page(viewport=FIRST_SCREEN, **PHONE)
    too_tall = []
    for name in PUBLIC_PAGES:
        page.goto(url(live_server, name, language))
        frame = page.evaluate(FRAME)
        if frame["header"] > 150 or frame["heading"] > 640:
            too_tall.append((name, frame))
    assert too_tall == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_is_wider_than_the_narrowest_phone(new_page, live_server, content, language):
    page = new_page(viewport=NARROWEST, **PHONE)
    too_wide = []
    for name in PUBLIC_PAGES:
        page.goto(url(live_server, name, language))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > NARROWEST["width"]:
            too_wide.append((name, width, page.evaluate(STICKING_OUT)))
    assert too_wide == []


def accessibility_node(page, selector):
    """Role, name and states of an element as Chromium tells a screen reader."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
    ax = ax["nodes"][0]
    states = {prop["name"]: prop["value"]["value"] for prop in ax.get("properties", [])}
    return ax["role"]["value"], ax["name"]["value"], states.get("expanded")


@pytest.mark.parametrize("script", [True, False], ids=["with-javascript", "without-javascript"])
def test_the_menu_opens_and_closes_with_the_keyboard(new_page, live_server, content, script):
    page = new_page(viewport=FIRST_SCREEN, java_script_enabled=script, **PHONE)
    page.goto(url(live_server, "home", "de"))
    navigation = page.get_by_role("navigation", name="Hauptnavigation")
    fields = navigation.get_by_role("link", name="Handlungsfelder")
    assert not fields.is_visible()

    # Skip link, the centre's name, the languages, then the menu.
    for _ in range(4):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Menü"
    page.keyboard.press("Enter")

    assert fields.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Startseite"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert not fields.is_visible()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(url(live_server, "fields", "de"))


def test_a_screen_reader_hears_the_menu_button_and_its_state(new_page, live_server, content):
    page = new_page(viewport=FIRST_SCREEN, **PHONE)
    page.goto(url(live_server, "home", "de"))

    # Chromium's disclosure triangle is a button to screen readers, with aria-expanded.
    assert accessibility_node(page, ".site-nav summary") == (
        "DisclosureTriangleGrouped",
        "Menü",
        False,
    )
    assert accessibility_node(page, ".site-header__languages summary") == (
        "DisclosureTriangleGrouped",
        "Sprache wählen: Deutsch",
        False,
    )
    page.locator(".site-nav summary").click()
    assert accessibility_node(page, ".site-nav summary")[2] is True
    # One panel at a time: opening the languages closes the menu.
    page.locator(".site-header__languages summary").click()
    assert page.locator(".language-switcher").get_by_role("link", name="English").is_visible()
    assert not page.locator(".site-nav").get_by_role("link", name="Handlungsfelder").is_visible()


def test_a_wide_screen_shows_the_navigation_and_languages_without_buttons(
    page, live_server, content
):
    page.goto(url(live_server, "home", "de"))

    navigation = page.get_by_role("navigation", name="Hauptnavigation")
    assert navigation.get_by_role("link", name="Leichte Sprache").is_visible()
    assert (
        page.get_by_role("navigation", name="Sprache wählen")
        .get_by_role("link", name="English")
        .is_visible()
    )
    assert not page.locator("summary").first.is_visible()
    assert not page.locator("summary").last.is_visible()


def test_an_arabic_page_is_mirrored(new_page, live_server, content):
    page = new_page(viewport=FIRST_SCREEN, **PHONE)
    positions = {}
    for language in ["de", "ar"]:
        page.goto(url(live_server, "field", language))
        name = page.locator(".site-header__name bdi").bounding_box()
        menu = page.locator(".site-nav summary").bounding_box()
        languages = page.locator(".site-header__languages summary").bounding_box()
        separator = page.locator(".breadcrumbs__list li + li").first.evaluate(
            "element => getComputedStyle(element, '::before').content"
        )
        positions[language] = (
            round(name["x"]),
            round(name["x"] + name["width"]),
            menu["x"] > languages["x"],
            separator,
        )

    # Left to right: the name from the left margin, the menu right of the languages.
    assert positions["de"][0] == 16
    assert positions["de"][2:] == (True, FORWARD)
    # Right to left: the name up to the right margin, the menu left of the languages.
    assert positions["ar"][1] == FIRST_SCREEN["width"] - 16
    assert positions["ar"][2:] == (False, BACKWARD)


def test_an_item_in_the_other_direction_keeps_its_list_marker_inside(page, live_server, content):
    page.goto(url(live_server, "privacy", "ar"))

    german_items = page.locator('main li[dir="ltr"]')
    assert german_items.count() > 0
    assert (
        german_items.evaluate_all(
            "items => items.map(item => getComputedStyle(item).listStylePosition)"
        )
        == ["inside"] * german_items.count()
    )


@pytest.mark.parametrize("name", ["contact", "field", "organisation", "privacy"])
def test_phone_numbers_and_addresses_in_arabic_are_isolated_left_to_right(
    page, live_server, content, name
):
    page.goto(url(live_server, name, "ar"))

    links = page.locator('a[href^="tel:"], a[href^="mailto:"], a.web-address')
    assert links.count() > 0
    directions = links.evaluate_all(
        "links => links.map(link => [getComputedStyle(link).direction,"
        " getComputedStyle(link).unicodeBidi])"
    )
    assert set(map(tuple, directions)) == {("ltr", "isolate")}


def pdf_pages(pdf: bytes) -> int:
    """The pages of a PDF: its /Type /Page objects (not the /Type /Pages tree)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.parametrize("language", LANGUAGES)
def test_print_shows_the_content_with_link_addresses_and_no_navigation(
    page, live_server, content, language
):
    page.emulate_media(media="print")
    page.goto(url(live_server, "counselling", language))

    assert page.get_by_role("heading", level=1).is_visible()
    assert not page.locator(".site-nav").get_by_role("link").first.is_visible()
    assert not page.locator(".language-switcher").is_visible()
    assert not page.locator(".breadcrumbs").is_visible()
    assert not page.locator(".quick-exit-bar").is_visible()
    assert not page.locator("main .kern-btn").first.is_visible()
    after = "element => getComputedStyle(element, '::after').content"
    privacy = page.locator(f'main a[href="/{language}/datenschutz/#beratung"]')
    assert privacy.evaluate(after) == f'" (/{language}/datenschutz/#beratung)"'
    assert page.locator('main a[href^="tel:"]').first.evaluate(after) == "none"
    assert page.locator("html").evaluate("element => getComputedStyle(element).direction") == (
        "rtl" if language == "ar" else "ltr"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_contact_and_counselling_pages_print_on_one_a4_page(
    page, live_server, content, language
):
    for name in ["contact", "counselling"]:
        page.goto(url(live_server, name, language))
        assert pdf_pages(page.pdf(format="A4")) == 1, name


def test_right_to_left_pages_set_their_script_in_a_font_of_the_portal(page, live_server, content):
    fonts = {}
    page.on(
        "response",
        lambda response: (
            fonts.setdefault(response.url.rsplit("/", 1)[-1], response.status)
            if response.request.resource_type == "font"
            else None
        ),
    )
    arabic = "noto-sans-arabic-arabic-400-normal.woff2"

    page.goto(url(live_server, "field", "de"))
    page.evaluate("document.fonts.ready.then(() => true)")
    # A German page shows one Arabic word (العربيّة): it takes a system font for it.
    assert arabic not in fonts

    page.goto(url(live_server, "field", "ar"))
    page.evaluate("document.fonts.ready.then(() => true)")
    assert fonts[arabic] == 200
    assert page.evaluate("document.fonts.check('16px \"Noto Sans Arabic\"', 'مرحبا')")
