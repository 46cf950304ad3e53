"""The admin speaks German throughout, whatever language the browser asks for.

Every admin page a superuser can open (the start page, each model admin's change list,
add, change, history and delete page and the pages an admin adds, the password pages)
is rendered with the browser asking for English. Its visible text and the texts of
`title`, `aria-label`, `alt`, `placeholder` and of buttons are checked, without scripts
and styles and without each record's own name (data, not interface), in two ways:

- a list of phrases Django and the admin's libraries show in English when a German
  translation is missing ("Choose all", "Can add", "Translation", …);
- a heuristic: English function words ("the", "and", "of", "you", "this", "is", …) that
  German text does not contain as whole words.

The counselling pages, refused to the superuser, are rendered for the counselling team.
The texts the admin's JavaScript writes come from its catalogue, checked separately;
tests/browser/test_admin_german.py checks them in a browser.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import django_prose_editor
import pytest
from babel.messages.pofile import read_po
from django.urls import reverse

from tests.staff import sign_in
from tests.test_permission_matrix import (
    RECORDS,
    extra_pages,
    model_admins,
    page_args,
    with_history,
)

pytestmark = pytest.mark.django_db

KNOWN_ENGLISH = [
    "Django",
    "Choose",
    "Remove all",
    "Save and",
    "Add another",
    "Delete?",
    "Log out",
    "View site",
    "Change password",
    "Show counts",
    "Select all",
    "Yes, I",
    "No, take me back",
    "Translation",
    "Can add",
    "Can change",
    "Can delete",
    "Can view",
    "Password-based",
    "Toggle",
    "Tasks Database",
    "Locked Out",
]
ENGLISH_WORDS = re.compile(
    r"\b(the|and|of|your|you|this|is|are|with|by|to|for|from|selected|click|yes|no|all|"
    r"now|today|yesterday|home|history|search|save|delete|add|change|view|none)\b",
    re.IGNORECASE,
)
NAMED_ATTRIBUTES = {"title", "aria-label", "alt", "placeholder"}


class InterfaceText(HTMLParser):
    """The texts a person reads or hears on the page, one per text node or attribute."""

    def __init__(self):
        super().__init__()
        self.texts = []
        self.in_code = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"script", "style", "template"}:
            self.in_code += 1
        for name in NAMED_ATTRIBUTES & attributes.keys():
            self.texts.append(attributes[name] or "")
        if attributes.get("type") in {"submit", "button"}:
            self.texts.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template"}:
            self.in_code -= 1

    def handle_data(self, data):
        if not self.in_code:
            self.texts.append(data)


def english_on(html: str, data: list[str]) -> list[str]:
    parser = InterfaceText()
    parser.feed(html)
    found = []
    for text in parser.texts:
        for value in data:
            text = text.replace(value, "")
        text = " ".join(text.split())
        if any(phrase in text for phrase in KNOWN_ENGLISH) or ENGLISH_WORDS.search(text):
            found.append(text)
    return found


def admin_pages(records):
    """Every page of the admin a record of each model admin gives, with the records'
    names (data that is shown, not interface): with history, a version of the record and
    one of a deleted record."""
    history = with_history(records)
    yield reverse("admin:index")
    yield reverse("admin:password_change")
    for label, model_admin in model_admins().items():
        info, pk = label.replace(".", "_"), records[label].pk
        yield reverse(f"admin:{info}_changelist")
        yield reverse(f"admin:{info}_add")
        for page in ["change", "history", "delete"]:
            yield reverse(f"admin:{info}_{page}", args=[pk])
        for pattern in extra_pages(model_admin):
            yield reverse(f"admin:{pattern.name}", args=page_args(pattern, pk, history.get(label)))


def test_admin_pages_are_german_for_a_browser_asking_for_english(
    client, admin_user, counsellor, django_db_blocker
):
    records = {label: RECORDS[label]() for label in model_admins()}
    data = sorted({str(record) for record in records.values()}, key=len, reverse=True)
    superuser, team = sign_in(client, admin_user), None
    found, seen = {}, 0
    for url in admin_pages(records):
        response = superuser.get(url, HTTP_ACCEPT_LANGUAGE="en")
        if response.status_code == 403 and url.startswith("/admin/counselling/"):
            if team is None:
                team = sign_in(type(client)(), counsellor)
            response = team.get(url, HTTP_ACCEPT_LANGUAGE="en")
        if response.status_code != 200:
            continue
        seen += 1
        assert response["Content-Language"] == "de"
        english = english_on(response.content.decode(), data)
        if english:
            found[url] = english
    # Some pages are refused to everyone (adding a log entry): most are not.
    assert seen > 150
    assert found == {}


def test_header_and_title_name_the_portal_and_the_centre(admin_client):
    from tests.factories import CentreProfileFactory

    CentreProfileFactory(name="Kommunales Integrationszentrum Oberhausen")
    response = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1)
    assert "KI-Portal – Verwaltung" in title
    assert "Kommunales Integrationszentrum Oberhausen" in title
    assert "Django" not in title
    branding = re.search(r'<div id="site-name">(.*?)</div>', html, re.DOTALL).group(1)
    assert "KI-Portal – Verwaltung" in branding
    assert "Kommunales Integrationszentrum Oberhausen" in branding
    assert '<html lang="de"' in html


def test_public_pages_keep_the_language_of_their_path(client):
    response = client.get("/en/", HTTP_ACCEPT_LANGUAGE="de")

    assert response["Content-Language"] == "en"


def javascript_msgids(po: Path) -> set[str]:
    with po.open("rb") as handle:
        return {
            message.id if isinstance(message.id, str) else message.id[0]
            for message in read_po(handle)
            if message.id and not message.context
        }


def test_javascript_catalogue_has_german_for_every_admin_and_editor_string(admin_client):
    """Django's admin scripts (all their strings, from its English catalogue), the prose
    editor's dialogs and its toolbar titles (static/js/admin.js) are all German."""
    response = admin_client.get(reverse("admin:jsi18n"), HTTP_ACCEPT_LANGUAGE="en")

    catalogue = json.loads(
        re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.DOTALL).group(1)
    )
    admin_js = Path(django.__file__).parent / "contrib/admin/locale/en/LC_MESSAGES/djangojs.po"
    editor_js = Path(django_prose_editor.__file__).parent / "locale/de/LC_MESSAGES/djangojs.po"
    toolbar = Path(__file__).resolve().parent.parent / "static/js/admin.js"
    toolbar_titles = {"bold", "italic", "unordered list", "ordered list", "blockquote", "undo"}
    assert "gettext(text)" in toolbar.read_text()
    missing = sorted(
        msgid
        for msgid in javascript_msgids(admin_js) | javascript_msgids(editor_js) | toolbar_titles
        if msgid not in catalogue
    )
    assert missing == []
    assert catalogue["Choose all %s"] == "Alle %s auswählen"
    assert catalogue["bold"] == "Fett"
