"""The crawler: from the home page through every internal link, in every language.

On the demo content, at a phone's 320 px, every page in German and Arabic and each kind
of page (URL pattern) in the other languages, with the pages no link leads to (a form's
thanks page, the 404 page), and every form sent empty: 0 axe-core violations, 0 Nu HTML
checker errors, no skipped heading level, lang="de" on every German fallback text, no
page wider than the screen, a visible keyboard focus, no request to another host. Two
browsers crawl side by side, each its own share of the languages.
"""

import itertools
import threading
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.urls import Resolver404, resolve
from django.utils import translation
from playwright.sync_api import sync_playwright

from portal.richtext import RichTextField
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.browser.test_layout import NARROWEST, PHONE, STICKING_OUT
from tests.demo import load_demo
from tests.pages import PUBLIC_PAGES
from tests.test_html_validity import FAILING, check_html

pytestmark = pytest.mark.browser

AXE = Axe()
LANGUAGES = [code for code, _name in settings.LANGUAGES]
EVERY_PAGE = {"de", "ar"}
DESKTOP = {"width": 1280, "height": 900}
# Pages no link leads to: reached by sending a form, or a mistyped address.
UNLINKED = [
    PUBLIC_PAGES[name]
    for name in [
        "barrier-feedback-thanks",
        "organisation-registered",
        "organisation-new-link-sent",
        "counselling-sent",
        "not-found",
    ]
]
# Downloads a link may lead to (documents, vCards, images, the video): checked elsewhere,
# not pages to crawl.
NOT_A_PAGE = {"document", "vcard", "image", "logo", "sign-language-video", "sitemap", "robots"}

HEADING_LEVELS = """() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
  .map((heading) => Number(heading.tagName[1]))"""

# Each text node that is a German fallback text: is its language German? (A German name
# a translator kept inside a translated sentence is part of that sentence.)
UNMARKED_FALLBACK = """(texts) => {
  const fallbacks = new Set(texts);
  const problems = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue.replace(/\\s+/g, " ").trim();
    if (!fallbacks.has(value)) continue;
    const marked = node.parentElement.closest("[lang]");
    if (!marked || !marked.lang.startsWith("de")) problems.add(value);
  }
  return [...problems];
}"""


