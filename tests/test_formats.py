import datetime
import re

import pytest
from django.conf import settings
from django.utils import formats, translation

MOMENT = datetime.datetime(2026, 12, 9, 18, 30)
# Arabic-Indic and Persian digits: the portal writes 0-9 in every language.
OTHER_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")

EXPECTED = {
    "de": ("9. Dezember 2026", "9. Dezember 2026 18:30"),
    "en": ("Dec. 9, 2026", "Dec. 9, 2026, 6:30 p.m."),
    "tr": ("9 Aralık 2026", "9 Aralık 2026 18:30"),
    "ar": ("9 ديسمبر 2026", "9 ديسمبر 2026، 18:30"),
    "uk": ("9 грудня 2026 р.", "9 грудня 2026 р., 18:30"),
    "ru": ("9 декабря 2026 г.", "9 декабря 2026 г. 18:30"),
    "pl": ("9 grudnia 2026", "9 grudnia 2026 18:30"),
    "ro": ("9 Decembrie 2026", "9 Decembrie 2026, 18:30"),
    "bg": ("9 Декември 2026", "9 Декември 2026, 18:30"),
    "fa": ("9 دسامبر 2026", "9 دسامبر 2026، ساعت 18:30"),
}


def test_every_language_has_its_formats_checked():
    assert set(EXPECTED) == {code for code, _name in settings.LANGUAGES}


@pytest.mark.parametrize(("language", "expected"), EXPECTED.items())
def test_dates_and_times_read_as_the_language_writes_them(language, expected):
    with translation.override(language):
        written = (
            formats.date_format(MOMENT, "DATE_FORMAT"),
            formats.date_format(MOMENT, "DATETIME_FORMAT"),
        )
        numbers = formats.date_format(MOMENT, "SHORT_DATETIME_FORMAT") + formats.number_format(
            1234.5, 1, use_l10n=True
        )

    assert written == expected
    assert not OTHER_DIGITS.search("".join(written) + numbers)
