"""What every answer carries: the security headers, a CSRF cookie that ends with the
browser session, and language links that stay on the site, also on a 404 page."""

import re

import pytest
from django.conf import settings

from tests.factories import FieldOfWorkFactory

pytestmark = pytest.mark.django_db

COUNSELLING_FORM = "/de/beratung/anfrage/"


LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def language_links(page: str) -> list[str]:
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', page, re.DOTALL).group(0)
    return re.findall(r'href="([^"]*)"', switcher)


@pytest.mark.parametrize("path", ["/de/", COUNSELLING_FORM, "/de/gibt-es-nicht/"])
def test_pages_forbid_base_elements_and_embedding_by_other_sites(client, path):
    response = client.get(path)

    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )
    assert policy["base-uri"] == "'none'"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_files_and_the_admin_carry_the_resource_policy_too(client, admin_client):
    assert client.get("/robots.txt")["Cross-Origin-Resource-Policy"] == "same-origin"
    admin = admin_client.get("/admin/")
    assert admin["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "base-uri 'none'" in admin["Content-Security-Policy"]


def test_the_csrf_cookie_of_the_counselling_form_ends_with_the_browser_session(client):
    response = client.get(COUNSELLING_FORM)

    cookie = response.cookies["csrftoken"]
    assert cookie.value
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


@pytest.mark.parametrize("path", ["//evil.example/", "/\\evil.example", "//evil.example/de/"])
def test_the_404_page_links_to_the_languages_home_pages_only(client, path):
    response = client.get("/", PATH_INFO=path)

    assert response.status_code == 404
    page = response.content.decode()
    assert language_links(page) == [f"/{code}/" for code in LANGUAGE_CODES]
    assert not re.search(r'href="(//|/\\|[a-z]+:)[^"]*evil', page)


def test_a_page_that_was_not_found_links_to_the_same_address_in_other_languages(client):
    response = client.get("/de/handlungsfelder/gibt-es-nicht/")

    assert response.status_code == 404
    assert language_links(response.content.decode()) == [
        f"/{code}/handlungsfelder/gibt-es-nicht/" for code in LANGUAGE_CODES
    ]


def test_a_page_links_to_itself_in_the_other_languages(client):
    field = FieldOfWorkFactory(slug="sport")

    response = client.get(f"/en{field.get_absolute_url()[3:]}")

    # Every language, also where the field is not translated: the interface is.
    assert language_links(response.content.decode()) == [
        f"/{code}/handlungsfelder/sport/" for code in LANGUAGE_CODES
    ]
