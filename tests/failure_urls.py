"""The portal's URLs plus addresses that fail on purpose, for the failure page tests only.

Use with `settings.ROOT_URLCONF = "tests.failure_urls"`.
"""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.urls import path

from ki_portal import urls


def refuse(request):
    raise PermissionDenied


def fail(request):
    raise RuntimeError("a bug on purpose")


def lose_the_database(request):
    raise OperationalError("connection refused on purpose")


def failing(prefix: str) -> list:
    return [
        path(f"{prefix}kaputt/verboten/", refuse),
        path(f"{prefix}kaputt/fehler/", fail),
        path(f"{prefix}kaputt/wartung/", lose_the_database),
    ]


urlpatterns = [
    *urls.urlpatterns,
    *i18n_patterns(*failing(""), *failing("beratung/"), prefix_default_language=True),
]

handler400 = urls.handler400
handler403 = urls.handler403
handler404 = urls.handler404
handler500 = urls.handler500
