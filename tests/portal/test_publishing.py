"""Publishing on a schedule: entries appear and go on time, everywhere; staff preview."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from fields.models import FieldOfWork
from news.models import Event, NewsItem
from tests.factories import (
    EventFactory,
    FieldOfWorkFactory,
    NetworkFactory,
    NewsItemFactory,
    TargetGroupFactory,
)
from tests.test_html_validity import html_errors

pytestmark = pytest.mark.django_db

# Below the staff session's idle limit, so that a signed-in editor stays signed in.
STEP = datetime.timedelta(minutes=10)

# Each kind of content: its factory, its list page, and whether the home page shows it.
KINDS = {
    "field": (FieldOfWorkFactory, "fields:list", True),
    "news": (NewsItemFactory, "news:list", True),
    "event": (EventFactory, "news:events", True),
    "network": (NetworkFactory, "networks:list", False),
}


def shows(client, url, slug) -> bool:
    response = client.get(url)
    assert response.status_code == 200
    return slug in response.content.decode()


def public_everywhere(client, entry, list_name, on_home) -> bool:
    """Whether the entry's page answers and every list names it, each checked on its own."""
    slug = entry.slug
    detail = client.get(entry.get_absolute_url()).status_code
    found = [shows(client, reverse(list_name), slug), shows(client, reverse("sitemap"), slug)]
    if on_home:
        found.append(shows(client, reverse("home"), slug))
    assert detail in (200, 404)
    assert all(found) or not any(found), found
    assert (detail == 200) == found[0]
    return detail == 200


@pytest.mark.parametrize("kind", KINDS)
def test_an_entry_appears_at_its_start_and_goes_at_its_end(client, clock, kind):
    factory, list_url, on_home = KINDS[kind]
    now = timezone.now()
    entry = factory(slug="geplanter-eintrag", publish_from=now + STEP, publish_until=now + 2 * STEP)

    assert not public_everywhere(client, entry, list_url, on_home)
    clock.advance(STEP)
    assert public_everywhere(client, entry, list_url, on_home)
    clock.advance(STEP)
    assert not public_everywhere(client, entry, list_url, on_home)


def test_a_field_appears_and_goes_on_its_target_groups_page(client, clock):
    group = TargetGroupFactory()
    now = timezone.now()
    field = FieldOfWorkFactory(
        slug="geplantes-feld", publish_from=now + STEP, publish_until=now + 2 * STEP
    )
    field.target_groups.add(group)

    assert not shows(client, group.get_absolute_url(), "geplantes-feld")
    clock.advance(STEP)
    assert shows(client, group.get_absolute_url(), "geplantes-feld")
    clock.advance(STEP)
    assert not shows(client, group.get_absolute_url(), "geplantes-feld")


def test_the_status_follows_the_clock(clock):
    start = timezone.make_aware(datetime.datetime(2099, 3, 8, 10, 0))
    assert FieldOfWorkFactory(is_published=False).publication_status_text == "Entwurf"
    assert FieldOfWorkFactory().publication_status_text == "veröffentlicht"
    field = FieldOfWorkFactory(publish_from=start, publish_until=start + STEP)

    assert field.publication_status_text == "geplant ab 08.03.2099 10:00"
    clock.advance(start - timezone.now())
    assert field.publication_status_text == "veröffentlicht bis 08.03.2099 10:10"
    assert field.is_public
    clock.advance(STEP)
    assert field.publication_status_text == "abgelaufen seit 08.03.2099 10:10"
    assert not field.is_public


def test_a_news_item_takes_the_day_of_its_publish_from_time_as_its_date():
    start = timezone.make_aware(datetime.datetime(2099, 3, 8, 8, 0))

    item = NewsItemFactory(published_on=datetime.date(2099, 3, 1), publish_from=start)

    assert item.published_on == datetime.date(2099, 3, 8)


def test_a_news_item_dated_tomorrow_waits_until_midnight(clock):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    item = NewsItemFactory(published_on=tomorrow)
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))

    assert item.publication_status_text == f"geplant ab {tomorrow:%d.%m.%Y} 00:00"
    assert not NewsItem.objects.published().exists()
    clock.advance(midnight - timezone.now())
    assert list(NewsItem.objects.published()) == [item]


@pytest.mark.parametrize("kind", KINDS)
def test_a_draft_is_not_found_by_visitors(client, kind):
    factory, _list_url, _on_home = KINDS[kind]

    response = client.get(factory(is_published=False).get_absolute_url())

    assert response.status_code == 404


@pytest.mark.parametrize("kind", KINDS)
def test_an_editor_previews_a_draft_in_the_public_design(editor_client, kind):
    factory, _list_url, _on_home = KINDS[kind]

    response = editor_client.get(factory(is_published=False).get_absolute_url())

    assert response.status_code == 200
    assert "Vorschau – diese Seite ist nicht öffentlich: Entwurf" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert "site-header" in response.content.decode()


def test_the_preview_names_the_start_of_a_scheduled_entry(editor_client):
    start = timezone.make_aware(datetime.datetime(2099, 3, 8, 10, 0))
    event = EventFactory(publish_from=start)

    response = editor_client.get(event.get_absolute_url())

    assert "nicht öffentlich: geplant ab 08.03.2099 10:00" in response.content.decode()


def test_the_preview_names_the_end_of_an_expired_entry(editor_client, clock):
    end = timezone.now() + STEP
    item = NewsItemFactory(publish_until=end)
    clock.advance(2 * STEP)

    response = editor_client.get(item.get_absolute_url())

    assert response.status_code == 200
    assert "nicht öffentlich: abgelaufen seit" in response.content.decode()


