"""The admin's start page shows each person what their role has to do, with counts and links."""

import datetime
import html
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.groups import COUNSELLING_GROUP
from counselling.models import Status as RequestStatus
from news.models import Event
from organisations.models import Status
from portal.models import MailStatus
from tests.factories import (
    AccessibilityStatementFactory,
    BarrierFeedbackFactory,
    CounsellingRequestFactory,
    EventFactory,
    FieldOfWorkFactory,
    OrganisationFactory,
    OutgoingMailFactory,
)
from tests.staff import sign_in
from tests.test_html_validity import html_errors

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/"
# A Monday morning in the centre's time zone; every test of this module runs at it.
NOW = datetime.datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
TODAY = NOW.date()
DAY = datetime.timedelta(days=1)
SECOND = datetime.timedelta(seconds=1)

ALL_TILES = {
    "review_queue",
    "leaving_directory",
    "counselling_requests",
    "barrier_feedback",
    "failed_mails",
    "upcoming_events",
    "translations",
    "accessibility_statement",
}
# Each person (a fixture of tests/conftest.py) and the tiles their role owns.
OWNED = {
    "editor": {"barrier_feedback", "upcoming_events", "translations", "accessibility_statement"},
    # The lists of the directory (activities, support offers, meetings) are translated too.
    "mso_team": {"review_queue", "leaving_directory", "translations"},
    "counsellor": {"counselling_requests"},
    "data_protection_officer": set(),
    # The centre's profile is translated: its translations are the administration's.
    "administrator": {"translations"},
    # Everything but the sealed inbox, which only the counselling team reads.
    "admin_user": ALL_TILES - {"counselling_requests"},
}


@pytest.fixture(autouse=True)
def _frozen(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)


class Tiles(HTMLParser):
    """The tiles of the page: per tile key, its lines as (text, link or None)."""

    def __init__(self, page: str):
        super().__init__()
        self.tiles = {}
        self._tile = None
        self._link = None
        self._text = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "section" and attributes.get("id", "").startswith("tile-"):
            self._tile = self.tiles.setdefault(attributes["id"].removeprefix("tile-"), [])
        elif self._tile is not None and tag in {"li", "p"}:
            self._text, self._link = "", None
        elif self._tile is not None and tag == "a":
            self._link = attributes["href"]

    def handle_data(self, data):
        if self._text is not None:
            self._text += data

    def handle_endtag(self, tag):
        if self._tile is not None and tag in {"li", "p"} and self._text is not None:
            self._tile.append((" ".join(self._text.split()), self._link))
            self._text = None
        elif tag == "section":
            self._tile = None


def dashboard(client) -> dict[str, list[tuple[str, str | None]]]:
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return Tiles(response.content.decode()).tiles


def texts(tile) -> list[str]:
    return [text for text, _link in tile]


def signed_in(client, request, person: str):
    return sign_in(client, request.getfixturevalue(person))


def create_work(now: datetime.datetime) -> None:
    """Something to do in every area, one of it overdue."""
    today = timezone.localdate(now)
    OrganisationFactory(pending=True, confirmed_at=now - 20 * DAY)
    OrganisationFactory(pending=True, confirmed_at=now - DAY)
    OrganisationFactory(last_confirmed_at=now - 370 * DAY)
    CounsellingRequestFactory.create_batch(3)
    CounsellingRequestFactory(status=RequestStatus.IN_PROGRESS)
    BarrierFeedbackFactory(due_on=today - DAY)
    BarrierFeedbackFactory(due_on=today + DAY)
    OutgoingMailFactory()
    EventFactory(starts_at=now + 5 * DAY)
    AccessibilityStatementFactory(prepared_on=today - 400 * DAY, last_reviewed=today - 400 * DAY)


@pytest.fixture
def work():
    create_work(NOW)


@pytest.mark.parametrize("person", OWNED)
def test_each_person_sees_the_tiles_of_their_role_and_no_others(client, request, work, person):
    tiles = dashboard(signed_in(client, request, person))

    assert set(tiles) == OWNED[person]


