"""What Django and Babel know about a BCP 47 code: its writing direction and its names.

No model is imported here, so the data migrations can use these functions with their
historical models.
"""

from babel import Locale, UnknownLocaleError
from django.conf.locale import LANG_INFO

from portal.bidi import direction

# Written right to left, but unknown to both Django and Babel (Babel only knows Dari as
# "fa-AF"). Only the seeds and the conversions of typed codes ask; staff set the
# direction of a language they add themselves.
RIGHT_TO_LEFT_UNKNOWN = {"prs"}


def babel_locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code, sep="-")
    except (ValueError, UnknownLocaleError):
        return None


def direction_of(code: str) -> str:
    """ "rtl" or "ltr": Django's where Django knows the code (`portal.bidi`), else Babel's
    character order, else left to right."""
    if code.lower() in LANG_INFO:
        return direction(code)
    if code in RIGHT_TO_LEFT_UNKNOWN:
        return "rtl"
    locale = babel_locale(code)
    if locale is not None and locale.character_order == "right-to-left":
        return "rtl"
    return "ltr"


def names_of(code: str) -> tuple[str, str]:
    """The name in the language itself and the German name, from Babel's locale data;
    the code itself for both when Babel does not know it."""
    locale = babel_locale(code)
    if locale is None:
        return code, code
    own = locale.get_display_name(locale) or code
    german = locale.get_display_name("de") or code
    return own[:1].upper() + own[1:], german


def language_for_code(model, code: str):
    """The language with this code, created from `names_of` and `direction_of` when the
    list has no such row yet. Takes the model, so data migrations can pass theirs."""
    name, name_de = names_of(code)
    language, _created = model.objects.get_or_create(
        code=code, defaults={"name": name, "name_de": name_de, "direction": direction_of(code)}
    )
    return language
