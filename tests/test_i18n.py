import re

import pytest
from django.conf import settings
from django.utils import translation

from portal.context_processors import languages
from tests.factories import FieldOfWorkFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [("en-GB,en;q=0.9", "/en/"), ("ar", "/ar/"), ("de-DE", "/de/"), ("tlh", "/de/"), ("", "/de/")],
)
def test_root_redirects_by_accept_language(client, accept_language, target):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == target


def test_language_is_always_in_the_path(client):
    field = FieldOfWorkFactory(slug="sport")

    assert client.get("/handlungsfelder/sport/")["Location"] == "/de/handlungsfelder/sport/"
    assert client.get(f"/de/handlungsfelder/{field.slug}/").status_code == 200


def test_language_switcher_links_the_same_page_named_in_each_language(client):
    FieldOfWorkFactory(slug="sport")

    html = client.get("/de/handlungsfelder/sport/").content.decode()

    switcher = html[html.index('class="language-switcher"') :]
    assert 'href="/en/handlungsfelder/sport/" hreflang="en" lang="en">English</a>' in switcher
    assert 'href="/ar/handlungsfelder/sport/" hreflang="ar" lang="ar">العربيّة</a>' in switcher
    assert 'lang="de" aria-current="true">Deutsch</a>' in switcher


def test_language_switcher_keeps_the_search_but_the_alternates_name_the_page(client):
    html = client.get("/de/migrantenorganisationen/verzeichnis/?q=Chor+%26+Tanz&page=2").content
    html = html.decode()

    switcher = html[html.index('class="language-switcher"') :]
    assert (
        'href="/ar/migrantenorganisationen/verzeichnis/?q=Chor+%26+Tanz&amp;page=2" hreflang="ar"'
        in switcher
    )
    head = html[: html.index("</head>")]
    assert 'hreflang="ar" href="http://testserver/ar/migrantenorganisationen/verzeichnis/">' in head


def hreflang_alternates(html):
    head = html[: html.index("</head>")]
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head))


@pytest.mark.parametrize("path", ["/de/", "/en/handlungsfelder/", "/de/impressum/"])
def test_a_page_of_interface_text_lists_every_language_and_x_default(client, path):
    html = client.get(path).content.decode()

    page = path.split("/", 2)[2]
    assert hreflang_alternates(html) == {
        **{code: f"http://testserver/{code}/{page}" for code, _name in settings.LANGUAGES},
        "x-default": f"http://testserver/de/{page}",
    }


@pytest.mark.parametrize(("language", "direction"), [("de", "ltr"), ("en", "ltr"), ("ar", "rtl")])
def test_html_element_carries_language_and_direction(client, language, direction):
    html = client.get(f"/{language}/").content.decode()

    assert re.search(rf'<html lang="{language}" dir="{direction}">', html)


def test_user_interface_is_translated(client):
    english = client.get("/en/handlungsfelder/").content.decode()
    arabic = client.get("/ar/handlungsfelder/").content.decode()

    assert "Skip to content" in english
    assert "Fields of work" in english
    assert "Zum Inhalt springen" not in arabic


@pytest.mark.parametrize(
    ("path", "trail"),
    [
        ("/de/", ["Startseite"]),
        ("/de/handlungsfelder/", ["Startseite", "Handlungsfelder"]),
        ("/en/impressum/", ["Home", "Legal notice"]),
        ("/de/gibt-es-nicht/", ["Startseite", "Seite nicht gefunden"]),
    ],
)
def test_every_page_shows_where_the_visitor_is(client, path, trail):
    html = client.get(path).content.decode()

    breadcrumbs = html[html.index('class="breadcrumbs__list"') : html.index("</ol>")]
    assert re.findall(r"<(?:a|span)[^>]*>(?:<bdi>)?([^<]+)", breadcrumbs) == trail
    assert breadcrumbs.count('aria-current="page"') == 1


@pytest.mark.parametrize(("language", "direction"), [("fa", "rtl"), ("ur", "rtl"), ("tr", "ltr")])
def test_page_direction_is_djangos_for_any_interface_language(rf, language, direction):
    # Persian, Urdu or Turkish may become interface languages: no list to keep in step.
    with translation.override(language):
        assert languages(rf.get("/"))["text_direction"] == direction
