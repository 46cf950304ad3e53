import datetime
import re

import pytest
from django.utils import timezone

from news import demo_content
from news.models import Event, NewsItem
from portal.richtext import ALLOWED_TAGS
from tests.centre.test_structured_data import structured_data
from tests.demo import load_demo

pytestmark = pytest.mark.django_db


def test_demo_news_and_event_are_loaded_once():

    first = load_demo()
    stamps = dict(NewsItem.objects.values_list("slug", "updated_at"))
    second = load_demo()

    assert "news: 2 created, 0 updated, 0 unchanged" in first
    assert "events: 1 created" in first
    assert "news: 0 created, 0 updated, 2 unchanged" in second
    assert "events: 0 created, 0 updated, 1 unchanged" in second
    assert dict(NewsItem.objects.values_list("slug", "updated_at")) == stamps
    assert NewsItem.objects.count() == 2
    assert Event.objects.count() == 1


def test_a_second_run_repairs_an_edited_demo_teaser():
    load_demo()
    item = NewsItem.objects.get(slug="internationaler-frauentag-2024")
    item.teaser = "Geändert"
    item.save()

    output = load_demo()

    item = NewsItem.objects.get(slug="internationaler-frauentag-2024")
    assert "rund 120 Frauen" in item.teaser
    assert "news: 0 created, 1 updated, 1 unchanged" in output


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 11, 23), datetime.date(2027, 3, 8)),
        (datetime.date(2027, 3, 8), datetime.date(2027, 3, 8)),
        (datetime.date(2027, 1, 2), datetime.date(2027, 3, 8)),
    ],
)
def test_the_coming_womens_day_is_the_next_8_march(today, expected):
    assert demo_content.next_womens_day(today) == expected


def test_demo_home_shows_the_seeded_news_and_the_coming_womens_day(client):
    load_demo()

    home = client.get("/de/").content.decode()

    assert "Rund 120 Frauen feiern den Internationalen Frauentag" in home
    assert "Neue Vision, neue Mission und ein Newsletter" in home
    assert "Internationaler Frauentag" in home
    event = Event.objects.get()
    day = timezone.localdate(event.starts_at)
    assert (day.month, day.day) == (3, 8)
    assert day >= timezone.localdate()
    detail = client.get(event.get_absolute_url()).content.decode()
    assert "Beispiel für die Demo" in detail
    assert "Uhrzeit und Ort stehen noch nicht fest." in detail
    assert structured_data(detail)["@type"] == "Event"


def test_demo_news_is_in_german_and_english_only_with_allowed_tags():
    load_demo()

    for item in NewsItem.objects.all():
        assert sorted(item.get_available_languages()) == ["de", "en"]
    for translation in NewsItem.translations.field.model.objects.all():
        assert len(translation.teaser) <= 300
        assert set(re.findall(r"</?([a-z0-9]+)", translation.body)) <= ALLOWED_TAGS
