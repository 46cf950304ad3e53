"""Warnings of `manage.py check --deploy` for production settings left at a local default.

Each works in a local run and fails quietly in production: mails link to the developer's
machine or never leave, every server process keeps its own cache and rate limits, and
every visitor counts as the proxy's address. They only apply with DEBUG off.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
LOCAL_MAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}
PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(deploy=True)
def site_url_check(app_configs, **kwargs):
    if settings.DEBUG:
        return []
    address = urlsplit(settings.SITE_URL)
    if address.scheme == "https" and address.hostname not in LOCAL_HOSTS:
        return []
    return [
        Warning(
            f"KI_SITE_URL is {settings.SITE_URL!r}: links in mails lead there.",
            hint="Set KI_SITE_URL to the portal's public https address, "
            "e.g. https://integration.example-stadt.de.",
            id="ki_portal.W001",
        )
    ]


@register(deploy=True)
def mail_backend_check(app_configs, **kwargs):
    if settings.DEBUG or settings.EMAIL_BACKEND not in LOCAL_MAIL_BACKENDS:
        return []
    return [
        Warning(
            f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}: no mail leaves the server.",
            hint="Unset DJANGO_EMAIL_BACKEND to send by SMTP (DJANGO_EMAIL_HOST and the "
            "other DJANGO_EMAIL_* variables).",
            id="ki_portal.W002",
        )
    ]


@register(deploy=True)
def shared_cache_check(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.DEBUG or backend not in PROCESS_CACHES:
        return []
    return [
        Warning(
            f"The cache is {backend}, one per server process: rate limits count per "
            "process, and an edit of the centre's profile shows late in the others.",
            hint="Set KI_REDIS_URL to a Redis server all processes share, "
            "e.g. redis://redis:6379/0.",
            id="ki_portal.W003",
        )
    ]


@register(deploy=True)
def client_address_header_check(app_configs, **kwargs):
    if settings.DEBUG or settings.CLIENT_ADDRESS_HEADER:
        return []
    return [
        Warning(
            "KI_CLIENT_ADDRESS_HEADER is empty: behind a reverse proxy every visitor has the "
            "proxy's address, so one visitor's form submissions use up everybody's limit.",
            hint="Set KI_CLIENT_ADDRESS_HEADER to the header the proxy writes the visitor's "
            "address in, as Django names it, e.g. HTTP_X_FORWARDED_FOR.",
            id="ki_portal.W004",
        )
    ]
