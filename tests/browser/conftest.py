"""A headless Debian Chromium, driven by Playwright against pytest-django's live server."""

import os

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.pages import create_public_content

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


@pytest.fixture(scope="session")
def browser():
    """One browser for the whole run; every test opens its own context in it."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium` "
            "(the browser tests use Debian's Chromium, not a Playwright download)."
        )
    # Playwright's sync API keeps an event loop running in this thread, and Django's ORM
    # refuses to run in a thread with a running loop unless told it is safe.
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture
def new_page(browser):
    """Opens a page in a fresh browser context; every context is closed after the test."""
    contexts = []

    def open_page(**context_options):
        context_options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**context_options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def content(transactional_db):
    """The centre and its fields of work, committed so that the live server's thread sees them."""
    return create_public_content()


def commits(item) -> bool:
    """Whether a test commits to the database, as pytest-django sorts them."""
    marker = item.get_closest_marker("django_db")
    return bool(
        {"live_server", "transactional_db"} & set(item.fixturenames)
        or (marker is not None and marker.kwargs.get("transaction"))
    )


def pytest_collection_modifyitems(items):
    """The crawler, by far the longest test, starts first of the tests that commit
    (pytest-django runs them after those that roll back), so that with `make test`'s two
    workers the other one goes on meanwhile instead of being left waiting at the end."""
    crawler = [item for item in items if item.path.name == "test_crawl.py"]
    rest = [item for item in items if item.path.name != "test_crawl.py"]
    start = next((index for index, item in enumerate(rest) if commits(item)), len(rest))
    items[:] = [*rest[:start], *crawler, *rest[start:]]
