from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi, get_language_info


def languages(request):
    """The language switcher and hreflang alternates: the same page in every language."""
    current = get_language()
    alternates = [
        {
            "code": code,
            "name_local": get_language_info(code)["name_local"],
            "url": translate_url(request.path, code),
            "is_current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {
        "language_alternates": alternates,
        # An interface language: its direction is Django's (languages.models says the rule).
        "text_direction": "rtl" if get_language_bidi() else "ltr",
    }
