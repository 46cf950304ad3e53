"""Every public URL parameter against the hostile inputs of `tests/security/hostile.py`.

The query parameters: the directory's search, filters and page (`q`, `language`,
`activity`, `audience`, `district`, `page`), the news list's page, the barrier form's
`seite`, the self-service page's `gespeichert`, the `next` of the staff login and of the
admin's login address that leads there; the language in the path and in `Accept-Language`.
The path parameters: the slugs of fields of work, target groups, news, events, networks and
organisations, the numbers of documents and vCards, the sign-language video's kind, and the
signed tokens of the self-service links.

Each gets each hostile input and bytes that are no UTF-8 (`%ff%fe`). Expected: the page
(with the bad filter shown as an error and left out), a redirect, 400 (a link that is not
valid) or 404; never a 500, never the markup unescaped on the page, no error in the log
and, for query parameters, the value nowhere in the log (Django's request log names the
path, so a path parameter appears there as it does in every access log). The CSRF
failure page keeps a hostile query string out of its "open the form again" link.
"""

import logging
import urllib.parse

import pytest
from django.test import Client

from organisations.services import manage_link
from tests.factories import OrganisationFactory
from tests.organisations.test_self_service import path_of
from tests.security.hostile import (
    HOSTILE,
    INVALID_UTF8,
    assert_no_active_markup,
    assert_not_logged,
)

pytestmark = pytest.mark.django_db

DIRECTORY = "/de/migrantenorganisationen/verzeichnis/"
# Each query parameter and the page that reads it; "{manage}" is a valid self-service link.
QUERY_PARAMETERS = [
    (DIRECTORY, "q"),
    (DIRECTORY, "language"),
    (DIRECTORY, "activity"),
    (DIRECTORY, "audience"),
    (DIRECTORY, "district"),
    (DIRECTORY, "page"),
    ("/de/aktuelles/", "page"),
    ("/de/barrierefreiheit/rueckmeldung/", "seite"),
    ("{manage}", "gespeichert"),
    ("/admin/login/", "next"),
    ("/de/anmelden/", "next"),
]
# Each path parameter as "{}" in a page's address.
PATH_PARAMETERS = [
    "/{}/",
    "/de/handlungsfelder/{}/",
    "/de/handlungsfelder/gesundheit/dokumente/{}/",
    "/de/fuer/{}/",
    "/de/aktuelles/{}/",
    "/de/veranstaltungen/{}/",
    "/de/netzwerke/{}/",
    "/de/netzwerke/kommunale-gesundheitskonferenz/dokumente/{}/",
    "/de/migrantenorganisationen/verzeichnis/{}/",
    "/de/kontakt/{}/vcard/",
    "/de/gebaerdensprache/{}.mp4",
    "/de/migrantenorganisationen/anmelden/bestaetigen/{}/",
    "/de/migrantenorganisationen/eintrag/{}/",
    "/de/migrantenorganisationen/eintrag/{}/aendern/",
    "/de/migrantenorganisationen/eintrag/{}/themen/",
    "/de/migrantenorganisationen/eintrag/{}/zurueckziehen/",
]
# What each parameter gets: the hostile inputs, percent-encoded, and bytes that are no UTF-8.
VALUES = [
    *(pytest.param(urllib.parse.quote(value, safe=""), id=name) for name, value in HOSTILE.items()),
    pytest.param(INVALID_UTF8, id="invalid-utf-8"),
]
HARMLESS_STATUSES = {200, 301, 302, 400, 404}


@pytest.fixture
def manage_path(db):
    return path_of(manage_link(OrganisationFactory()))


@pytest.fixture
def visitor(caplog):
    caplog.set_level(logging.DEBUG)
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize(("path", "parameter"), QUERY_PARAMETERS)
def test_a_hostile_query_parameter_is_answered_harmlessly(
    visitor, caplog, manage_path, path, parameter, value
):
    response = visitor.get(f"{path.format(manage=manage_path)}?{parameter}={value}")

    assert response.status_code in HARMLESS_STATUSES
    assert_no_active_markup(response.content)
    assert_not_logged(caplog, urllib.parse.unquote(value))


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("path", PATH_PARAMETERS)
def test_a_hostile_path_parameter_is_answered_harmlessly(visitor, caplog, path, value):
    response = visitor.get(path.format(value))

    assert response.status_code in HARMLESS_STATUSES
    assert_no_active_markup(response.content)
    assert_not_logged(caplog)


def test_a_bad_filter_is_shown_as_an_error_and_the_other_filters_still_apply(visitor):
    OrganisationFactory(name="Kulturverein Ruhr e. V.")
    OrganisationFactory(name="Elternverein Brücke e. V.")

    response = visitor.get(DIRECTORY, {"q": "Kultur", "language": HOSTILE["svg"]})

    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_language-error"' in page
    assert "Kulturverein Ruhr" in page
    assert "Elternverein Brücke" not in page


@pytest.mark.parametrize("value", VALUES)
def test_a_hostile_language_preference_redirects_to_a_language_of_the_portal(visitor, value):
    response = visitor.get("/", HTTP_ACCEPT_LANGUAGE=urllib.parse.unquote(value))

    assert response.status_code == 302
    assert response["Location"] in {"/de/", "/en/", "/ar/", "/tr/", "/uk/", "/ru/", "/fa/"}


@pytest.mark.parametrize("value", VALUES)
def test_the_csrf_page_links_back_to_the_form_without_the_hostile_query(value):
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"/de/barrierefreiheit/rueckmeldung/?seite={value}")

    assert response.status_code == 403
    assert_no_active_markup(response.content)
    assert 'href="/de/barrierefreiheit/rueckmeldung/?seite=' in response.content.decode()


ORGANISATIONS_ADMIN = "/admin/organisations/organisation/"


@pytest.mark.parametrize(
    "query",
    [
        "status=%00",
        "q=Ver%00ein",
        "created_at__year=99999999999999999999",
        "created_at__year=9999",
        "created_at__year=2026&created_at__month=13",
        "created_at__year=2026&created_at__month=1&created_at__day=99999999999999999999",
        "created_at__year=%D9%A2%D9%A0%D9%A2%D9%A6",
    ],
)
def test_a_query_no_admin_list_can_use_is_a_bad_request(admin_client, caplog, query):
    response = admin_client.get(f"{ORGANISATIONS_ADMIN}?{query}")

    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.content.decode()
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_a_date_of_the_calendar_still_filters_the_admin_list(admin_client):
    OrganisationFactory(name="Kulturverein Ruhr")

    response = admin_client.get(f"{ORGANISATIONS_ADMIN}?created_at__year=2026&created_at__month=12")

    assert response.status_code == 200
