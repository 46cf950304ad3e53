"""Debian's Chromium, as the browser tests and the README's screenshots start it."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium, started so that it makes no connection of its own to the outside.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
