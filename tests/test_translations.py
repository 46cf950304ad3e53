import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

# Python's %(name)s and format_html's {name}.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
# As the Makefile's `makemessages` target runs it.
MAKEMESSAGES_OPTIONS = ["--no-obsolete", "--no-location", "--ignore=node_modules", "--ignore=.venv"]
TAG = re.compile(r"</?([a-z]+)")
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def is_translated(message):
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


def catalog(language):
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as po:
        return read_po(po, locale=language)


@pytest.mark.parametrize("language", TRANSLATED)
def test_user_interface_translation_is_complete(language):
    messages = [message for message in catalog(language) if message.id]

    untranslated = [message.id for message in messages if not is_translated(message)]
    fuzzy = [message.id for message in messages if message.fuzzy]
    assert messages
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_header_is_not_fuzzy_so_it_compiles(language):
    assert not catalog(language).fuzzy


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_survive_translation(language):
    for message in catalog(language):
        if not message.id or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        names = {name for text in ids for name in PLACEHOLDER.findall(text)}
        for text in strings:
            for name in names:
                assert name in text, f"{language}: {name} missing in {text!r}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_markup_survives_translation(language):
    for message in catalog(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert sorted(TAG.findall(text)) == sorted(TAG.findall(ids[0])), (language, ids[0])


def test_every_source_string_is_in_every_catalogue(tmp_path):
    """`make makemessages` was run after the last change of a translatable string: the
    catalogues extracted from a copy of the sources hold the same messages."""
    if not shutil.which("xgettext"):
        pytest.fail("xgettext is missing: install GNU gettext (the gettext package).")
    sources = tmp_path / "sources"
    shutil.copytree(
        ROOT,
        sources,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "node_modules", "static", "staticfiles", "var", "media", "*.mo"
        ),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "en", *MAKEMESSAGES_OPTIONS],
        cwd=sources,
        env={**os.environ, "DJANGO_DEBUG": "true"},
        check=True,
        capture_output=True,
    )
    with (sources / "locale/en/LC_MESSAGES/django.po").open("rb") as po:
        extracted = {(message.context, message.id) for message in read_po(po) if message.id}

    for language in TRANSLATED:
        held = {(message.context, message.id) for message in catalog(language) if message.id}
        assert extracted - held == set(), f"{language}: run `make makemessages` and translate"
        assert held - extracted == set(), f"{language}: run `make makemessages`"
