"""Which way text runs in a language Django knows."""

from django.conf import settings
from django.utils.html import format_html

LTR_ISOLATE, RTL_ISOLATE, POP_ISOLATE = "\u2066", "\u2067", "\u2069"


def direction(code: str) -> str:
    """ "rtl" or "ltr" from `settings.LANGUAGES_BIDI`, the list `get_language_bidi()` reads
    for the page's own direction.

    Django's per-language table (`LANG_INFO`) has a bidi flag too, but it marks
    Azerbaijani as right to left, which is written in Latin script in Azerbaijan; on every
    other language the two agree.
    """
    return "rtl" if code.lower().split("-")[0] in settings.LANGUAGES_BIDI else "ltr"


def lang_attributes(code: str) -> str:
    """` lang="…" dir="…"` for an element holding text in the interface language `code`."""
    return format_html(' lang="{}" dir="{}"', code, direction(code))


def isolated(text: str, code: str) -> str:
    """Plain `text` in the interface language `code`, isolated from the text around it with
    Unicode's directional isolates: the `<bdi dir="…">` of a place that holds no markup,
    such as the document's `<title>`."""
    return f"{LTR_ISOLATE if direction(code) == 'ltr' else RTL_ISOLATE}{text}{POP_ISOLATE}"
