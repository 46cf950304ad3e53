import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from centre.models import CentreProfile, Closure, Location, OpeningHours, Weekday
from languages.models import Language
from tests.factories import image

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre():
    centre = CentreProfile.objects.create(
        name="Kommunales Integrationszentrum Musterstadt",
        mission="Wir verbinden Menschen.",
        parent_organization="Stadt Musterstadt",
        street="Musterstraße 1",
        postal_code="12345",
        city="Musterstadt",
        phone="0208 123",
        email="ki@musterstadt.example",
    )
    centre.languages.set(Language.objects.filter(code__in=["de", "en", "tr", "ar"]))
    location = Location.objects.create(
        name="Haus der Vielfalt", street="Musterstraße 1", postal_code="12345", city="Musterstadt"
    )
    OpeningHours.objects.create(
        location=location, weekday=Weekday.MONDAY, opens="07:30", closes="16:15"
    )
    OpeningHours.objects.create(
        location=location, weekday=Weekday.FRIDAY, opens="07:30", closes="13:00"
    )
    Closure.objects.create(location=location, starts_on="2099-12-28", ends_on="2099-12-31")
    Closure.objects.create(location=location, starts_on="2000-12-28", ends_on="2000-12-31")
    return centre


def structured_data(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.mark.parametrize("path", ["/de/", "/de/kontakt/"])
def test_home_and_contact_describe_the_centre_as_government_organization(client, centre, path):
    data = structured_data(client.get(path).content.decode())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Kommunales Integrationszentrum Musterstadt"
    assert data["parentOrganization"] == {
        "@type": "GovernmentOrganization",
        "name": "Stadt Musterstadt",
    }
    assert data["address"]["postalCode"] == "12345"
    # In the list's order, by German name.
    assert data["contactPoint"]["availableLanguage"] == ["ar", "de", "en", "tr"]
    assert data["contactPoint"]["telephone"] == "0208 123"
    hours = data["openingHoursSpecification"]
    assert {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Monday",
        "opens": "07:30",
        "closes": "16:15",
    } in hours
    assert {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Friday",
        "opens": "07:30",
        "closes": "13:00",
    } in hours
    closures = [spec for spec in hours if "validFrom" in spec]
    assert closures == [
        {
            "@type": "OpeningHoursSpecification",
            "opens": "00:00",
            "closes": "00:00",
            "validFrom": "2099-12-28",
            "validThrough": "2099-12-31",
        }
    ]
    assert data["location"][0]["name"] == "Haus der Vielfalt"


def test_logo_fax_and_the_parent_authoritys_site_are_described(client, centre):
    centre.logo = SimpleUploadedFile("logo.png", image("PNG"))
    centre.fax = "0208 124"
    centre.website = "https://www.musterstadt.example/"
    centre.save()

    data = structured_data(client.get("/de/").content.decode())

    assert data["logo"] == "http://testserver/logo"
    assert data["faxNumber"] == data["contactPoint"]["faxNumber"] == "0208 124"
    assert data["parentOrganization"]["url"] == "https://www.musterstadt.example/"


def test_pages_without_a_centre_profile_have_no_structured_data(client):
    assert "application/ld+json" not in client.get("/de/").content.decode()


def test_structured_data_cannot_end_its_script_element(client, centre):
    centre.mission = "</script><script>alert(1)</script>"
    centre.save()

    html = client.get("/de/").content.decode()

    assert "<script>alert(1)" not in html
    assert structured_data(html)["description"] == "</script><script>alert(1)</script>"
