"""`manage.py check --deploy` warns about production settings left at a local default."""

import pytest
from django.core.checks import run_checks

REDIS = "django.core.cache.backends.redis.RedisCache"


def portal_warnings() -> set[str]:
    messages = run_checks(include_deployment_checks=True)
    return {message.id for message in messages if message.id.startswith("ki_portal.")}


@pytest.fixture
def production(settings):
    """Production settings as the README asks for them."""
    settings.DEBUG = False
    settings.SITE_URL = "https://integration.example-stadt.de"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.CACHES = {"default": {"BACKEND": REDIS, "LOCATION": "redis://redis:6379/0"}}
    settings.CLIENT_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR"
    return settings


def test_production_as_documented_raises_no_warning(production):
    assert portal_warnings() == set()


@pytest.mark.parametrize(
    "address", ["http://127.0.0.1:8000", "http://integration.example-stadt.de", "https://localhost"]
)
def test_a_site_url_that_is_local_or_not_https_is_warned_about(production, address):
    production.SITE_URL = address

    assert portal_warnings() == {"ki_portal.W001"}


@pytest.mark.parametrize("backend", ["console", "locmem", "filebased", "dummy"])
def test_a_mail_backend_that_sends_nothing_is_warned_about(production, backend):
    production.EMAIL_BACKEND = f"django.core.mail.backends.{backend}.EmailBackend"

    assert portal_warnings() == {"ki_portal.W002"}


def test_a_cache_of_each_process_is_warned_about(production):
    production.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

    assert portal_warnings() == {"ki_portal.W003"}


def test_an_empty_client_address_header_is_warned_about(production):
    production.CLIENT_ADDRESS_HEADER = ""

    assert portal_warnings() == {"ki_portal.W004"}


def test_a_local_run_is_not_warned_about(production):
    production.DEBUG = True
    production.SITE_URL = "http://127.0.0.1:8000"
    production.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    production.CLIENT_ADDRESS_HEADER = ""

    assert portal_warnings() == set()
