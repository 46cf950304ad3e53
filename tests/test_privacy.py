import re

import pytest

from tests.pages import LANGUAGES, PAGES_WITH_A_FORM, PUBLIC_PAGES, create_public_content

pytestmark = pytest.mark.django_db

VISITED = ["/"] + [
    path.format(language=language) for language in LANGUAGES for path in PUBLIC_PAGES.values()
]
WITH_A_FORM = [
    PUBLIC_PAGES[name].format(language=language)
    for language in LANGUAGES
    for name in sorted(PAGES_WITH_A_FORM)
]

# Attributes through which a page makes the browser fetch something.
FETCHING_ATTRIBUTE = re.compile(
    r'<(?:link|script|img|iframe|source|video|audio)\b[^>]*?\s(?:src|href)="([^"]+)"'
)


@pytest.fixture
def content(db):
    return create_public_content()


@pytest.mark.parametrize("path", [path for path in VISITED if path not in WITH_A_FORM])
def test_anonymous_visit_sets_no_cookie(client, content, path):
    response = client.get(path)

    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("path", WITH_A_FORM)
def test_a_page_with_a_form_sets_only_the_csrf_cookie_out_of_reach_of_scripts(
    client, content, path
):
    response = client.get(path)

    assert list(response.cookies) == ["csrftoken"]
    cookie = response.cookies["csrftoken"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


@pytest.mark.parametrize("path", VISITED[1:])
def test_pages_fetch_nothing_from_other_hosts(client, content, path):
    html = client.get(path).content.decode()

    fetched = FETCHING_ATTRIBUTE.findall(html)
    assert fetched, "expected at least the stylesheets"
    foreign = [
        url
        for url in fetched
        if url.startswith(("//", "http:", "https:")) and "testserver" not in url
    ]
    assert foreign == []


def test_pages_send_a_strict_content_security_policy(client, content):
    policy = client.get("/de/")["Content-Security-Policy"]

    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy


def test_document_download_sets_no_cookie(client, content):
    document = content.documents.get()

    response = client.get(document.get_absolute_url())

    assert response.status_code == 200
    assert response.cookies == {}
