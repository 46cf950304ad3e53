import datetime

import pytest
from django.utils import timezone

from centre.models import InformationPage, PageKind
from organisations import demo_content
from organisations.models import District, NetworkMeeting, Organisation, SupportOffer
from tests.centre.test_structured_data import structured_data
from tests.demo import load_demo

pytestmark = pytest.mark.django_db


def test_demo_organisations_are_loaded_once():
    first = load_demo()
    stamps = dict(Organisation.objects.values_list("slug", "last_confirmed_at"))
    second = load_demo()

    assert "support offers: 5 created" in first
    assert "districts: 3 created" in first
    assert "network meetings: 1 created" in first
    assert "organisations: 6 created" in first
    assert "support offers: 0 created, 0 updated, 5 unchanged" in second
    assert "districts: 0 created, 0 updated, 3 unchanged" in second
    assert "network meetings: 0 created, 0 updated, 1 unchanged" in second
    assert "organisations: 0 created, 0 updated, 6 unchanged" in second
    assert dict(Organisation.objects.values_list("slug", "last_confirmed_at")) == stamps
    assert SupportOffer.objects.count() == 5
    assert list(District.objects.values_list("name", flat=True)) == [
        "Alt-Oberhausen",
        "Osterfeld",
        "Sterkrade",
    ]
    assert NetworkMeeting.objects.count() == 1


def test_a_second_run_repairs_an_edited_entry_and_its_languages():
    load_demo()
    organisation = Organisation.objects.get(slug="frauentreff-mosaik-beispiel")
    organisation.description = "Geändert"
    organisation.save()
    organisation.languages.clear()

    output = load_demo()

    organisation = Organisation.objects.get(slug="frauentreff-mosaik-beispiel")
    assert "Deutsch üben" in organisation.description
    assert sorted(organisation.languages.values_list("code", flat=True)) == ["ar", "de", "kmr"]
    assert "organisations: 0 created, 1 updated, 5 unchanged" in output


def test_demo_entries_are_fictional_and_published():
    load_demo()

    for organisation in Organisation.objects.all():
        assert organisation.name.endswith("(Beispiel)")
        assert organisation.contact_email.endswith(".example.org")
        assert organisation.is_public()
        assert organisation.languages.exists()
        assert organisation.activities.exists()
        assert organisation.audiences.exists()
        assert organisation.district is not None
    publishing = Organisation.objects.filter(publish_contact_email=True).count()
    assert 0 < publishing < Organisation.objects.count()


def test_demo_directory_and_a_detail_page_show_the_entries(client):
    load_demo()

    directory = client.get("/de/migrantenorganisationen/verzeichnis/").content.decode()
    detail = client.get(
        "/de/migrantenorganisationen/verzeichnis/kulturbruecke-osterfeld-beispiel/"
    ).content.decode()
    discreet = client.get(
        "/de/migrantenorganisationen/verzeichnis/seniorenkreis-sonnenhof-beispiel/"
    ).content.decode()

    assert "6 Organisationen gefunden" in directory
    assert "kontakt@kulturbruecke.example.org" in detail
    assert structured_data(detail)["email"] == "kontakt@kulturbruecke.example.org"
    assert "kreis@sonnenhof.example.org" not in discreet
    assert "email" not in structured_data(discreet)


def test_demo_landing_shows_the_offers_and_the_coming_example_meeting(client):
    load_demo()

    landing = client.get("/de/migrantenorganisationen/").content.decode()

    assert "Hilfe bei eigenen Veranstaltungen" in landing
    assert "Interkulturelle Öffnung" in landing
    assert "Beispieltermin für die Demo des Portals" in landing
    assert "Die nächsten Qualifizierungsthemen wählen" in landing
    meeting = NetworkMeeting.objects.get()
    assert meeting.starts_at > timezone.now()
    assert "Mülheimer Straße 200" in meeting.place
    english = client.get("/en/migrantenorganisationen/").content.decode()
    assert "Help with your own events" in english
    assert "Choosing the next qualification topics" in english


def test_a_past_demo_meeting_gets_a_coming_successor():
    load_demo()
    NetworkMeeting.objects.update(starts_at=timezone.now() - datetime.timedelta(days=1))

    output = load_demo()

    assert "network meetings: 1 created" in output
    assert NetworkMeeting.objects.upcoming().count() == 1


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 11, 23), datetime.date(2027, 1, 13)),
        (datetime.date(2026, 1, 31), datetime.date(2026, 3, 11)),
        (datetime.date(2026, 10, 1), datetime.date(2026, 12, 9)),
    ],
)
def test_the_demo_meeting_is_on_the_second_wednesday_of_the_month_after_next(today, expected):
    day = demo_content.second_wednesday_after_next_month(today)

    assert day == expected
    assert day.weekday() == 2


def test_demo_privacy_policy_explains_the_directory(client):
    load_demo()

    section = InformationPage.objects.get(kind=PageKind.PRIVACY).sections.get(
        anchor="migrantenorganisationen"
    )
    page = client.get("/de/datenschutz/").content.decode()

    assert 'id="migrantenorganisationen"' in page
    for fact in [
        "Art. 6 Abs. 1 Buchst. e DSGVO",
        "§ 3 DSG NRW",
        "nur, wenn Sie es bei der Anmeldung ausdrücklich erlauben",
        "jederzeit",
        "nach sieben Tagen",
        "Einmal im Jahr",
        "13 Monate",
    ]:
        assert fact in section.body