FOCUS_VISIBLE = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return "nothing has the focus";
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return outline || style.boxShadow !== "none" ? "" : element.outerHTML.slice(0, 120);
}"""


@dataclass
class Crawl:
    """What one language's crawl saw: the pages' HTML for the Nu checker, and problems."""

    language: str
    pages: dict = field(default_factory=dict)  # url -> HTML as the server sent it
    patterns: set = field(default_factory=set)
    problems: list = field(default_factory=list)


def resolved(path: str, language: str):
    """What a path resolves to: its URL pattern is the kind of page."""
    try:
        with translation.override(language):
            return resolve(urlsplit(path).path)
    except Resolver404:
        return None


def fallback_texts(language: str) -> list[str]:
    """The German texts of content without a translation into `language`: what a page in
    that language shows in German and must mark as German."""
    texts = set()
    for model in apps.get_models():
        meta = getattr(model, "_parler_meta", None)
        if meta is None:
            continue
        for translations in meta:
            names = [
                field.name
                for field in translations.model._meta.get_fields()
                if isinstance(field, models.CharField | models.TextField)
                and not isinstance(field, RichTextField)
                and field.name != "language_code"
            ]
            translated = translations.model.objects.filter(language_code=language).values(
                "master_id"
            )
            rows = translations.model.objects.filter(language_code=settings.LANGUAGE_CODE).exclude(
                master_id__in=translated
            )
            if not names:
                continue
            for values in rows.values_list(*names):
                texts.update(" ".join(value.split()) for value in values if value)
    # Short words ("Sport", "Name") may be the same in both languages; sentences are not.
    return sorted(text for text in texts if len(text) >= 12 and " " in text)


def check_page(page, crawl: Crawl, url: str, fallbacks: list[str], desktop: bool):
    problems = crawl.problems
    violations = AXE.run(page).response["violations"]
    problems += [
        f"{url}: axe {violation['id']}: {[node['target'] for node in violation['nodes']][:3]}"
        for violation in violations
    ]
    if desktop:
        page.set_viewport_size(DESKTOP)
        violations = AXE.run(page).response["violations"]
        problems += [f"{url} (desktop): axe {violation['id']}" for violation in violations]
        page.set_viewport_size(NARROWEST)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > NARROWEST["width"]:
        problems.append(f"{url}: {scroll_width}px wide at 320px: {page.evaluate(STICKING_OUT)}")
    levels = page.evaluate(HEADING_LEVELS)
    if levels[:1] != [1] or any(b > a + 1 for a, b in itertools.pairwise(levels)):
        problems.append(f"{url}: heading levels {levels}")
    if crawl.language != settings.LANGUAGE_CODE:
        unmarked = page.evaluate(UNMARKED_FALLBACK, fallbacks)
        problems += [f"{url}: German fallback without lang=de: {text!r}" for text in unmarked]
    for _stop in range(2):
        page.keyboard.press("Tab")
        unseen = page.evaluate(FOCUS_VISIBLE)
        if unseen:
            problems.append(f"{url}: focus not visible: {unseen}")


def send_forms_empty(page, crawl: Crawl, base: str, path: str, fallbacks: list[str]):
    """Every form that posts, sent empty past the browser's own checks: the page with the
    errors must pass the same checks."""
    count = page.locator("form[method=post]").count()
    for index in range(count):
        page.goto(base + path)
        form = page.locator("form[method=post]").nth(index)
        form.evaluate("form => { form.noValidate = true; }")
        # The per-address limit on posts would answer later languages with a 429.
        cache.clear()
        with page.expect_response(lambda response: response.request.method == "POST") as sent:
            form.locator("[type=submit]").first.click()
        page.wait_for_load_state()
        response = sent.value
        label = f"{path} (form {index + 1} sent empty)"
        if response.status != 200:
            crawl.problems.append(f"{label}: status {response.status}")
            continue
        crawl.pages[label] = response.body()
        if "error-summary" not in page.content():
            crawl.problems.append(f"{label}: no error summary")
        check_page(page, crawl, label, fallbacks, desktop=False)


def crawl_language(browser, base: str, crawl: Crawl, fallbacks: list[str]):
    context = browser.new_context(viewport=NARROWEST, **PHONE)
    page = context.new_page()
    server = urlsplit(base).netloc
    foreign = []
    page.on("request", lambda request: foreign.append(request.url))
    language = crawl.language
    every_page = language in EVERY_PAGE
    queue = [f"/{language}/", *(path.format(language=language) for path in UNLINKED)]
    seen = set(queue)
    not_found = PUBLIC_PAGES["not-found"].format(language=language)
    while queue:
        path = queue.pop(0)
        match = resolved(path, language)
        pattern = match.route if match else path
        if not every_page and pattern in crawl.patterns:
            continue
        first_of_kind = pattern not in crawl.patterns
        crawl.patterns.add(pattern)
        response = page.goto(base + path)
        if response.status != (404 if path == not_found else 200):
            crawl.problems.append(f"{path}: status {response.status}")
            continue
        crawl.pages[path] = response.body()
        check_page(page, crawl, path, fallbacks, desktop=every_page and first_of_kind)
        links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        if first_of_kind:
            send_forms_empty(page, crawl, base, path, fallbacks)
        for link in links:
            parts = urlsplit(urljoin(base + path, link))
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if (
                parts.netloc == server
                and parts.path.startswith(f"/{language}/")
                and getattr(resolved(parts.path, language), "url_name", None) not in NOT_A_PAGE
                and target not in seen
            ):
                seen.add(target)
                queue.append(target)
    crawl.problems += sorted({url for url in foreign if urlsplit(url).netloc != server})
    context.close()


def crawl_share(base: str, crawls: list[Crawl], fallbacks: dict, errors: list):
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for crawl in crawls:
                crawl_language(browser, base, crawl, fallbacks[crawl.language])
            browser.close()
    except Exception as error:  # reported by the test, which would otherwise hang silently
        errors.append(error)


@pytest.mark.timeout(1200)
def test_every_page_in_every_language_is_accessible_valid_and_fits_a_phone(
    live_server, media, tmp_path
):
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium`."
        )
    load_demo()
    fallbacks = {language: fallback_texts(language) for language in LANGUAGES}
    crawls = [Crawl(language) for language in LANGUAGES]
    # German and Arabic, the long crawls, go to different browsers.
    shares = [crawls[0::2], crawls[1::2]]
    assert {crawl.language for crawl in shares[0]} >= {"de"}
    assert {crawl.language for crawl in shares[1]} >= {"ar"}
    errors = []
    threads = [
        threading.Thread(target=crawl_share, args=(live_server.url, share, fallbacks, errors))
        for share in shares
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]

    files = {}
    for crawl in crawls:
        for number, (url, html) in enumerate(crawl.pages.items()):
            path = tmp_path / f"{crawl.language}-{number}.html"
            path.write_bytes(html)
            files[path] = url
    messages, unplaced = check_html(list(files))
    problems = [problem for crawl in crawls for problem in crawl.problems]
    problems += [
        f"{files[path]}: Nu line {message.get('lastLine', '?')}: {message['message']}"
        for path, path_messages in messages.items()
        for message in path_messages
        if message["type"] in FAILING
    ]
    problems += [message["message"] for message in unplaced if message["type"] in FAILING]

    german, arabic = crawls[0], crawls[LANGUAGES.index("ar")]
    kinds = {crawl.language: (len(crawl.patterns), len(crawl.pages)) for crawl in crawls}
    assert len(german.pages) > 100, f"the crawl found only {len(german.pages)} German pages"
    assert len(arabic.pages) >= len(german.pages) - 5
    assert min(patterns for patterns, _pages in kinds.values()) >= kinds["de"][0] - 1, kinds
    assert not problems, f"{len(problems)} problem(s) on {kinds}:\n" + "\n".join(problems[:300])
