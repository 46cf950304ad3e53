from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_bidi, get_language_info, override


def alternate_url(request, code: str) -> str:
    """The page in another language: built from the view the path resolved to, never
    from the path itself. A path that resolved to nothing (a 404 for
    "//evil.example/") leads to that language's home page."""
    if request.resolver_match is None:
        with override(code):
            return reverse("home")
    return translate_url(request.path_info, code)


def languages(request):
    """The language switcher and hreflang alternates: the same page in every language."""
    current = get_language()
    # The switcher keeps the query (a directory search, a page number); the hreflang
    # alternates name the page itself.
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = alternate_url(request, code)
        alternates.append(
            {
                "code": code,
                "name_local": get_language_info(code)["name_local"],
                "url": url,
                "switch_url": url + query,
                "is_current": code == current,
            }
        )
    return {
        "language_alternates": alternates,
        # An interface language: its direction is Django's (languages.models says the rule).
        "text_direction": "rtl" if get_language_bidi() else "ltr",
    }
