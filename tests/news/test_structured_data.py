import datetime

import pytest

from centre.models import Location
from tests.centre.test_structured_data import structured_data
from tests.factories import EventFactory, NewsItemFactory

pytestmark = pytest.mark.django_db

STARTS_AT = datetime.datetime(2099, 3, 8, 9, 0, tzinfo=datetime.UTC)


def test_news_detail_describes_a_news_article(client):
    item = NewsItemFactory(
        title="Rund 120 Frauen feiern den Frauentag",
        teaser="Ein Fest im Zentrum Altenberg.",
        slug="frauentag-2024",
        published_on=datetime.date(2024, 3, 14),
    )

    data = structured_data(client.get("/de/aktuelles/frauentag-2024/").content.decode())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Rund 120 Frauen feiern den Frauentag"
    assert data["description"] == "Ein Fest im Zentrum Altenberg."
    assert data["datePublished"] == "2024-03-14"
    assert data["inLanguage"] == "de"
    assert data["url"] == f"http://testserver/de/aktuelles/{item.slug}/"


def test_news_article_names_the_language_the_visitor_reads(client):
    item = NewsItemFactory(slug="frauentag-2024")
    item.set_current_language("en")
    item.title = "Women's Day"
    item.teaser = "A celebration."
    item.save()

    english = structured_data(client.get("/en/aktuelles/frauentag-2024/").content.decode())
    arabic = structured_data(client.get("/ar/aktuelles/frauentag-2024/").content.decode())

    assert (english["headline"], english["inLanguage"]) == ("Women's Day", "en")
    assert arabic["inLanguage"] == "de"  # no Arabic text yet: the German one is shown


def test_event_detail_describes_an_offline_event_at_a_place_with_an_address(client):
    location = Location.objects.create(
        name="Haus der Vielfalt", street="Musterstraße 1", postal_code="12345", city="Musterstadt"
    )
    EventFactory(
        title="Internationaler Frauentag",
        slug="frauentag",
        venue="Haus der Vielfalt, Saal 1",
        location=location,
        starts_at=STARTS_AT,
        ends_at=STARTS_AT + datetime.timedelta(hours=4),
    )

    data = structured_data(client.get("/de/veranstaltungen/frauentag/").content.decode())

    assert data == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Internationaler Frauentag",
        "startDate": "2099-03-08T10:00:00+01:00",
        "endDate": "2099-03-08T14:00:00+01:00",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": "Haus der Vielfalt, Saal 1",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "Musterstraße 1",
                "postalCode": "12345",
                "addressLocality": "Musterstadt",
                "addressCountry": "DE",
            },
        },
        "inLanguage": "de",
        "url": "http://testserver/de/veranstaltungen/frauentag/",
    }


def test_event_elsewhere_without_an_end_names_only_its_venue(client):
    EventFactory(slug="frauentag", venue="Zentrum Altenberg", starts_at=STARTS_AT)

    data = structured_data(client.get("/de/veranstaltungen/frauentag/").content.decode())

    assert data["location"] == {"@type": "Place", "name": "Zentrum Altenberg"}
    assert "endDate" not in data


def test_event_title_cannot_end_the_script_element(client):
    EventFactory(slug="frauentag", title="</script><script>alert(1)</script>")

    html = client.get("/de/veranstaltungen/frauentag/").content.decode()

    assert "<script>alert(1)" not in html
    assert structured_data(html)["name"] == "</script><script>alert(1)</script>"
