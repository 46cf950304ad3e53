import pytest

from centre.models import (
    CentreProfile,
    ConsultationHours,
    ContactPerson,
    Location,
    Weekday,
    fold_vcard_line,
)
from languages.models import Language
from tests.factories import FieldOfWorkFactory

pytestmark = pytest.mark.django_db

# Each name in its own language and direction, in the list's order (by German name).
SPOKEN = (
    '<bdi lang="ar" dir="rtl">العربية</bdi>, <bdi lang="de" dir="ltr">Deutsch</bdi>, '
    '<bdi lang="tr" dir="ltr">Türkçe</bdi>'
)


@pytest.fixture
def person():
    CentreProfile.objects.create(
        name="Kommunales Integrationszentrum Musterstadt",
        street="Musterstraße 1",
        postal_code="12345",
        city="Musterstadt",
    )
    location = Location.objects.create(
        name="Kreishaus",
        street="Kurt-Schumacher-Allee 1",
        postal_code="45657",
        city="Recklinghausen",
    )
    person = ContactPerson.objects.create(
        role="Ansprechperson für Migrantenorganisationen",
        unit="Fachdienst 57.3; Kommunales Integrationszentrum, Projekte",
        phone="02361 53 0000",
        email="mo@kreis.example",
        location=location,
    )
    person.languages.set(Language.objects.filter(code__in=["de", "tr", "ar"]))
    for weekday, closes in (
        (Weekday.MONDAY, "14:00"),
        (Weekday.TUESDAY, "14:00"),
        (Weekday.WEDNESDAY, "14:30"),
    ):
        ConsultationHours.objects.create(
            contact_person=person, weekday=weekday, opens="09:00", closes=closes
        )
    return person


def test_contact_page_shows_role_unit_channels_languages_and_consultation_hours(client, person):
    html = client.get("/de/kontakt/").content.decode()

    assert "Ansprechperson für Migrantenorganisationen" in html
    assert "Fachdienst 57.3; Kommunales Integrationszentrum, Projekte" in html
    assert 'href="tel:02361530000"' in html
    assert 'href="mailto:mo@kreis.example"' in html
    assert f"Sprachen: {SPOKEN}" in html
    assert 'Mittwoch <span dir="ltr">09:00–14:30</span>' in html
    assert f'href="/de/kontakt/{person.pk}/vcard/"' in html


@pytest.mark.parametrize("page_language", ["en", "ar"])
def test_languages_are_named_in_themselves_whatever_the_page_language(
    client, person, page_language
):
    html = client.get(f"/{page_language}/kontakt/").content.decode()

    assert SPOKEN in html


def test_field_of_work_shows_its_contact_persons(client, person):
    field = FieldOfWorkFactory(slug="migrantenorganisationen")
    field.contact_persons.add(person)

    html = client.get("/de/handlungsfelder/migrantenorganisationen/").content.decode()

    assert "Ansprechperson für Migrantenorganisationen" in html
    assert 'Montag <span dir="ltr">09:00–14:00</span>' in html


def test_vcard_holds_the_contact_details(client, person):
    response = client.get(f"/de/kontakt/{person.pk}/vcard/")

    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="ansprechperson-fur-migrantenorganisationen.vcf"'
    )
    card = response.content.decode()
    lines = card.split("\r\n")
    assert lines[0] == "BEGIN:VCARD"
    assert lines[-2] == "END:VCARD"
    assert "VERSION:4.0" in lines
    assert "KIND:org" in lines
    assert "FN:Ansprechperson für Migrantenorganisationen" in lines
    unfolded = card.replace("\r\n ", "")
    assert (
        "ORG:Kommunales Integrationszentrum Musterstadt;"
        "Fachdienst 57.3\\; Kommunales Integrationszentrum\\, Projekte" in unfolded
    )
    assert "TEL;TYPE=work;VALUE=uri:tel:02361530000" in lines
    assert "EMAIL;TYPE=work:mo@kreis.example" in lines
    assert "ADR;TYPE=work:;;Kurt-Schumacher-Allee 1;Recklinghausen;;45657;Deutschland" in unfolded
    # The list has no order of preference: by German name, without PREF.
    assert [line for line in lines if line.startswith("LANG")] == ["LANG:ar", "LANG:de", "LANG:tr"]


def test_vcard_lines_are_folded_after_75_octets_without_splitting_characters():
    line = "NOTE:" + "ä" * 100

    folded = fold_vcard_line(line).split("\r\n ")

    assert all(len(part.encode()) <= 75 for part in folded)
    assert "".join(folded) == line


def test_vcard_of_an_unknown_person_is_not_found(client):
    assert client.get("/de/kontakt/999/vcard/").status_code == 404
