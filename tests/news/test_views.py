import datetime
import re

import pytest
from django.utils import timezone

from centre.models import CentreProfile, Location
from tests.factories import EventFactory, FieldOfWorkFactory, NewsItemFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def days(number):
    return datetime.timedelta(days=number)


def entry_titles(html):
    return re.findall(
        r'class="kern-heading-small"[^>]*><a class="kern-link" href="[^"]+">([^<]+)', html
    )


def test_news_list_shows_published_news_newest_first(client):
    NewsItemFactory(title="Ältere Meldung", published_on=TODAY() - days(10))
    NewsItemFactory(title="Neue Meldung", teaser="Das Neueste in Kürze.", published_on=TODAY())
    NewsItemFactory(title="Entwurf", is_published=False)
    NewsItemFactory(title="Angekündigt", published_on=TODAY() + days(1))

    response = client.get("/de/aktuelles/")

    assert response.status_code == 200
    html = response.content.decode()
    assert entry_titles(html) == ["Neue Meldung", "Ältere Meldung"]
    assert "Das Neueste in Kürze." in html
    assert f'<time datetime="{TODAY():%Y-%m-%d}">' in html


def test_news_list_without_news_says_so(client):
    response = client.get("/de/aktuelles/")

    assert response.status_code == 200
    assert "Zurzeit gibt es keine Meldungen." in response.content.decode()


def test_news_list_shows_ten_per_page_with_an_accessible_page_navigation(client):
    for age in range(12):
        NewsItemFactory(title=f"Meldung vom Tag {age}", published_on=TODAY() - days(age))

    first = client.get("/de/aktuelles/").content.decode()
    second = client.get("/de/aktuelles/?page=2").content.decode()

    assert len(entry_titles(first)) == 10
    assert entry_titles(second) == ["Meldung vom Tag 10", "Meldung vom Tag 11"]
    assert '<nav class="pagination" aria-label="Seitennavigation">' in first
    assert re.search(
        r'href="/de/aktuelles/" aria-current="page"><span class="kern-sr-only">', first
    )
    assert re.search(r'href="\?page=2" aria-current="page">', second)
    assert 'rel="next" href="?page=2"' in first
    assert 'rel="prev" href="/de/aktuelles/"' in second
    assert "<title>Aktuelles – Seite 2" in second


def test_one_page_of_news_has_no_page_navigation(client):
    NewsItemFactory()

    assert "pagination" not in client.get("/de/aktuelles/").content.decode()


@pytest.mark.parametrize("page", ["3", "0", "letzte-seite"])
def test_a_page_beyond_the_news_is_not_found(client, page):
    """A page that does not exist is not found rather than a copy of another page."""
    NewsItemFactory.create_batch(11)

    response = client.get(f"/de/aktuelles/?page={page}")

    assert response.status_code == 404


def test_news_detail_shows_the_whole_item(client):
    item = NewsItemFactory(
        title="Frauentag",
        teaser="Rund 120 Frauen feierten.",
        body="<h2>Programm</h2><p>Frühstück</p>",
        published_on=datetime.date(2024, 3, 14),
    )

    response = client.get(f"/de/aktuelles/{item.slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="kern-heading-x-large">Frauentag</h1>' in html
    assert "Rund 120 Frauen feierten." in html
    assert "<h2>Programm</h2>" in html
    assert '<time datetime="2024-03-14">14. März 2024</time>' in html
    assert 'href="/de/aktuelles/"><bdi>Aktuelles</bdi></a>' in html


@pytest.mark.parametrize(
    "overrides", [{"is_published": False}, {"published_on": TODAY() + days(1)}]
)
def test_draft_or_future_news_is_not_found_for_visitors(client, overrides):
    item = NewsItemFactory(**overrides)

    assert client.get(f"/de/aktuelles/{item.slug}/").status_code == 404


def test_future_news_is_a_preview_for_editors(editor_client):
    item = NewsItemFactory(published_on=TODAY() + days(1))

    response = editor_client.get(f"/de/aktuelles/{item.slug}/")

    assert response.status_code == 200
    assert "Vorschau" in response.content.decode()


def test_draft_news_stays_hidden_from_staff_without_permission(outsider_client):
    item = NewsItemFactory(is_published=False)

    assert outsider_client.get(f"/de/aktuelles/{item.slug}/").status_code == 404


def test_untranslated_news_falls_back_to_german_with_a_note_and_lang_de(client):
    item = NewsItemFactory(title="Frauentag")

    detail = client.get(f"/ar/aktuelles/{item.slug}/").content.decode()
    listing = client.get("/en/aktuelles/").content.decode()

    assert "fallback-note" in detail
    assert '<h1 class="kern-heading-x-large" lang="de" dir="ltr">Frauentag</h1>' in detail
    assert "Only in German" in listing
    assert '<h2 class="kern-heading-small" lang="de" dir="ltr">' in listing


def test_translated_news_is_shown_without_a_note(client):
    item = NewsItemFactory(title="Frauentag")
    item.set_current_language("en")
    item.title = "Women's Day"
    item.teaser = "Around 120 women celebrated."
    item.save()

    html = client.get(f"/en/aktuelles/{item.slug}/").content.decode()

    assert "Women&#x27;s Day" in html
    assert "fallback-note" not in html


def test_events_list_shows_coming_events_soonest_first(client):
    now = timezone.now()
    EventFactory(title="Später", starts_at=now + days(30))
    EventFactory(title="Bald", starts_at=now + days(2), venue="Zentrum Altenberg")
    EventFactory(title="Läuft noch", starts_at=now - days(1), ends_at=now + days(1))
    EventFactory(title="Vorbei", starts_at=now - days(3), ends_at=now - days(2))
    EventFactory(title="Begonnen ohne Ende", starts_at=now - datetime.timedelta(hours=1))
    EventFactory(title="Entwurf", is_published=False)

    response = client.get("/de/veranstaltungen/")

    assert response.status_code == 200
    html = response.content.decode()
    assert entry_titles(html) == ["Läuft noch", "Bald", "Später"]
    assert "Zentrum Altenberg" in html


def test_events_list_without_events_says_so(client):
    EventFactory(starts_at=timezone.now() - days(2))

    html = client.get("/de/veranstaltungen/").content.decode()

    assert "Zurzeit sind keine Veranstaltungen geplant." in html


def test_event_times_are_shown_in_berlin_time_in_the_pages_language(client):
    starts_at = datetime.datetime(2099, 3, 8, 9, 0, tzinfo=datetime.UTC)  # 10:00 in Berlin
    event = EventFactory(starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=3))

    german = client.get(f"/de/veranstaltungen/{event.slug}/").content.decode()
    english = client.get(f"/en/veranstaltungen/{event.slug}/").content.decode()

    assert (
        '<time datetime="2099-03-08T10:00:00+0100">8. März 2099 10:00</time></bdi> – '
        '<bdi><time datetime="2099-03-08T13:00:00+0100">13:00</time>'
    ) in german
    assert '<time datetime="2099-03-08T10:00:00+0100">March 8, 2099, 10 a.m.</time>' in english


