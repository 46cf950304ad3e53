from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def fallback_lang(obj):
    """The lang and dir attributes for translatable content shown in its German fallback.

    Free when the object's translations were prefetched; otherwise parler may query.
    """
    if obj.has_translation(get_language()):
        return ""
    return mark_safe(f' lang="{settings.LANGUAGE_CODE}" dir="ltr"')
