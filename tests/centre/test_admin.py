import pytest

from centre.models import CentreProfile, Closure, ContactPerson, Location, OpeningHours

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/centre/location/add/"


def location_form(hours=(), closures=()):
    data = {
        "name": "Renate-Weckwerth-Haus",
        "directions": "",
        "access": "Stufenloser Eingang",
        "street": "Mülheimer Straße 200",
        "postal_code": "46045",
        "city": "Oberhausen",
        "order": "0",
        "hours-TOTAL_FORMS": str(len(hours)),
        "hours-INITIAL_FORMS": "0",
        "closures-TOTAL_FORMS": str(len(closures)),
        "closures-INITIAL_FORMS": "0",
    }
    for index, (weekday, opens, closes) in enumerate(hours):
        data |= {
            f"hours-{index}-weekday": weekday,
            f"hours-{index}-opens": opens,
            f"hours-{index}-closes": closes,
        }
    for index, (starts_on, ends_on) in enumerate(closures):
        data |= {
            f"closures-{index}-starts_on": starts_on,
            f"closures-{index}-ends_on": ends_on,
            f"closures-{index}-reason": "Jahreswechsel",
        }
    return data


def test_staff_enter_a_location_with_hours_and_a_closure(admin_client):
    data = location_form(
        hours=[("0", "07:30", "16:15"), ("2", "09:00", "12:00"), ("2", "13:00", "14:30")],
        closures=[("2026-12-28", "2026-12-31")],
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302
    location = Location.objects.get()
    assert location.hours.count() == 3
    assert location.closures.get().reason == "Jahreswechsel"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            location_form(hours=[("0", "16:15", "07:30")]),
            "Die Endzeit muss nach der Anfangszeit liegen.",
        ),
        (
            location_form(hours=[("2", "09:00", "12:00"), ("2", "11:30", "14:30")]),
            "Zwei Zeiten überschneiden sich. Betroffener Tag: Mittwoch.",
        ),
        (
            location_form(closures=[("2026-12-31", "2026-12-28")]),
            "Das Ende darf nicht vor dem Beginn liegen.",
        ),
    ],
    ids=["closing before opening", "overlapping ranges", "closure ends before it starts"],
)
def test_impossible_times_are_refused_with_a_clear_message(admin_client, data, message):
    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Location.objects.exists()
    assert not OpeningHours.objects.exists()
    assert not Closure.objects.exists()


def test_outsider_is_refused(outsider_client):
    assert outsider_client.get("/admin/centre/location/").status_code == 403
    assert outsider_client.post(ADD_URL, location_form()).status_code == 403
    assert not Location.objects.exists()


def contact_person_form(hours=()):
    data = {
        "role": "Ansprechperson für Seniorenarbeit",
        "unit": "Kommunales Integrationszentrum",
        "name": "",
        "phone": "02361 53 0000",
        "email": "senioren@kreis.example",
        "languages": ["de", "tr"],
        "location": "",
        "order": "0",
        "consultation_hours-TOTAL_FORMS": str(len(hours)),
        "consultation_hours-INITIAL_FORMS": "0",
    }
    for index, (weekday, opens, closes) in enumerate(hours):
        data |= {
            f"consultation_hours-{index}-weekday": weekday,
            f"consultation_hours-{index}-opens": opens,
            f"consultation_hours-{index}-closes": closes,
        }
    return data


def test_staff_enter_a_contact_person_with_consultation_hours(admin_client):
    data = contact_person_form(hours=[("0", "09:00", "14:00"), ("2", "09:00", "14:30")])

    response = admin_client.post("/admin/centre/contactperson/add/", data)

    assert response.status_code == 302
    person = ContactPerson.objects.get()
    assert {language.code for language in person.languages.all()} == {"de", "tr"}
    assert person.consultation_hours.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            contact_person_form(hours=[("1", "09:00", "12:00"), ("1", "10:00", "14:00")]),
            "Betroffener Tag: Dienstag",
        ),
        (
            {**contact_person_form(), "languages": ["Deutsch"]},
            "Deutsch ist keine gültige Auswahl.",
        ),
    ],
)
def test_contact_person_with_wrong_entries_is_refused(admin_client, data, message):
    response = admin_client.post("/admin/centre/contactperson/add/", data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ContactPerson.objects.exists()


def test_outsider_cannot_see_contact_persons_in_the_admin(outsider_client):
    assert outsider_client.get("/admin/centre/contactperson/").status_code == 403


def test_staff_choose_a_contact_persons_languages_from_the_list(admin_client):
    page = admin_client.get("/admin/centre/contactperson/add/").content.decode()
    found = admin_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "centre",
            "model_name": "contactperson",
            "field_name": "languages",
            "term": "kurd",
        },
    )

    assert 'class="admin-autocomplete"' in page
    assert 'name="languages"' in page
    assert found.status_code == 200
    assert sorted(result["id"] for result in found.json()["results"]) == ["ckb", "kmr"]


def test_the_languages_of_the_centre_reach_its_cached_profile(admin_client):
    centre = CentreProfile.objects.create(name="Kommunales Integrationszentrum Oberhausen")
    CentreProfile.load()  # a page has cached the profile before staff change it
    data = {
        "name": "Kommunales Integrationszentrum Oberhausen",
        "mission": "",
        "languages": ["de", "ar"],
        "body_kind": "",
        "parent_organization": "",
        "legal_representative": "",
        "building": "",
        "street": "",
        "postal_code": "",
        "city": "",
        "phone": "",
        "fax": "",
        "email": "",
        "website": "",
        "editorial_responsible": "",
        "data_protection_officer": "",
    }

    response = admin_client.post(f"/admin/centre/centreprofile/{centre.pk}/change/", data)

    assert response.status_code == 302
    languages = CentreProfile.load().languages.all()
    assert [language.code for language in languages] == ["ar", "de"]
