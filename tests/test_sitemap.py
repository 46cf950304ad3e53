import datetime
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from centre.models import PageKind
from organisations.models import Status
from tests.factories import (
    EventFactory,
    FieldOfWorkFactory,
    InformationPageFactory,
    NetworkFactory,
    NewsItemFactory,
    OrganisationFactory,
    TargetGroupFactory,
)
from tests.pages import NOT_IN_SITEMAP, PUBLIC_PAGES

pytestmark = pytest.mark.django_db

ONE_DAY = datetime.timedelta(days=1)
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


# The pages of one object each; every one has its German text only, but for the field of
# work, which is translated into Turkish and Arabic.
CONTENT_PAGES = {"field", "target-group", "news-item", "event", "network"}
ALL_LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def sitemap(client):
    field = FieldOfWorkFactory(slug="integration-durch-sport")
    for language, title in [("tr", "Spor yoluyla uyum"), ("ar", "الاندماج من خلال الرياضة")]:
        field.set_current_language(language)
        field.title = title
        field.summary = title
        field.save()
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


def url(path, language):
    return "http://testserver" + path.format(language=language)


def test_sitemap_lists_interface_pages_in_every_language_content_where_it_is_written(sitemap):
    locations = {url.find("s:loc", NS).text for url in sitemap.findall("s:url", NS)}

    listed = {name for name in PUBLIC_PAGES if name not in NOT_IN_SITEMAP}
    languages = {name: ALL_LANGUAGES if name not in CONTENT_PAGES else ["de"] for name in listed}
    languages["field"] = ["de", "tr", "ar"]
    expected = {url(PUBLIC_PAGES[name], code) for name in listed for code in languages[name]}
    assert expected <= locations
    assert url(PUBLIC_PAGES["field"], "en") not in locations
    assert url(PUBLIC_PAGES["news-item"], "ar") not in locations
    assert not any("entwurf" in location for location in locations)
    assert len(locations) == len(expected)


def test_every_sitemap_entry_names_its_languages_and_the_german_page_as_x_default(sitemap):
    for entry in sitemap.findall("s:url", NS):
        links = entry.findall("x:link", NS)
        alternates = {link.get("hreflang"): link.get("href") for link in links}
        location = entry.find("s:loc", NS).text
        german = alternates["x-default"]
        assert german == alternates["de"]
        assert german.startswith("http://testserver/de/")
        assert location in alternates.values()
        if "integration-durch-sport" in location:
            assert set(alternates) == {"de", "tr", "ar", "x-default"}
        elif "frauentag" in location or "ruhr" in location or "neuzugewanderte" in location:
            assert set(alternates) == {"de", "x-default"}
        else:
            assert set(alternates) == {*ALL_LANGUAGES, "x-default"}


def test_an_information_page_is_listed_in_the_languages_it_is_written_in(client):
    InformationPageFactory(kind=PageKind.EASY_LANGUAGE, intro="<p>Hier lesen Sie.</p>")

    root = ET.fromstring(client.get("/sitemap.xml").content)

    locations = {entry.find("s:loc", NS).text for entry in root.findall("s:url", NS)}
    assert url(PUBLIC_PAGES["easy-language"], "de") in locations
    assert url(PUBLIC_PAGES["easy-language"], "ar") not in locations
    assert url(PUBLIC_PAGES["imprint"], "ar") in locations


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert response.cookies == {}
