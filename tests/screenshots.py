"""Writes the README's screenshots to docs/screenshots/, from a portal running the demo.

    make run   # in one terminal
    .venv/bin/python -m tests.screenshots [http://127.0.0.1:8000]

The home page, a form sent with errors and the directory of migrant organisations, in
Arabic and Turkish, at a phone's and a desktop's width: the first screen of each, as a
visitor sees it, with Debian's Chromium.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from portal.forms import MINIMUM_FILL_SECONDS
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS

FOLDER = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
WIDTHS = {
    "phone": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
PAGES = {
    "home": "/{language}/",
    "form-with-errors": "/{language}/migrantenorganisationen/anmelden/",
    "directory": "/{language}/migrantenorganisationen/verzeichnis/",
}
LANGUAGES = ["ar", "tr"]


def take(page, base: str, name: str, path: str, target: Path):
    page.goto(base + path)
    if name == "form-with-errors":
        # Sent empty after the form's minimum fill time, so only the fields' errors show.
        page.wait_for_timeout((MINIMUM_FILL_SECONDS + 1) * 1000)
        form = page.locator("form[method=post]").first
        form.evaluate("form => { form.noValidate = true; }")
        form.locator("[type=submit]").first.click()
        page.wait_for_load_state()
    # The browser scrolls smoothly to the focused error summary; fonts may still load.
    page.wait_for_timeout(1000)
    page.screenshot(path=target)


def main(base: str):
    FOLDER.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for width, options in WIDTHS.items():
            context = browser.new_context(**options)
            page = context.new_page()
            for language in LANGUAGES:
                for name, path in PAGES.items():
                    target = FOLDER / f"{language}-{name}-{width}.png"
                    take(page, base, name, path.format(language=language), target)
                    print(target.relative_to(FOLDER.parent.parent))
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
