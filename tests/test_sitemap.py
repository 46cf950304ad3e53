import datetime
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from organisations.models import Status
from tests.factories import (
    EventFactory,
    FieldOfWorkFactory,
    NetworkFactory,
    NewsItemFactory,
    OrganisationFactory,
    TargetGroupFactory,
)
from tests.pages import LANGUAGES, NOT_IN_SITEMAP, PUBLIC_PAGES

pytestmark = pytest.mark.django_db

ONE_DAY = datetime.timedelta(days=1)
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def sitemap(client):
    FieldOfWorkFactory(slug="integration-durch-sport")
    FieldOfWorkFactory(slug="entwurf", is_published=False)
    TargetGroupFactory(slug="neuzugewanderte")
    NewsItemFactory(slug="frauentag-2024")
    NewsItemFactory(slug="entwurf-meldung", is_published=False)
    NewsItemFactory(slug="entwurf-von-morgen", published_on=datetime.date.today() + ONE_DAY)
    EventFactory(slug="internationaler-frauentag")
    EventFactory(slug="entwurf-termin", is_published=False)
    OrganisationFactory(slug="kulturbruecke-osterfeld")
    OrganisationFactory(slug="entwurf-verein", status=Status.PENDING)
    NetworkFactory(slug="staedtekooperation-ruhr")
    NetworkFactory(slug="entwurf-netzwerk", is_published=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return ET.fromstring(response.content)


def test_sitemap_lists_every_public_page_in_every_language(sitemap):
    locations = {url.find("s:loc", NS).text for url in sitemap.findall("s:url", NS)}

    expected = {
        "http://testserver" + path.format(language=language)
        for language in [*LANGUAGES, "en"]
        for name, path in PUBLIC_PAGES.items()
        if name not in NOT_IN_SITEMAP
    }
    assert expected <= locations
    assert not any("entwurf" in location for location in locations)


def test_every_sitemap_entry_names_its_language_alternates(sitemap):
    for url in sitemap.findall("s:url", NS):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        assert set(alternates) == {code for code, _name in settings.LANGUAGES}
        assert url.find("s:loc", NS).text in alternates.values()


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert response.cookies == {}
