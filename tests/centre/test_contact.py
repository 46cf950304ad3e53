import datetime

import pytest
from django.utils import timezone

from centre.models import (
    Closure,
    ConsultationHours,
    ContactPerson,
    Location,
    OpeningHours,
    Weekday,
)
from languages.models import Language

pytestmark = pytest.mark.django_db


@pytest.fixture
def location():
    location = Location.objects.create(
        name="Renate-Weckwerth-Haus",
        street="Mülheimer Straße 200",
        postal_code="46045",
        city="Oberhausen",
        directions="Straßenbahn 112 bis Haltestelle Landwehr.",
        access="Stufenloser Eingang über den Hof.",
    )
    OpeningHours.objects.create(
        location=location, weekday=Weekday.MONDAY, opens="07:30", closes="16:15"
    )
    OpeningHours.objects.create(
        location=location, weekday=Weekday.WEDNESDAY, opens="09:00", closes="12:00"
    )
    OpeningHours.objects.create(
        location=location, weekday=Weekday.WEDNESDAY, opens="13:00", closes="14:30"
    )
    return location


def test_contact_page_shows_address_way_there_access_and_weekly_hours(client, location):
    html = client.get("/de/kontakt/").content.decode()

    assert "<bdi>46045 Oberhausen</bdi>" in html
    assert "Straßenbahn 112 bis Haltestelle Landwehr." in html
    assert "Stufenloser Eingang über den Hof." in html
    assert '<th class="kern-table__header" scope="row">Montag</th>' in html
    assert '<span dir="ltr">09:00–12:00</span>, <span dir="ltr">13:00–14:30</span>' in html
    assert html.count(">geschlossen</td>") == 5
    assert "Weitere Termine nach Vereinbarung." in html


def test_only_coming_closures_are_listed(client, location):
    today = timezone.localdate()
    Closure.objects.create(
        location=location,
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today - datetime.timedelta(days=8),
        reason="Vorbei",
    )
    Closure.objects.create(
        location=location,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=2),
        reason="Zwischen den Jahren",
    )

    html = client.get("/de/kontakt/").content.decode()

    assert "Zwischen den Jahren" in html
    assert "Vorbei" not in html


def test_contact_page_is_in_the_main_navigation(client, location):
    html = client.get("/en/kontakt/").content.decode()

    assert 'href="/en/kontakt/" aria-current="page">Contact</a>' in html
    assert "Contact and opening hours" in html


def test_contact_page_query_count_does_not_grow_with_locations(
    client, location, django_assert_num_queries
):
    for number in range(10):
        other = Location.objects.create(
            name=f"Außenstelle {number}", street="A", postal_code="1", city="X"
        )
        OpeningHours.objects.create(
            location=other, weekday=Weekday.FRIDAY, opens="08:00", closes="12:00"
        )
        Closure.objects.create(
            location=other,
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate(),
            reason="Fortbildung",
        )
        person = ContactPerson.objects.create(role=f"Ansprechperson {number}")
        ConsultationHours.objects.create(
            contact_person=person, weekday=Weekday.MONDAY, opens="09:00", closes="14:00"
        )
        person.languages.set(Language.objects.filter(code__in=["de", "ar"]))
    client.get("/de/kontakt/")

    # locations, their translations, hours, closures, their translations,
    # contact persons, their translations, their consultation hours, their languages
    with django_assert_num_queries(9):
        response = client.get("/de/kontakt/")

    assert response.content.decode().count("Fortbildung") == 10
