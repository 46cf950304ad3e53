import pytest
from django.db import IntegrityError

from news.models import Event, NewsItem
from tests.factories import EventFactory, NewsItemFactory

pytestmark = pytest.mark.django_db

NEWS_ADD_URL = "/admin/news/newsitem/add/"
EVENT_ADD_URL = "/admin/news/event/add/"


def news_form(**overrides):
    data = {
        "title": "Rund 120 Frauen feiern den Frauentag",
        "slug": "frauentag-2024",
        "teaser": "Ein Fest im Zentrum Altenberg.",
        "body": "<p>Mit Frühstück.</p>",
        "published_on": "14.03.2024",
        "is_published": "on",
    }
    data.update(overrides)
    return data


def event_form(**overrides):
    data = {
        "title": "Internationaler Frauentag",
        "slug": "internationaler-frauentag",
        "description": "<p>Mit Frühstück.</p>",
        "venue": "Zentrum Altenberg",
        "starts_at_0": "08.03.2099",
        "starts_at_1": "10:00",
        "ends_at_0": "08.03.2099",
        "ends_at_1": "13:00",
        "registration_note": "",
        "is_published": "on",
    }
    data.update(overrides)
    return data


def test_editor_creates_a_news_item(editor_client):
    response = editor_client.post(NEWS_ADD_URL, news_form())

    assert response.status_code == 302
    item = NewsItem.objects.get(slug="frauentag-2024")
    assert item.title == "Rund 120 Frauen feiern den Frauentag"
    assert item.published_on.isoformat() == "2024-03-14"


def test_news_body_is_stored_sanitised(editor_client):
    editor_client.post(NEWS_ADD_URL, news_form(body="<p>Text<script>alert(1)</script></p>"))

    assert NewsItem.objects.get().body == "<p>Text</p>"


def test_news_slug_collision_is_a_form_error(editor_client):
    NewsItemFactory(slug="frauentag-2024")

    response = editor_client.post(NEWS_ADD_URL, news_form())

    assert response.status_code == 200
    assert "Diese Adresse hat schon ein anderer Eintrag" in response.content.decode()
    assert NewsItem.objects.count() == 1


def test_editor_creates_an_event_in_berlin_time(editor_client):
    response = editor_client.post(EVENT_ADD_URL, event_form())

    assert response.status_code == 302
    event = Event.objects.get(slug="internationaler-frauentag")
    assert event.venue == "Zentrum Altenberg"
    assert event.starts_at.isoformat() == "2099-03-08T09:00:00+00:00"


def test_an_event_ending_before_it_starts_is_refused(editor_client):
    response = editor_client.post(EVENT_ADD_URL, event_form(ends_at_1="09:00"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Das Ende darf nicht vor dem Beginn liegen." in html
    assert "errors field-ends_at" in html
    assert not Event.objects.exists()


def test_an_event_without_an_end_is_accepted(editor_client):
    response = editor_client.post(EVENT_ADD_URL, event_form(ends_at_0="", ends_at_1=""))

    assert response.status_code == 302
    assert Event.objects.get().ends_at is None


def test_the_database_refuses_an_event_ending_before_it_starts(db):
    event = EventFactory()
    event.ends_at = event.starts_at.replace(year=event.starts_at.year - 1)

    with pytest.raises(IntegrityError):
        event.save()


def test_admin_lists_are_searchable_by_title(editor_client):
    NewsItemFactory(title="Frauentag")
    NewsItemFactory(title="Newsletter")
    EventFactory(title="Netzwerktreffen")
    EventFactory(title="Frauentag")

    news = editor_client.get("/admin/news/newsitem/", {"q": "Frauentag"}).content.decode()
    events = editor_client.get("/admin/news/event/", {"q": "Netzwerk"}).content.decode()

    assert "Frauentag" in news
    assert "Newsletter" not in news
    assert "Netzwerktreffen" in events
    assert "Frauentag" not in events


def test_the_search_bar_counts_results_in_german(editor_client):
    NewsItemFactory(title="Frauentag")
    NewsItemFactory(title="Newsletter")

    html = editor_client.get("/admin/news/newsitem/", {"q": "Frauentag"}).content.decode()

    assert 'value="Suchen"' in html
    assert "1 Ergebnis (" in html
    assert "2 insgesamt" in html


@pytest.mark.parametrize(
    "url",
    [
        "/admin/news/newsitem/",
        NEWS_ADD_URL,
        "/admin/news/newsitem/{news}/change/",
        "/admin/news/event/",
        EVENT_ADD_URL,
        "/admin/news/event/{event}/change/",
        "/admin/news/event/{event}/delete/",
    ],
)
def test_outsider_is_refused(outsider_client, url):
    news, event = NewsItemFactory(), EventFactory()

    response = outsider_client.get(url.format(news=news.pk, event=event.pk))

    assert response.status_code == 403


def test_outsider_cannot_change_an_event_by_posting(outsider_client):
    event = EventFactory(title="Original", slug="original")

    response = outsider_client.post(
        f"/admin/news/event/{event.pk}/change/", event_form(slug="original", title="Geändert")
    )

    assert response.status_code == 403
    event.refresh_from_db()
    assert event.title == "Original"