@pytest.mark.parametrize("person", OWNED)
def test_the_new_counselling_requests_are_counted_for_the_team_only(client, request, work, person):
    page = signed_in(client, request, person).get(DASHBOARD).content.decode()

    shown = "3 neue Beratungsanfragen warten auf Antwort." in page
    assert shown == (person == "counsellor")


def test_a_superuser_in_the_counselling_team_sees_the_count(client, admin_user, work):
    admin_user.groups.add(Group.objects.get(name=COUNSELLING_GROUP))

    tiles = dashboard(sign_in(client, admin_user))

    assert set(tiles) == ALL_TILES
    assert texts(tiles["counselling_requests"]) == ["3 neue Beratungsanfragen warten auf Antwort."]


def test_the_counselling_tile_names_nothing_of_a_request(client, counsellor):
    request = CounsellingRequestFactory(name="Leyla Beispiel")

    page = sign_in(client, counsellor).get(DASHBOARD).content.decode()

    assert "1 neue Beratungsanfrage wartet auf Antwort." in page
    assert "Leyla" not in page
    assert request.reference not in page


def test_registrations_waiting_longer_than_the_review_period_are_overdue(mso_client):
    OrganisationFactory(pending=True, confirmed_at=NOW - 14 * DAY - SECOND)
    OrganisationFactory(pending=True, confirmed_at=NOW - 14 * DAY)
    entry = OrganisationFactory()
    OrganisationFactory(pending=True, revision_of=entry, confirmed_at=NOW - 30 * DAY)
    OrganisationFactory(status=Status.UNCONFIRMED, confirmed_at=None, last_confirmed_at=None)

    tiles = dashboard(mso_client)

    assert texts(tiles["review_queue"]) == [
        "3 Anmeldungen und Änderungswünsche warten auf Prüfung.",
        "2 davon warten schon zu lange. Die Prüfung soll nicht länger als 14 Tage dauern.",
    ]


def test_the_review_period_is_a_setting(mso_client, settings):
    settings.ORGANISATION_REVIEW_DAYS = 3
    OrganisationFactory(pending=True, confirmed_at=NOW - 4 * DAY)

    tiles = dashboard(mso_client)

    assert texts(tiles["review_queue"]) == [
        "1 Anmeldung oder Änderungswunsch wartet auf Prüfung.",
        "1 davon wartet schon zu lange. Die Prüfung soll nicht länger als 3 Tage dauern.",
    ]


def test_entries_not_confirmed_for_a_year_are_about_to_leave_the_directory(mso_client):
    OrganisationFactory(last_confirmed_at=NOW - 365 * DAY - SECOND)
    OrganisationFactory(last_confirmed_at=NOW - 394 * DAY)
    OrganisationFactory(last_confirmed_at=NOW - 365 * DAY)
    # Already hidden (13 months), and a rejected entry: neither is in the directory.
    OrganisationFactory(last_confirmed_at=NOW - 395 * DAY - SECOND)
    OrganisationFactory(status=Status.REJECTED, last_confirmed_at=NOW - 380 * DAY)

    tiles = dashboard(mso_client)

    assert texts(tiles["leaving_directory"]) == [
        "2 Einträge verlassen bald das Verzeichnis, weil die Organisationen sie nicht "
        "bestätigt haben. Das geschieht innerhalb von 30 Tagen."
    ]


def test_barrier_feedback_due_within_three_days_and_overdue(editor_client):
    for due_on in [TODAY - 10 * DAY, TODAY - DAY, TODAY, TODAY + 3 * DAY, TODAY + 4 * DAY]:
        BarrierFeedbackFactory(due_on=due_on)
    BarrierFeedbackFactory(due_on=TODAY - DAY, answered_on=TODAY - DAY)
    BarrierFeedbackFactory(due_on=TODAY, answered_on=TODAY)

    tiles = dashboard(editor_client)

    assert texts(tiles["barrier_feedback"]) == [
        "2 Rückmeldungen sind überfällig: Bitte antworten Sie jetzt.",
        "2 Rückmeldungen sind bald zu beantworten. Die Frist endet innerhalb von 3 Tagen.",
    ]


