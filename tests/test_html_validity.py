"""Every public page is valid HTML according to the Nu HTML checker (vnu.jar from npm)."""

import json
import subprocess
from pathlib import Path

import pytest

from tests.pages import LANGUAGES, PUBLIC_PAGES, create_public_content

VNU = Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar"


def check_html(paths):
    """Messages of the Nu checker per file; one Java start for all files, as it is slow to start."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = {path: [] for path in paths}
    for message in json.loads(result.stderr)["messages"]:
        messages[Path(message["url"].removeprefix("file:"))].append(message)
    return messages


@pytest.mark.django_db
def test_every_public_page_has_no_html_errors(client, tmp_path):
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `npm ci` (make test does).")
    create_public_content()
    urls = {}
    for language in [*LANGUAGES, "en"]:
        for name, path in PUBLIC_PAGES.items():
            url = path.format(language=language)
            response = client.get(url)
            assert response.status_code in {200, 404}, url
            page = tmp_path / f"{language}-{name}.html"
            page.write_bytes(response.content)
            urls[page] = url
    # A broken page proves that the checker really read the files.
    control = tmp_path / "control.html"
    control.write_text("<!DOCTYPE html><html lang=de><title>x</title><p><div></span>")

    messages = check_html([*urls, control])

    assert any(message["type"] == "error" for message in messages.pop(control))
    errors = [
        f"{urls[page]}:{message.get('lastLine')}: {message['message']}"
        for page, page_messages in messages.items()
        for message in page_messages
        if message["type"] in {"error", "non-document-error"}
    ]
    assert errors == []