def test_event_times_are_machine_readable_to_the_second(client):
    # Times entered in the admin have no fraction of a second; HTML allows none either way.
    starts_at = datetime.datetime(2099, 3, 8, 9, 0, 5, 123456, tzinfo=datetime.UTC)
    event = EventFactory(starts_at=starts_at)

    html = client.get(f"/de/veranstaltungen/{event.slug}/").content.decode()

    assert '<time datetime="2099-03-08T10:00:05+0100">' in html


def test_an_event_over_several_days_names_both_dates(client):
    starts_at = datetime.datetime(2099, 3, 8, 9, 0, tzinfo=datetime.UTC)
    event = EventFactory(starts_at=starts_at, ends_at=starts_at + days(1))

    html = client.get(f"/de/veranstaltungen/{event.slug}/").content.decode()

    assert '<time datetime="2099-03-09T10:00:00+0100">9. März 2099 10:00</time>' in html


def test_event_detail_shows_venue_address_and_registration(client):
    location = Location.objects.create(
        name="Haus der Vielfalt", street="Musterstraße 1", postal_code="12345", city="Musterstadt"
    )
    event = EventFactory(
        title="Frauentag",
        venue="Saal 1",
        location=location,
        registration_note="Anmeldung bis Freitag.",
        description="<p>Mit Frühstück.</p>",
    )

    response = client.get(f"/de/veranstaltungen/{event.slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Saal 1" in html
    assert "<bdi>Musterstraße 1</bdi><br><bdi>12345 Musterstadt</bdi>" in html
    assert "Anmeldung bis Freitag." in html
    assert "<p>Mit Frühstück.</p>" in html
    assert "bereits stattgefunden" not in html


def test_a_past_event_keeps_its_page_and_says_it_took_place(client):
    event = EventFactory(starts_at=timezone.now() - days(2))

    response = client.get(f"/de/veranstaltungen/{event.slug}/")

    assert response.status_code == 200
    assert "Diese Veranstaltung hat bereits stattgefunden." in response.content.decode()


def test_draft_event_is_not_found_for_visitors(client):
    event = EventFactory(is_published=False)

    assert client.get(f"/de/veranstaltungen/{event.slug}/").status_code == 404


def test_draft_event_is_a_preview_for_editors(editor_client):
    event = EventFactory(is_published=False)

    response = editor_client.get(f"/de/veranstaltungen/{event.slug}/")

    assert response.status_code == 200
    assert "Vorschau" in response.content.decode()


def test_draft_event_stays_hidden_from_staff_without_permission(outsider_client):
    event = EventFactory(is_published=False)

    assert outsider_client.get(f"/de/veranstaltungen/{event.slug}/").status_code == 404


def test_untranslated_event_falls_back_to_german(client):
    event = EventFactory(title="Frauentag", venue="Zentrum Altenberg")

    html = client.get(f"/ar/veranstaltungen/{event.slug}/").content.decode()

    assert "fallback-note" in html
    assert '<span lang="de" dir="ltr">Zentrum Altenberg</span>' in html


def test_main_navigation_links_news_and_events_and_marks_the_current_one(client):
    item = NewsItemFactory()

    html = client.get(f"/de/aktuelles/{item.slug}/").content.decode()

    assert '<a class="kern-link" href="/de/aktuelles/" aria-current="page">Aktuelles</a>' in html
    assert '<a class="kern-link" href="/de/veranstaltungen/">Veranstaltungen</a>' in html


def test_home_shows_the_latest_three_news_and_the_next_three_events(client):
    for age in range(4):
        NewsItemFactory(
            title=f"Meldung {age}", teaser=f"Anreißer {age}", published_on=TODAY() - days(age)
        )
    NewsItemFactory(title="Meldung von morgen", published_on=TODAY() + days(1))
    for number in range(4):
        EventFactory(title=f"Termin {number}", starts_at=timezone.now() + days(number + 1))
    EventFactory(title="Vergangener Termin", starts_at=timezone.now() - days(1))

    html = client.get("/de/").content.decode()

    assert '<h2 id="news-heading" class="kern-heading-large">Aktuelles</h2>' in html
    assert "Nächste Veranstaltungen" in html
    assert entry_titles(html) == [
        "Meldung 0",
        "Meldung 1",
        "Meldung 2",
        "Termin 0",
        "Termin 1",
        "Termin 2",
    ]
    assert "Anreißer 0" in html
    assert "Zentrum Altenberg" in html
    assert 'href="/de/aktuelles/">Alle Meldungen</a>' in html
    assert 'href="/de/veranstaltungen/">Alle kommenden Veranstaltungen</a>' in html


def test_home_shows_nothing_of_news_and_events_while_there_are_none(client):
    NewsItemFactory(is_published=False)
    NewsItemFactory(published_on=TODAY() + days(3))
    EventFactory(starts_at=timezone.now() - days(1))

    html = client.get("/de/").content.decode()

    main = html[html.index("<main") : html.index("</main>")]
    assert "Aktuelles" not in main
    assert "Veranstaltungen" not in main
    assert "news-heading" not in main
    assert "entry-list" not in main


def test_home_shows_events_without_an_empty_news_section(client):
    EventFactory(title="Frauentag")

    html = client.get("/de/").content.decode()

    assert "Nächste Veranstaltungen" in html
    assert "news-heading" not in html


@pytest.mark.parametrize("language", ["de", "ar"])
def test_news_list_query_count_does_not_grow_with_news(client, django_assert_num_queries, language):
    CentreProfile.objects.create(name="KI Musterstadt")
    NewsItemFactory.create_batch(25)
    client.get(f"/{language}/aktuelles/")  # warms the cached centre profile

    # count, news, their translations
    with django_assert_num_queries(3):
        response = client.get(f"/{language}/aktuelles/?page=2")

    assert len(entry_titles(response.content.decode())) == 10


@pytest.mark.parametrize("language", ["de", "ar"])
def test_news_detail_query_count(client, django_assert_num_queries, language):
    CentreProfile.objects.create(name="KI Musterstadt")
    item = NewsItemFactory()
    client.get(f"/{language}/aktuelles/{item.slug}/")

    # news item, its translations
    with django_assert_num_queries(2):
        client.get(f"/{language}/aktuelles/{item.slug}/")


@pytest.mark.parametrize("language", ["de", "ar"])
def test_events_list_query_count_does_not_grow_with_events(
    client, django_assert_num_queries, language
):
    CentreProfile.objects.create(name="KI Musterstadt")
    EventFactory.create_batch(25)
    client.get(f"/{language}/veranstaltungen/")

    # events, their translations
    with django_assert_num_queries(2):
        response = client.get(f"/{language}/veranstaltungen/")

    assert len(entry_titles(response.content.decode())) == 25


@pytest.mark.parametrize("language", ["de", "ar"])
def test_event_detail_query_count(client, django_assert_num_queries, language):
    CentreProfile.objects.create(name="KI Musterstadt")
    location = Location.objects.create(
        name="Haus der Vielfalt", street="Musterstraße 1", postal_code="12345", city="Musterstadt"
    )
    event = EventFactory(location=location)
    client.get(f"/{language}/veranstaltungen/{event.slug}/")

    # event with its location, their translations
    with django_assert_num_queries(3):
        response = client.get(f"/{language}/veranstaltungen/{event.slug}/")

    assert "Musterstraße 1" in response.content.decode()


@pytest.mark.parametrize("language", ["de", "ar"])
def test_home_query_count_with_fields_news_and_events(client, django_assert_num_queries, language):
    CentreProfile.objects.create(name="KI Musterstadt")
    for _ in range(10):
        FieldOfWorkFactory()
        NewsItemFactory()
        EventFactory()
    client.get(f"/{language}/")

    # fields, news and events, each with their translations; featured target groups (none);
    # whether there is a sign-language video
    with django_assert_num_queries(8):
        response = client.get(f"/{language}/")

    assert len(entry_titles(response.content.decode())) == 6