def test_failed_mails_are_counted_for_those_who_read_the_outbox(admin_client):
    OutgoingMailFactory.create_batch(2)
    OutgoingMailFactory(status=MailStatus.SENT)
    OutgoingMailFactory(status=MailStatus.WAITING)

    tiles = dashboard(admin_client)

    assert texts(tiles["failed_mails"]) == [
        "2 E-Mails konnten nicht gesendet werden. Prüfen Sie die Fehler und senden Sie sie erneut."
    ]


def test_events_of_the_next_fourteen_days_are_listed_with_date_and_link(editor_client):
    soon = EventFactory(title="Tag der offenen Tür", starts_at=NOW + 2 * DAY, is_published=False)
    last = EventFactory(title="Sprachcafé", starts_at=NOW + 14 * DAY - SECOND)
    EventFactory(title="Zu spät", starts_at=NOW + 14 * DAY)
    EventFactory(title="Vorbei", starts_at=NOW - SECOND)

    tiles = dashboard(editor_client)

    assert tiles["upcoming_events"][1:] == [
        ("09.12.2026 10:00: Tag der offenen Tür", f"/admin/news/event/{soon.pk}/change/"),
        ("21.12.2026 09:59: Sprachcafé", f"/admin/news/event/{last.pk}/change/"),
    ]
    assert tiles["upcoming_events"][0][0] == (
        "2 Veranstaltungen beginnen bald. Vorschau auf 14 Tage:"
    )


@pytest.mark.parametrize(
    ("due_on", "expected"),
    [
        (TODAY - DAY, "Die Überprüfung war bis zum 6. Dezember 2026 fällig."),
        (TODAY, "Bitte überprüfen Sie die Erklärung bis zum 7. Dezember 2026."),
        (TODAY + 30 * DAY, "Bitte überprüfen Sie die Erklärung bis zum 6. Januar 2027."),
        (TODAY + 31 * DAY, "Nichts zu tun."),
    ],
)
def test_the_statement_review_is_shown_when_due_within_thirty_days_or_overdue(
    editor_client, due_on, expected
):
    last_reviewed = due_on - datetime.timedelta(days=365)
    AccessibilityStatementFactory(prepared_on=last_reviewed, last_reviewed=last_reviewed)

    tiles = dashboard(editor_client)

    assert texts(tiles["accessibility_statement"])[0].startswith(expected)


def test_a_missing_statement_is_to_be_written(editor_client):
    tiles = dashboard(editor_client)

    assert tiles["accessibility_statement"] == [
        (
            "Es gibt noch keine Erklärung zur Barrierefreiheit. Bitte legen Sie sie an.",
            "/admin/centre/accessibilitystatement/add/",
        )
    ]
    assert editor_client.get("/admin/centre/accessibilitystatement/add/").status_code == 200


def test_a_tile_without_work_says_so(client, admin_user):
    AccessibilityStatementFactory()

    tiles = dashboard(sign_in(client, admin_user))

    for key in ALL_TILES - {"counselling_requests", "accessibility_statement", "translations"}:
        assert texts(tiles[key]) == ["Nichts zu tun."], key
    assert texts(tiles["accessibility_statement"]) == [
        "Nichts zu tun.",
        "Nächste Überprüfung bis zum 7. Dezember 2027.",
    ]


@pytest.mark.parametrize("person", ["data_protection_officer", "outsider"])
def test_a_role_without_tiles_is_told_there_is_nothing_to_do(client, request, work, person):
    page = signed_in(client, request, person).get(DASHBOARD).content.decode()

    assert "Nichts zu tun: Für Ihre Rolle stehen hier keine Aufgaben an." in page
    # Django's list of everything the role may open stays below.
    assert "Alle Bereiche" in page


