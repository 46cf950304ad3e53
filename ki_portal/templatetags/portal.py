import json

from babel import Locale, UnknownLocaleError
from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, to_locale

register = template.Library()


@register.simple_tag
def fallback_lang(obj):
    """The lang and dir attributes for translatable content shown in its German fallback.

    Free when the object's translations were prefetched; otherwise parler may query.
    """
    if obj.has_translation(get_language()):
        return ""
    return mark_safe(f' lang="{settings.LANGUAGE_CODE}" dir="ltr"')


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
