"""Every public page is valid HTML according to the Nu HTML checker (vnu.jar from npm)."""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.pages import LANGUAGES, PUBLIC_PAGES, create_public_content

VNU = Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar"
FAILING = {"error", "non-document-error"}


def check_html(paths):
    """The Nu checker's messages per file: one Java start for all files, as it starts slowly."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu gave no JSON report (exit {result.returncode}):\n{result.stderr[-2000:]}")
    messages = {path: [] for path in paths}
    unplaced = []
    for message in report["messages"]:
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        messages.get(path, unplaced).append(message)
    return messages, unplaced


def html_errors(pages: dict, folder: Path) -> list[str]:
    """The Nu checker's errors in the given pages (name → response), named by page."""
    files = {}
    for name, response in pages.items():
        path = folder / f"{name}.html"
        path.write_bytes(response.content)
        files[path] = name
    messages, unplaced = check_html(list(files))
    errors = [
        f"{files[path]} line {message.get('lastLine', '?')}: {message['message']}"
        for path, path_messages in messages.items()
        for message in path_messages
        if message["type"] in FAILING
    ]
    return errors + [message["message"] for message in unplaced if message["type"] in FAILING]


@pytest.mark.django_db
def test_every_public_page_has_no_html_errors(client, tmp_path):
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `npm ci` (make test does).")
    if not shutil.which("java"):
        pytest.fail("java is missing: the Nu HTML checker needs a Java runtime (e.g. Java 17).")
    create_public_content()
    urls = {}
    for language in [*LANGUAGES, "en"]:
        for name, path in PUBLIC_PAGES.items():
            url = path.format(language=language)
            response = client.get(url)
            assert response.status_code == (404 if name == "not-found" else 200), url
            assert response["Content-Type"].startswith("text/html"), url
            page = tmp_path / f"{language}-{name}.html"
            page.write_bytes(response.content)
            urls[page] = url
    # A broken page proves that the checker really read the files and reports errors.
    control = tmp_path / "control.html"
    control.write_text("<!DOCTYPE html><html lang=de><title>x</title><p><div></span>")

    messages, unplaced = check_html([*urls, control])

    assert any(message["type"] == "error" for message in messages.pop(control))
    errors = [
        f"{urls[page]} ({page.name}) line {message.get('lastLine', '?')}: "
        f"{message['message']}\n    {message.get('extract', '').strip()}"
        for page, page_messages in messages.items()
        for message in page_messages
        if message["type"] in FAILING
    ]
    errors += [
        f"{message.get('url', '(no file)')}: {message['message']}"
        for message in unplaced
        if message["type"] in FAILING
    ]
    assert not errors, f"The Nu HTML checker found {len(errors)} error(s):\n" + "\n".join(errors)
