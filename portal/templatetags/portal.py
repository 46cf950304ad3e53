import json

from babel import Locale, UnknownLocaleError
from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, to_locale

register = template.Library()


@register.simple_tag
def fallback_lang(obj):
    """The lang and dir attributes for translatable content shown in its German fallback.

    Free when the object's translations were prefetched; otherwise parler may query.
    """
    if obj.has_translation(get_language()):
        return ""
    return mark_safe(f' lang="{settings.LANGUAGE_CODE}" dir="ltr"')


@register.simple_tag
def other_lang(code):
    """The lang and dir attributes for text written in `code`, if not the page's language.

    For text people wrote themselves in one of the portal's languages, e.g. the
    description of a migrant organisation.
    """
    if not code or code == get_language():
        return ""
    direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)


@register.filter
def ld_json(data):
    """A JSON-LD block; characters that could end the script element are escaped."""
    if not data:
        return ""
    escaped = json.dumps(data, ensure_ascii=False).translate(
        {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
    )
    return mark_safe(f'<script type="application/ld+json">{escaped}</script>')


@register.filter
def language_names(codes):
    """BCP 47 codes as language names in the page's language, e.g. "Türkisch, Arabisch"."""
    page_locale = Locale.parse(to_locale(get_language()))
    names = []
    for code in codes:
        try:
            names.append(Locale.parse(code, sep="-").get_display_name(page_locale))
        except (ValueError, UnknownLocaleError):
            names.append(code)
    return ", ".join(names)
