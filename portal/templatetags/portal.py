import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi, gettext

from portal.bidi import isolated, lang_attributes
from portal.context_processors import alternate_url
from portal.images import image_sources
from portal.pages import fallback_html, fallback_plain
from portal.translations import SOURCE_LANGUAGE, Status

register = template.Library()


@register.simple_tag
def fallback_lang(obj):
    """The lang and dir attributes for an element holding text of `obj` that is shown in its
    German fallback (`obj.is_fallback()`); nothing where the object is translated.

    Free when the object's translations were prefetched; otherwise parler may query.
    """
    return lang_attributes(SOURCE_LANGUAGE) if obj.is_fallback() else ""


@register.simple_tag
def fallback_text(obj, value):
    """`value`, a text of `obj` inserted into interface text, in a `<span lang="de"
    dir="ltr">` where it is the German fallback (a vCard link's "Kontakt von …")."""
    return fallback_html(obj, value)


@register.simple_tag(takes_context=True)
def document_title(context):
    """The document's `<title>` as its `text` and the element's `lang` attributes: the
    page's title, "Fehler:" in front when the page's form has errors, "– Seite N" from
    page 2 on, then the centre's name.

    A `<title>` holds no markup. Where all of it is German fallback text (the page of an
    untranslated object, the centre's name untranslated or absent) the element carries
    `lang="de" dir="ltr"`; otherwise it is in the page's language, and a German fallback in
    a right-to-left title is isolated with Unicode's directional isolates.
    """
    errors = context.get("form") is not None and context["form"].errors
    page_obj = context.get("page_obj")
    number = page_obj.number if page_obj is not None else 1
    centre = context.get("centre")
    text = context.get("title", "")
    german = context.get("title_lang") and not errors and number == 1
    german = german and (not centre or centre.is_fallback())
    if context.get("title_lang") and not german and get_language_bidi():
        text = isolated(text, SOURCE_LANGUAGE)
    if errors:
        text = "{} {}".format(gettext("Fehler:"), text)
    if number > 1:
        text = "{} – {}".format(text, gettext("Seite %(number)s") % {"number": number})
    if centre:
        text = f"{text} – {centre if german else fallback_plain(centre, str(centre))}"
    return {"text": text, "lang": lang_attributes(SOURCE_LANGUAGE) if german else ""}


@register.simple_tag(takes_context=True)
def hreflang_alternates(context):
    """The page in the other languages for `<link rel="alternate">`: the languages it has
    content in (`content_languages`, set by `portal.pages.page`; every language for a page
    whose text is the interface's), then `x-default`, the German page.

    Each as (hreflang, absolute URL).
    """
    request = context["request"]
    languages = context.get("content_languages")
    base = f"{request.scheme}://{request.get_host()}"
    alternates = [
        (alternate["code"], base + alternate["url"])
        for alternate in context.get("language_alternates", [])
        if languages is None or alternate["code"] in languages
    ]
    return [*alternates, ("x-default", base + alternate_url(request, SOURCE_LANGUAGE))]


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
    return lang_attributes(code)


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
