import pytest
from django.utils import translation

from portal.bidi import direction


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("ar", "rtl"),
        ("fa", "rtl"),
        ("fa-AF", "rtl"),
        ("ar-dz", "rtl"),
        ("de", "ltr"),
        ("az", "ltr"),
    ],
)
def test_direction_of_a_language_django_knows(code, expected):
    assert direction(code) == expected


@pytest.mark.parametrize("code", ["de", "en", "ar", "fa", "tr", "uk"])
def test_direction_agrees_with_the_direction_of_a_page_in_that_language(code):
    with translation.override(code):
        assert direction(code) == ("rtl" if translation.get_language_bidi() else "ltr")
