import json

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal.bidi import direction
from portal.context_processors import alternate_url
from portal.images import image_sources
from portal.translations import SOURCE_LANGUAGE, Status

register = template.Library()


@register.simple_tag
def fallback_lang(obj):
    """The lang and dir attributes for translatable content shown in its German fallback.

    German is an interface language, so its direction is Django's. Free when the object's
    translations were prefetched; otherwise parler may query.
    """
    if obj.has_translation(get_language()):
        return ""
    return interface_lang(settings.LANGUAGE_CODE)


@register.inclusion_tag("includes/_translation_note.html", takes_context=True)
def translation_note(context, obj):
    """The note above a page whose text is one object's: shown in German because the
    translation is missing, or translated from an older German text (with a link to it).

    Free when the object's translations were prefetched; otherwise one query.
    """
    language = get_language()
    if language == SOURCE_LANGUAGE:
        return {}
    status = obj.translation_status(language)
    if status == Status.CURRENT:
        return {}
    return {
        "status": status.value,
        "source_language": SOURCE_LANGUAGE,
        "source_url": alternate_url(context["request"], SOURCE_LANGUAGE),
    }


def interface_lang(code: str) -> str:
    return format_html(' lang="{}" dir="{}"', code, direction(code))


@register.simple_tag
def other_lang(code):
    """The lang and dir attributes for text written in `code`, if not the page's language.

    For text people wrote in one of the portal's interface languages (`settings.LANGUAGES`),
    e.g. the description of a migrant organisation in the language its form was filled in.
    The rule for direction: an interface language takes Django's bidi information, a
    language from the list `languages.Language` takes its `direction`
    (`{{ language.html_attrs }}`); see `languages.models`.
    """
    if not code or code == get_language():
        return ""
    return interface_lang(code)


@register.filter
def ld_json(data):
    """A JSON-LD block; characters that could end the script element are escaped."""
    if not data:
        return ""
    escaped = json.dumps(data, ensure_ascii=False).translate(
        {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
    )
    return mark_safe(f'<script type="application/ld+json">{escaped}</script>')


@register.simple_tag
def responsive_image(obj, layout="page"):
    """The object's image (`portal.images.ImageMixin`) in the sizes stored of it, for a
    `layout` of `portal.images.IMAGE_LAYOUTS`; nothing without an image.

    Width and height keep the space free while the image loads; alt is empty for a
    decorative image, and carries lang and dir when it is the German fallback. Reads no
    file; free when the object's translations were prefetched.
    """
    if not obj.image or not obj.image_width:
        return ""
    alt, language = "", get_language()
    if not obj.image_decorative:
        alt, language = obj.image_alt_with_language()
    return format_html(
        '<img src="{src}" srcset="{srcset}" sizes="{sizes}" class="{class}" width="{width}"'
        ' height="{height}" alt="{alt}"{lang} loading="lazy" decoding="async">',
        **image_sources(obj, layout),
        alt=alt,
        lang=other_lang(language),
    )
