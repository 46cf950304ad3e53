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
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader

from portal.pages import page


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
    """A refusal inside the site's frame; its template extends `base_template`."""
    context = {**page(title), "base_template": section.base_template, **context}
    return section.finish(render(request, template, context, status=status))


def standalone_page(template, *, status, section=SITE, **context) -> HttpResponse:
    """A page that works while the database or the request is broken; its template extends
    `base_template` (a standalone frame). No request is passed to the template on purpose:
    without it no context processor runs."""
    html = loader.render_to_string(
        template, {"base_template": section.standalone_template, **context}
    )
    return section.finish(HttpResponse(html, status=status))


def service_unavailable(*, retry_after: int, section=SITE) -> HttpResponse:
    """503 with `Retry-After` (seconds), for a dependency that is down, such as the database."""
    response = standalone_page(
        "503.html", status=503, section=section, minutes=max(1, retry_after // 60)
    )
    response["Retry-After"] = str(retry_after)
    return response
