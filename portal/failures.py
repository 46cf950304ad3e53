"""Failure pages in the site's design and the visitor's language (the path's prefix).

Two kinds. A page for a request the portal refused (403, the CSRF failure) is a normal
page of the site: it extends the section's base template and has header, navigation and
footer. A page for a failure of the portal itself (400, 500, 503) must not fail again:
it is rendered without the request's context processors, which read the database, and
its frame (`standalone.html`) needs nothing but the active language, the static files and
the URL configuration.

A section can keep its own frame and headers around its failure pages (the counselling
section keeps the helpline and the quick exit); the project shell says which section a
request is in.

While the database cannot serve a request, the visitor gets the 503 page: the middleware
`portal.middleware.DatabaseUnavailableMiddleware` turns what a view or its template
raises into it, and `failure_page` does so for a refusal page, whose context processors
read the database.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.cache import add_never_cache_headers

from portal.pages import page

logger = logging.getLogger(__name__)

# What a request meets while the database cannot serve it: the server refuses or drops the
# connection, the pool finds none in time (psycopg_pool's PoolTimeout is an
# OperationalError), a lock or a statement is given up. Trying again later helps.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
# When a visitor may try again after a 503, in seconds: short, because the portal serves
# pages again within seconds of the database's return (tests/test_outage.py). The page
# itself asks people to wait a minute, rounded up.
RETRY_AFTER = 10


def _unchanged(response):
    return response


@dataclass(frozen=True)
class Section:
    """How a part of the site frames its failure pages."""

    base_template: str = "base.html"
    standalone_template: str = "standalone.html"
    # Applied to every failure response of the section (its own headers, say).
    finish: Callable[[HttpResponse], HttpResponse] = _unchanged


SITE = Section()


def failure_page(request, template, title, *, status, section=SITE, **context) -> HttpResponse:
    """A refusal inside the site's frame; its template extends `base_template`.

    Its context processors read the database; while that is down, the 503 page answers.
    """
    context = {**page(title), "base_template": section.base_template, **context}
    try:
        response = render(request, template, context, status=status)
    except DATABASE_UNAVAILABLE as error:
        return database_unavailable(request, error, section=section)
    return section.finish(response)


def standalone_page(template, *, status, section=SITE, **context) -> HttpResponse:
    """A page that works while the database or the request is broken; its template extends
    `base_template` (a standalone frame). No request is passed to the template on purpose:
    without it no context processor runs."""
    html = loader.render_to_string(
        template, {"base_template": section.standalone_template, **context}
    )
    return section.finish(HttpResponse(html, status=status))


def service_unavailable(request, *, section=SITE) -> HttpResponse:
    """503 with `Retry-After` and `no-store`, for a dependency that is down, such as the
    database. After a form was sent, the page says that it was not stored."""
    response = standalone_page(
        "503.html",
        status=503,
        section=section,
        minutes=max(1, RETRY_AFTER // 60),
        form_sent=request.method == "POST",
    )
    response["Retry-After"] = str(RETRY_AFTER)
    add_never_cache_headers(response)
    return response


def database_unavailable(request, error, *, section=SITE) -> HttpResponse:
    """The 503 page for a request the database could not serve, logged as one warning: the
    error's kind and first line, no address (a signed link holds a key), no traceback."""
    reason = str(error).strip().partition("\n")[0]
    logger.warning("Database unavailable, answered 503: %s: %s", type(error).__name__, reason)
    response = service_unavailable(request, section=section)
    # Django logs every 5xx response once more, as an error with its path; this expected
    # failure is logged above.
    response._has_been_logged = True
    return response


def undecryptable_data(error) -> HttpResponse:
    """500 for stored data that no configured key decrypts (`UndecryptableError`): a
    standalone page that tells staff whom to ask, never the ciphertext. Logged as one
    error naming the field, not the data, and without a traceback."""
    logger.error("Stored data cannot be decrypted, answered 500: %s", error)
    response = standalone_page("undecryptable.html", status=500)
    response._has_been_logged = True
    return response
