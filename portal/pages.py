"""A public page's title and breadcrumb trail, declared once in its view.

`templates/base.html` renders both from the context: `title` (plain text) in the
document's `<title>`, `crumbs` in the breadcrumb navigation, which always starts at the
home page and ends with the page itself. A template's `<h1>` shows `heading`, the title as
HTML (or `title` where the title is interface text).

A title made of an object's text (a field of work's page is called by its title) may be
that text's German fallback. Such a title is a `Title`: its HTML, for the heading and the
breadcrumb, marks the fallback with `lang="de" dir="ltr"`; the document's `<title>` can
hold no markup, so it carries `lang="de" dir="ltr"` itself where all of it is German, and
a fallback inside a right-to-left title is isolated with Unicode's directional isolates
(see docs/architecture.md, "Fallback text").
"""

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi

from portal.bidi import isolated, lang_attributes
from portal.translations import SOURCE_LANGUAGE


@dataclass(frozen=True)
class Crumb:
    """One step of the trail; the page itself is the one step without a `url`. The
    `title` may be HTML marked safe (a `Title`'s `html`)."""

    title: str
    url: str = ""


@dataclass(frozen=True)
class Title:
    """A page title with an object's text in it that is shown as its German fallback."""

    html: str  # for the heading and the breadcrumb: the fallback in its marked span
    text: str  # for the document's <title>: an inserted fallback isolated on an rtl page
    german: bool = False  # the whole title is the German fallback


def fallback_html(obj, value) -> str:
    """`value`, a text of the translated `obj`, as HTML: in a `<span lang="de" dir="ltr">`
    where it is shown as the German fallback (`obj.is_fallback()`), escaped as it is
    otherwise. For a fallback inserted into an interface sentence."""
    if not obj.is_fallback():
        return escape(value)
    return format_html("<span{}>{}</span>", lang_attributes(SOURCE_LANGUAGE), value)


def fallback_plain(obj, value) -> str:
    """`value` of `obj` for a place without markup: a German fallback on a right-to-left
    page isolated from the text around it."""
    if obj.is_fallback() and get_language_bidi():
        return isolated(value, SOURCE_LANGUAGE)
    return value


def content_title(obj, value):
    """The title of a page named by `value`, a text of the translated `obj`."""
    if not obj.is_fallback():
        return value
    return Title(html=fallback_html(obj, value), text=value, german=True)


def title_with(sentence, obj, value):
    """The title `sentence` (interface text with a `%(name)s`) naming `value` of `obj`."""
    if not obj.is_fallback():
        return sentence % {"name": value}
    return Title(
        html=mark_safe(escape(sentence) % {"name": fallback_html(obj, value)}),
        text=sentence % {"name": fallback_plain(obj, value)},
    )


def page(title, *parents: Crumb, home: bool = False, languages=None) -> dict:
    """The context for a page called `title`, below the home page and `parents`.

    `title` is plain text or a `Title`. `parents` are the section pages between the home
    page and this one, each with its `url` (use `reverse_lazy` for a module constant). The
    home page itself passes `home=True`: it is the whole trail, so it has no crumb of its
    own. `languages` are those the page has its content in, for the hreflang alternates and
    the sitemap; `None` for a page whose text is the interface's, which has every language.
    """
    heading = title.html if isinstance(title, Title) else title
    context = {
        "title": title.text if isinstance(title, Title) else title,
        "heading": heading,
        "crumbs": [] if home else [*parents, Crumb(heading)],
    }
    if isinstance(title, Title) and title.german:
        context["title_lang"] = lang_attributes(SOURCE_LANGUAGE)
    if languages is not None:
        context["content_languages"] = languages
    return context


class PageMixin:
    """For generic views: `title` and `parents` as class attributes, or computed in
    `get_title()` and `get_parents()` (a detail view's title is usually its object's
    name, available there as `self.object`: `content_title` marks it where it is the
    German fallback). A detail page of a translated object has content in the languages
    the object is translated into; other pages in every language (`get_languages()`)."""

    title = None
    parents: tuple[Crumb, ...] = ()
    home = False

    def get_title(self):
        return self.title

    def get_parents(self):
        return self.parents

    def get_languages(self):
        obj = getattr(self, "object", None)
        return obj.translated_languages() if hasattr(obj, "translated_languages") else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page(
                self.get_title(),
                *self.get_parents(),
                home=self.home,
                languages=self.get_languages(),
            )
        )
        return context