# The work above in German only: the statement and the event lack their text in each of
# the nine other languages; the directory's lists come translated. One line per language
# and kind of content, each with one row to translate.
TRANSLATION_LINKS = {
    "editor": [("translations", 1)] * 18,
    "mso_team": [],
    "admin_user": [("translations", 1)] * 18,
}
# What each link's list shows: the rows of exactly the work the line counts.
LINKED_ROWS = {
    "editor": [
        ("barrier_feedback", 1),
        ("barrier_feedback", 1),
        ("upcoming_events", 1),
        ("upcoming_events", None),
        *TRANSLATION_LINKS["editor"],
        ("accessibility_statement", None),
    ],
    "mso_team": [
        ("review_queue", 2),
        ("review_queue", 1),
        ("leaving_directory", 1),
        *TRANSLATION_LINKS["mso_team"],
    ],
    "counsellor": [("counselling_requests", 3)],
    "admin_user": [
        ("review_queue", 2),
        ("review_queue", 1),
        ("leaving_directory", 1),
        ("barrier_feedback", 1),
        ("barrier_feedback", 1),
        ("failed_mails", 1),
        ("upcoming_events", 1),
        ("upcoming_events", None),
        *TRANSLATION_LINKS["admin_user"],
        ("accessibility_statement", None),
    ],
}


@pytest.mark.parametrize("person", LINKED_ROWS)
def test_every_link_opens_for_the_person_and_lists_what_was_counted(client, request, work, person):
    signed_in(client, request, person)
    tiles = dashboard(client)
    links = [(key, link) for key in tiles for _text, link in tiles[key] if link]

    assert [key for key, _link in links] == [key for key, _rows in LINKED_ROWS[person]]
    for (_key, link), (_same, rows) in zip(links, LINKED_ROWS[person], strict=True):
        response = client.get(html.unescape(link))
        assert response.status_code == 200, link
        if rows is not None:
            assert response.context["cl"].result_count == rows, link


# The whole start page with work in every area: session, user, second factor, Django's app
# list and recent actions (9 for a person without tiles), then about one query per tile,
# two for the events (their titles), the groups for the counselling team's check, and one
# per translated kind of content the person may change (editor 10, MSO team 5, the
# administration 1 for the centre's profile, a superuser 16).
QUERIES = {
    "editor": 28,
    "mso_team": 16,
    "counsellor": 10,
    "data_protection_officer": 9,
    "administrator": 11,
    "admin_user": 36,
}


@pytest.mark.parametrize("person", QUERIES)
def test_the_start_page_takes_few_queries(client, request, work, person, django_assert_num_queries):
    EventFactory.create_batch(3, starts_at=NOW + 3 * DAY)
    assert Event.objects.count() == 4
    signed_in(client, request, person)

    with django_assert_num_queries(QUERIES[person]):
        client.get(DASHBOARD)


def test_the_start_page_is_valid_html(client, admin_user, work, tmp_path):
    admin_user.groups.add(Group.objects.get(name=COUNSELLING_GROUP))
    response = sign_in(client, admin_user).get(DASHBOARD)

    assert html_errors({"dashboard": response}, tmp_path) == []


def test_translations_missing_or_outdated_are_counted_per_language(editor_client, monkeypatch):
    field = FieldOfWorkFactory(title="Sport")
    field.set_current_language("ar")
    field.title = "رياضة"
    field.summary = "ملخص"
    field.save()
    monkeypatch.setattr(timezone, "now", lambda: NOW + 60 * SECOND)
    field.set_current_language("de")
    field.title = "Integration durch Sport"
    field.save()

    tiles = dashboard(editor_client)

    assert texts(tiles["translations"]) == [
        f"{name} – Handlungsfelder: 1 {'veraltet' if code == 'ar' else 'fehlt'}"
        for code, name in settings.LANGUAGES
        if code != "de"
    ]
    for _text, link in tiles["translations"]:
        listed = editor_client.get(html.unescape(link)).context["cl"].result_list
        assert list(listed) == [field]


def test_translated_content_leaves_nothing_to_do(editor_client):
    field = FieldOfWorkFactory()
    for code, _name in settings.LANGUAGES[1:]:
        field.set_current_language(code)
        field.title = f"{code} title"
        field.summary = f"{code} summary"
        field.save()

    assert texts(dashboard(editor_client)["translations"]) == ["Nichts zu tun."]
