import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation
from django.utils.html import strip_tags

from centre.models import Closure, Location, OpeningHours, Weekday, describe_status

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def at(year, month, day, hour, minute, second=0):
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=BERLIN)


@pytest.fixture
def location():
    """Oberhausen's hours: Monday to Thursday 07:30–16:15, Friday 07:30–13:00."""
    location = Location.objects.create(
        name="Renate-Weckwerth-Haus", street="Mülheimer Straße 200", postal_code="46045", city="X"
    )
    for weekday in (Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY):
        OpeningHours.objects.create(
            location=location, weekday=weekday, opens="07:30", closes="16:15"
        )
    OpeningHours.objects.create(
        location=location, weekday=Weekday.FRIDAY, opens="07:30", closes="13:00"
    )
    return location


def status(location, moment):
    result = location.status_at(moment)
    return result.is_open, result.changes_at


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2026, 11, 23, 7, 29, 59), (False, at(2026, 11, 23, 7, 30))),
        (at(2026, 11, 23, 7, 30), (True, at(2026, 11, 23, 16, 15))),
        (at(2026, 11, 23, 16, 14, 59), (True, at(2026, 11, 23, 16, 15))),
        (at(2026, 11, 23, 16, 15), (False, at(2026, 11, 24, 7, 30))),
        (at(2026, 11, 27, 12, 59), (True, at(2026, 11, 27, 13, 0))),
        (at(2026, 11, 27, 13, 0), (False, at(2026, 11, 30, 7, 30))),
        (at(2026, 11, 27, 23, 59, 59), (False, at(2026, 11, 30, 7, 30))),
        (at(2026, 11, 28, 0, 0), (False, at(2026, 11, 30, 7, 30))),
    ],
    ids=[
        "just before opening",
        "at opening",
        "just before closing",
        "at closing",
        "friday before its early closing",
        "friday at closing",
        "across midnight into the weekend",
        "saturday",
    ],
)
def test_status_around_opening_and_closing(location, moment, expected):
    assert status(location, moment) == expected


def test_moment_in_another_time_zone_is_read_in_berlin_time(location):
    utc = datetime.datetime(2026, 11, 23, 6, 45, tzinfo=datetime.UTC)  # 07:45 in Berlin

    assert status(location, utc) == (True, at(2026, 11, 23, 16, 15))


def test_closed_on_an_nrw_public_holiday(location):
    # Corpus Christi is a public holiday in North Rhine-Westphalia, not in every state.
    assert status(location, at(2026, 6, 4, 10, 0)) == (False, at(2026, 6, 5, 7, 30))


def test_closed_on_christmas_day(location):
    assert status(location, at(2026, 12, 24, 16, 15)) == (False, at(2026, 12, 28, 7, 30))


def test_closure_entered_by_staff(location):
    Closure.objects.create(
        location=location, starts_on="2026-12-28", ends_on="2026-12-31", reason="Jahreswechsel"
    )
    location = Location.objects.prefetch_related("hours", "closures").get()

    # Closed until New Year's Day, itself a public holiday; open again on Monday.
    assert status(location, at(2026, 12, 28, 10, 0)) == (False, at(2027, 1, 4, 7, 30))


def test_several_ranges_on_one_day(location):
    OpeningHours.objects.filter(weekday=Weekday.WEDNESDAY).delete()
    OpeningHours.objects.create(
        location=location, weekday=Weekday.WEDNESDAY, opens="09:00", closes="12:00"
    )
    OpeningHours.objects.create(
        location=location, weekday=Weekday.WEDNESDAY, opens="13:00", closes="14:30"
    )

    assert status(location, at(2026, 11, 25, 12, 30)) == (False, at(2026, 11, 25, 13, 0))
    assert status(location, at(2026, 11, 25, 13, 0)) == (True, at(2026, 11, 25, 14, 30))


def test_opening_after_the_spring_clock_change(location):
    # The clocks go forward in the night to Sunday 29 March 2026.
    _is_open, opens = status(location, at(2026, 3, 29, 1, 30))

    assert opens == at(2026, 3, 30, 7, 30)
    assert opens.utcoffset() == datetime.timedelta(hours=2)
    assert opens.astimezone(datetime.UTC).hour == 5


def test_opening_after_the_autumn_clock_change(location):
    _is_open, opens = status(location, at(2026, 10, 24, 12, 0))

    assert opens == at(2026, 10, 26, 7, 30)
    assert opens.utcoffset() == datetime.timedelta(hours=1)


def test_without_hours_it_is_simply_closed():
    location = Location.objects.create(name="Außenstelle", street="A", postal_code="1", city="X")

    assert status(location, at(2026, 11, 23, 10, 0)) == (False, None)


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (at(2026, 11, 23, 10, 0), "Jetzt geöffnet bis 16:15"),
        (at(2026, 11, 23, 6, 0), "Geschlossen – öffnet heute um 07:30"),
        (at(2026, 11, 23, 17, 0), "Geschlossen – öffnet morgen um 07:30"),
        (at(2026, 11, 27, 14, 0), "Geschlossen – nächste Öffnung: Montag, 07:30"),
    ],
)
def test_status_reads_as_a_sentence(location, moment, text):
    with translation.override("de"):
        sentence = describe_status(location.status_at(moment), moment)

    assert strip_tags(sentence) == text


def test_footer_shows_the_status_and_costs_no_query_once_cached(
    client, location, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(timezone, "now", lambda: at(2026, 11, 27, 14, 0))
    client.get("/de/impressum/")

    # the imprint page itself; the footer adds none
    with django_assert_num_queries(1):
        html = client.get("/en/impressum/").content.decode()

    assert (
        'Closed – next opening: Monday, <time datetime="2026-11-30T07:30:00+01:00">07:30</time>'
        in html
    )


def test_editing_hours_shows_in_the_footer_at_once(client, location, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: at(2026, 11, 27, 14, 0))
    client.get("/de/impressum/")

    OpeningHours.objects.create(
        location=location, weekday=Weekday.FRIDAY, opens="13:30", closes="18:00"
    )

    assert "Jetzt geöffnet bis" in client.get("/de/impressum/").content.decode()