def test_a_public_page_is_no_preview_for_an_editor(editor_client):
    response = editor_client.get(FieldOfWorkFactory().get_absolute_url())

    assert "Vorschau" not in response.content.decode()
    assert "no-store" not in response.get("Cache-Control", "")
    assert "X-Robots-Tag" not in response


@pytest.mark.parametrize("kind", KINDS)
def test_staff_without_the_change_permission_get_no_preview(mso_client, kind):
    factory, _list_url, _on_home = KINDS[kind]

    response = mso_client.get(factory(is_published=False).get_absolute_url())

    assert response.status_code == 404


def test_publish_until_before_publish_from_is_an_error_next_to_the_field(editor_client):
    event = EventFactory()
    form = {
        "title": event.title,
        "slug": event.slug,
        "description": "",
        "venue": event.venue,
        "starts_at_0": "08.03.2099",
        "starts_at_1": "10:00",
        "registration_note": "",
        "is_published": "on",
        "publish_from_0": "01.03.2099",
        "publish_from_1": "08:00",
        "publish_until_0": "01.03.2099",
        "publish_until_1": "07:00",
    }

    response = editor_client.post(f"/admin/news/event/{event.pk}/change/", form)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors == {
        "publish_until": ["„Veröffentlichen bis“ muss nach „Veröffentlichen ab“ liegen."]
    }
    event.refresh_from_db()
    assert event.publish_from is None


def test_editor_schedules_an_event_in_berlin_time(editor_client):
    event = EventFactory()
    form = {
        "title": event.title,
        "slug": event.slug,
        "description": "",
        "venue": event.venue,
        "starts_at_0": "08.03.2099",
        "starts_at_1": "10:00",
        "registration_note": "",
        "is_published": "on",
        "publish_from_0": "01.03.2099",
        "publish_from_1": "08:00",
        "publish_until_0": "",
        "publish_until_1": "",
    }

    response = editor_client.post(f"/admin/news/event/{event.pk}/change/", form)

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.publish_from.isoformat() == "2099-03-01T07:00:00+00:00"
    assert event.publish_until is None


def test_the_admin_filters_by_status(editor_client, clock):
    now = timezone.now()
    NewsItemFactory(title="Entwurf-Meldung", is_published=False)
    NewsItemFactory(title="Geplante Meldung", publish_from=now + 3 * STEP)
    NewsItemFactory(title="Laufende Meldung")
    NewsItemFactory(title="Abgelaufene Meldung", publish_until=now + STEP)
    clock.advance(2 * STEP)
    expected = {
        "entwurf": "Entwurf-Meldung",
        "geplant": "Geplante Meldung",
        "veroeffentlicht": "Laufende Meldung",
        "abgelaufen": "Abgelaufene Meldung",
    }

    for status, title in expected.items():
        response = editor_client.get("/admin/news/newsitem/", {"status": status})
        listed = [str(item) for item in response.context["cl"].result_list]
        assert listed == [title], status


def test_the_change_list_shows_the_status(editor_client):
    start = timezone.make_aware(datetime.datetime(2099, 3, 8, 10, 0))
    FieldOfWorkFactory(publish_from=start)

    response = editor_client.get("/admin/fields/fieldofwork/")

    assert "geplant ab 08.03.2099 10:00" in response.content.decode()


def test_the_change_form_links_to_the_preview(editor_client):
    event = EventFactory(is_published=False)

    response = editor_client.get(f"/admin/news/event/{event.pk}/change/")

    content = response.content.decode()
    assert f'<a href="{event.get_absolute_url()}">Vorschau ansehen</a>' in content
    assert "Entwurf · " in content


def test_publishing_an_expired_entry_clears_its_end(editor_client, clock):
    event = EventFactory(is_published=False, publish_until=timezone.now() + STEP)
    clock.advance(2 * STEP)
    before = timezone.now()

    response = editor_client.post(
        "/admin/news/event/", {"action": "publish", "_selected_action": [event.pk]}, follow=True
    )

    event.refresh_from_db()
    assert event.is_public
    assert event.publish_until is None
    # The sitemap's last-modified date follows the publishing.
    assert event.updated_at >= before
    assert "1 Eintrag veröffentlicht." in response.content.decode()


def test_publishing_a_scheduled_entry_keeps_its_start(editor_client):
    start = timezone.now() + STEP
    field = FieldOfWorkFactory(is_published=False, publish_from=start)

    response = editor_client.post(
        "/admin/fields/fieldofwork/",
        {"action": "publish", "_selected_action": [field.pk]},
        follow=True,
    )

    field.refresh_from_db()
    assert field.is_published
    assert field.publish_from == start
    assert not FieldOfWork.objects.published().exists()
    assert "1 davon erscheint erst zur geplanten Zeit." in response.content.decode()


def test_unpublishing_keeps_the_schedule(editor_client):
    start = timezone.now() + STEP
    event = EventFactory(publish_from=start)

    editor_client.post(
        "/admin/news/event/", {"action": "unpublish", "_selected_action": [event.pk]}
    )

    event.refresh_from_db()
    assert not event.is_published
    assert event.publish_from == start
    assert not Event.objects.with_status("geplant").exists()


def test_the_preview_pages_are_valid_html(editor_client, tmp_path):
    # Whole seconds: the event page writes its times into `datetime` attributes.
    starts_at = timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    drafts = [
        FieldOfWorkFactory(is_published=False),
        NewsItemFactory(is_published=False),
        EventFactory(is_published=False, starts_at=starts_at),
        NetworkFactory(is_published=False),
    ]
    pages = {draft.slug: editor_client.get(draft.get_absolute_url()) for draft in drafts}

    assert html_errors(pages, tmp_path) == []
