import re

import pytest

from centre.models import CentreProfile
from tests.factories import DocumentFactory, FieldOfWorkFactory

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/de/",
    "/en/",
    "/ar/",
    "/de/handlungsfelder/",
    "/de/handlungsfelder/sport/",
    "/ar/handlungsfelder/sport/",
    "/de/impressum/",
    "/de/datenschutz/",
    "/de/barrierefreiheit/",
    "/de/leichte-sprache/",
    "/de/gibt-es-nicht/",
]

# Attributes through which a page makes the browser fetch something.
FETCHING_ATTRIBUTE = re.compile(
    r'<(?:link|script|img|iframe|source|video|audio)\b[^>]*?\s(?:src|href)="([^"]+)"'
)


@pytest.fixture
def content(db):
    CentreProfile.objects.create(name="KI Musterstadt", email="ki@example.org", phone="0208 1")
    field = FieldOfWorkFactory(slug="sport")
    DocumentFactory(field_of_work=field)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_anonymous_visit_sets_no_cookie(client, content, path):
    response = client.get(path)

    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("path", PUBLIC_PAGES[1:])
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
