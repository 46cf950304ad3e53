"""The public pages of the counselling section: what a woman reads, and what they leave behind."""

import datetime
from html.parser import HTMLParser

import pytest

from centre.models import ConsultationHours, ContactPerson, Weekday
from counselling.models import Counsellor
from languages.models import Language
from tests.demo import load_demo

pytestmark = pytest.mark.django_db

SECTION_PAGES = {
    "information": "/{language}/beratung/",
    "form": "/{language}/beratung/anfrage/",
    "sent": "/{language}/beratung/anfrage/gesendet/",
}


class QuickExitLinks(HTMLParser):
    """The attributes of every link marked as the quick exit."""

    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and "data-quick-exit" in attributes:
            self.links.append(attributes)


# Each name in its own language and direction, in the list's order (by German name).
SPOKEN = (
    '<bdi lang="ar" dir="rtl">العربية</bdi>, <bdi lang="de" dir="ltr">Deutsch</bdi>, '
    '<bdi lang="tr" dir="ltr">Türkçe</bdi>'
)


def quick_exit_links(page: str) -> list[dict]:
    parser = QuickExitLinks()
    parser.feed(page)
    return parser.links


def make_counsellor(role="Ansprechpartnerin für Mädchen und Frauen", languages=("de", "tr", "ar")):
    person = ContactPerson.objects.create(
        role=role, phone="0208 8255555", email="beratung@stadt.example"
    )
    person.languages.set(Language.objects.filter(code__in=languages))
    ConsultationHours.objects.create(
        contact_person=person,
        weekday=Weekday.TUESDAY,
        opens=datetime.time(9),
        closes=datetime.time(12),
    )
    ConsultationHours.objects.create(
        contact_person=person,
        weekday=Weekday.THURSDAY,
        opens=datetime.time(14),
        closes=datetime.time(17, 30),
    )
    return Counsellor.objects.create(contact_person=person)


@pytest.mark.parametrize("language", ["de", "en", "ar"])
@pytest.mark.parametrize("page", SECTION_PAGES)
def test_every_page_of_the_section_is_kept_out_of_caches_and_referrers(client, page, language):
    response = client.get(SECTION_PAGES[page].format(language=language))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("language", ["de", "en", "ar"])
@pytest.mark.parametrize("page", SECTION_PAGES)
def test_every_page_of_the_section_has_the_quick_exit_and_the_helpline(
    client, settings, page, language
):
    settings.QUICK_EXIT_URL = "https://neutral.example/wetter/"

    html = client.get(SECTION_PAGES[page].format(language=language)).content.decode()

    (link,) = quick_exit_links(html)
    assert link["href"] == "https://neutral.example/wetter/"
    assert "noreferrer" in link["rel"].split()
    assert 'href="tel:116016"' in html
    assert "116 016" in html


def test_the_section_loads_the_script_for_the_escape_key(client):
    html = client.get("/de/beratung/").content.decode()

    assert 'src="/static/js/quick-exit.js"' in html


def test_pages_outside_the_section_have_no_quick_exit(client):
    html = client.get("/de/kontakt/").content.decode()

    assert quick_exit_links(html) == []


@pytest.mark.parametrize("page", ["information", "sent"])
def test_the_information_and_sent_pages_set_no_cookie(client, page):
    response = client.get(SECTION_PAGES[page].format(language="de"))

    assert response.cookies == {}


def test_the_form_page_sets_only_the_csrf_cookie(client):
    response = client.get("/de/beratung/anfrage/")

    assert set(response.cookies) == {"csrftoken"}


def test_the_information_page_shows_the_counsellor_with_languages_and_consultation_hours(
    client,
):
    make_counsellor()
    ContactPerson.objects.create(role="Ansprechperson für Migrantenorganisationen")

    html = client.get("/de/beratung/").content.decode()

    assert "Ansprechpartnerin für Mädchen und Frauen" in html
    assert f"Sprachen: {SPOKEN}" in html
    assert 'Dienstag <span dir="ltr">09:00–12:00</span>' in html
    assert 'Donnerstag <span dir="ltr">14:00–17:30</span>' in html
    assert 'href="tel:02088255555"' in html
    # Only counsellors, not every contact person of the centre.
    assert "Ansprechperson für Migrantenorganisationen" not in html


def test_the_information_page_in_english_names_each_language_in_itself(client):
    make_counsellor()

    html = client.get("/en/beratung/").content.decode()

    assert f"Languages: {SPOKEN}" in html


def test_the_information_page_says_the_counselling_is_free_and_confidential(client):
    html = client.get("/de/beratung/").content.decode()

    assert "kostenlos und vertraulich" in html
    assert 'href="/de/beratung/anfrage/"' in html


@pytest.mark.parametrize("counsellors", [1, 3])
def test_the_information_page_asks_the_same_number_of_queries_for_more_counsellors(
    client, django_assert_num_queries, counsellors
):
    for number in range(counsellors):
        make_counsellor(role=f"Beraterin {number}")
    client.get("/de/beratung/")  # fills the caches of the footer and the centre

    # counsellors with their contact persons, their translations, their languages,
    # their consultation hours; the locations (none here)
    with django_assert_num_queries(5):
        html = client.get("/de/beratung/").content.decode()

    assert html.count("Dienstag <span") == counsellors
    assert html.count(f"Sprachen: {SPOKEN}") == counsellors


def test_the_form_page_shows_the_choices_and_the_privacy_notice(client):
    response = client.get("/de/beratung/anfrage/")

    html = response.content.decode()
    assert "Worum geht es?" in html
    for topic in ["Begleitung zu einer Behörde", "Gewalt und Schutz", "Etwas anderes"]:
        assert topic in html
    for channel in ["Anruf", "SMS", "E-Mail", "Ich komme vorbei"]:
        assert channel in html
    assert 'class="portal-honeypot"' in html
    assert "/de/datenschutz/#beratung" in html
    # Never asked: nationality, residence status, religion, an upload.
    assert 'type="file"' not in html
    for field in ["nationality", "residence_status", "religion"]:
        assert f'name="{field}"' not in html


def test_the_form_in_arabic_preselects_arabic_as_the_language_to_speak(client):
    html = client.get("/ar/beratung/anfrage/").content.decode()

    assert '<option value="ar" dir="rtl" lang="ar" selected>' in html


def test_the_sent_page_says_when_she_can_expect_contact(client, settings):
    settings.COUNSELLING_ANSWER_DAYS = 3

    html = client.get("/de/beratung/anfrage/gesendet/").content.decode()

    assert "innerhalb von 3 Werktagen" in html
    assert "Eine E-Mail von uns bekommen Sie nur, wenn Sie darum gebeten haben." in html


def test_the_demo_content_has_one_counsellor_and_a_second_run_changes_nothing():
    first = load_demo()
    counsellor = Counsellor.objects.get()
    hours = list(counsellor.contact_person.consultation_hours.values_list("pk", flat=True))

    second = load_demo()

    assert "counsellors: 1 created" in first
    assert "counsellors: 0 created, 0 updated, 1 unchanged" in second
    assert list(Counsellor.objects.values_list("pk", flat=True)) == [counsellor.pk]
    assert hours
    assert list(counsellor.contact_person.consultation_hours.values_list("pk", flat=True)) == hours
    assert counsellor.contact_person.name == ""
    assert sorted(counsellor.contact_person.languages.values_list("code", flat=True)) == [
        "de",
        "en",
    ]
