"""Which way text runs in a language Django knows."""

from django.conf import settings


def direction(code: str) -> str:
    """ "rtl" or "ltr" from `settings.LANGUAGES_BIDI`, the list `get_language_bidi()` reads
    for the page's own direction.

    Django's per-language table (`LANG_INFO`) has a bidi flag too, but it marks
    Azerbaijani as right to left, which is written in Latin script in Azerbaijan; on every
    other language the two agree.
    """
    return "rtl" if code.lower().split("-")[0] in settings.LANGUAGES_BIDI else "ltr"
