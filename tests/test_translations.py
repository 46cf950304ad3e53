import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

# Python's %(name)s and format_html's {name}.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
LOCALE = Path(__file__).resolve().parent.parent / "locale"


def is_translated(message):
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


def catalog(language):
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as po:
        return read_po(po, locale=language)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_user_interface_translation_is_complete(language):
    messages = [message for message in catalog(language) if message.id]

    untranslated = [message.id for message in messages if not is_translated(message)]
    fuzzy = [message.id for message in messages if message.fuzzy]
    assert messages
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_catalog_header_is_not_fuzzy_so_it_compiles(language):
    assert not catalog(language).fuzzy


@pytest.mark.parametrize("language", ["en", "ar"])
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
