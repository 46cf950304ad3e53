"""Failure pages: in the site's design and the visitor's language, the counselling section's
helpline, quick exit and headers kept, no cookie, valid HTML."""

import re

import pytest
from django.test import Client
from django.utils import translation

from counselling.models import CounsellingRequest
from portal.middleware import DatabaseUnavailableMiddleware
from tests.pages import LANGUAGES
from tests.test_html_validity import html_errors

pytestmark = pytest.mark.django_db

FORMS = {
    "barrier-feedback": "/{language}/barrierefreiheit/rueckmeldung/",
    "organisation-register": "/{language}/migrantenorganisationen/anmelden/",
    "counselling-request": "/{language}/beratung/anfrage/",
}
COUNSELLING_FORM = "counselling-request"
HELPLINE = 'href="tel:116016"'
QUICK_EXIT = "data-quick-exit"
FAILING = "/{language}/{section}kaputt/{what}/"
SECTIONS = {"site": "", "counselling": "beratung/"}
EXPLANATION = (
    "Ihre Angaben wurden nicht gesendet. Das passiert, wenn das Formular sehr lange geöffnet "
    "war oder wenn Ihr Browser Cookies blockiert."
)


def translated(language, text):
    with translation.override(language):
        return translation.gettext(text)


def assert_design(response, language):
    """The page stands in the portal's frame, in the visitor's language and direction."""
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}"' in html
    assert 'class="site-header"' in html
    assert "/static/dist/kern.min.css" in html
    return html


def assert_counselling_frame(response, html):
    assert HELPLINE in html
    assert QUICK_EXIT in html
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"


def assert_site_frame(response, html):
    assert HELPLINE not in html
    assert QUICK_EXIT not in html
    assert response["Referrer-Policy"] == "same-origin"


def browser_with_form(url):
    """A browser that opened the form, so it holds the CSRF cookie."""
    browser = Client(enforce_csrf_checks=True)
    assert browser.get(url).status_code == 200
    assert "csrftoken" in browser.cookies
    return browser


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("token", [None, "x" * 32])
@pytest.mark.parametrize("name", FORMS)
def test_a_failed_csrf_check_explains_and_leads_back_to_the_form(name, token, language):
    url = FORMS[name].format(language=language)
    browser = browser_with_form(url)
    data = {"csrfmiddlewaretoken": token} if token else {}

    response = browser.post(url, data)

    assert response.status_code == 403
    html = assert_design(response, language)
    assert 'class="site-footer"' in html
    title = translated(language, "Formular bitte neu öffnen")
    assert re.search(rf"<title>{re.escape(title)}[ <]", html)
    assert translated(language, EXPLANATION) in html
    assert f'<a class="kern-btn kern-btn--primary" href="{url}">' in html
    assert translated(language, "Formular neu öffnen") in html
    assert "Verboten" not in html
    assert response.cookies == {}
    if name == COUNSELLING_FORM:
        assert_counselling_frame(response, html)
        assert not CounsellingRequest.objects.exists()
    else:
        assert_site_frame(response, html)


def test_the_way_back_keeps_the_forms_query():
    url = "/de/barrierefreiheit/rueckmeldung/?seite=/de/kontakt/"
    browser = browser_with_form(url)

    html = browser.post(url).content.decode()

    assert 'href="/de/barrierefreiheit/rueckmeldung/?seite=/de/kontakt/"' in html


@pytest.mark.parametrize("name", FORMS)
def test_a_post_without_any_cookie_gets_the_page_and_no_cookie(name):
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(FORMS[name].format(language="de"), {})

    assert response.status_code == 403
    assert "Formular bitte neu öffnen" in response.content.decode()
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers


@pytest.fixture
def failing_client(client, settings, monkeypatch):
    settings.ROOT_URLCONF = "tests.failure_urls"
    client.raise_request_exception = False
    # Each page stands for itself: the database "outage" of one must not answer the next.
    monkeypatch.setattr(DatabaseUnavailableMiddleware, "PAUSE_SECONDS", 0)
    return client


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize(
    ("what", "status", "title"),
    [
        ("verboten", 403, "Kein Zugriff"),
        ("fehler", 500, "Technischer Fehler"),
        ("wartung", 503, "Vorübergehend nicht erreichbar"),
    ],
)
def test_failure_pages_are_in_the_design_and_language(
    failing_client, language, section, what, status, title
):
    response = failing_client.get(
        FAILING.format(language=language, section=SECTIONS[section], what=what)
    )

    assert response.status_code == status
    html = assert_design(response, language)
    assert f'<h1 class="kern-heading-x-large">{translated(language, title)}</h1>' in html
    assert response.cookies == {}
    if section == "counselling":
        assert_counselling_frame(response, html)
    else:
        assert_site_frame(response, html)


def test_the_503_page_says_when_to_try_again(failing_client):
    response = failing_client.get("/de/kaputt/wartung/")

    assert response["Retry-After"] == "10"
    assert "no-store" in response["Cache-Control"]
    assert "in 1 Minute noch einmal" in response.content.decode()


def test_the_500_page_reads_no_database(failing_client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = failing_client.get("/de/beratung/kaputt/fehler/")

    assert response.status_code == 500


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bad_request_gets_the_400_page(client, language, settings):
    settings.ALLOWED_HOSTS = ["testserver"]

    response = client.get(f"/{language}/beratung/", HTTP_HOST="falsch.example")

    assert response.status_code == 400
    html = assert_design(response, language)
    assert translated(language, "Ungültige Anfrage") in html
    assert_counselling_frame(response, html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_in_the_counselling_section_keeps_its_frame(client, language):
    response = client.get(f"/{language}/beratung/gibt-es-nicht/")

    assert response.status_code == 404
    html = assert_design(response, language)
    assert translated(language, "Seite nicht gefunden") in html
    assert_counselling_frame(response, html)


def failure_pages(failing_client, language):
    """Every failure page in both frames, the CSRF failure reached through its forms."""
    pages = {}
    for name, url in FORMS.items():
        url = url.format(language=language)
        pages[f"csrf-{name}"] = browser_with_form(url).post(url, {})
    for section, prefix in SECTIONS.items():
        for what in ["verboten", "fehler", "wartung"]:
            url = FAILING.format(language=language, section=prefix, what=what)
            pages[f"{what}-{section}"] = failing_client.get(url)
        pages[f"bad-request-{section}"] = failing_client.get(
            f"/{language}/{prefix}", HTTP_HOST="falsch.example"
        )
    return pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_failure_pages_have_no_html_errors(failing_client, settings, tmp_path, language):
    settings.ALLOWED_HOSTS = ["testserver"]
    pages = failure_pages(failing_client, language)
    assert {response.status_code for response in pages.values()} == {400, 403, 500, 503}

    errors = html_errors(pages, tmp_path)

    assert not errors, "\n".join(errors)
