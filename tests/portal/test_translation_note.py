"""The note on a public page whose translation is outdated or missing."""

import datetime

import pytest

from centre.models import CentreProfile
from fields.models import Offer
from news.models import NewsItem
from tests.factories import FieldOfWorkFactory, NewsItemFactory, OfferFactory

pytestmark = pytest.mark.django_db

OUTDATED = {
    "en": "The German text has changed since this translation was written.",
    "ar": "تغيّر النص الألماني بعد كتابة هذه الترجمة.",
}
GERMAN_ORIGINAL = {"en": "Read the German original", "ar": "اقرأ النص الألماني الأصلي"}


def translate(obj, language, **values):
    obj.set_current_language(language)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()
    obj.set_current_language("de")


@pytest.fixture
def item(clock):
    CentreProfile.objects.create(name="KI Musterstadt")
    item = NewsItemFactory(slug="frauentag", title="Frauentag")
    translate(item, "en", title="Women's Day", teaser="We celebrated.")
    return item


def page(client, language):
    response = client.get(f"/{language}/aktuelles/frauentag/")
    assert response.status_code == 200
    return response.content.decode()


def test_an_outdated_translation_says_so_and_links_the_german_original(client, item, clock):
    clock.advance(datetime.timedelta(minutes=1))
    translate(NewsItem.objects.get(pk=item.pk), "de", teaser="Rund 120 Frauen feierten.")

    html = page(client, "en")

    assert '<p class="outdated-note kern-body--small">' + OUTDATED["en"] in html
    assert (
        '<a class="kern-link" href="/de/aktuelles/frauentag/" hreflang="de">'
        f"{GERMAN_ORIGINAL['en']}</a>"
    ) in html
    assert '<h1 class="kern-heading-x-large">Women&#x27;s Day</h1>' in html
    assert "fallback-note" not in html


def test_a_current_translation_carries_no_note(client, item):
    html = page(client, "en")

    assert "outdated-note" not in html
    assert "fallback-note" not in html


def test_a_missing_translation_shows_the_german_text_marked_as_german(client, item):
    html = page(client, "ar")

    assert '<p class="fallback-note' in html
    assert "outdated-note" not in html
    assert '<h1 class="kern-heading-x-large" lang="de" dir="ltr">Frauentag</h1>' in html


def test_the_german_page_carries_no_note(client, item, clock):
    clock.advance(datetime.timedelta(minutes=1))
    translate(NewsItem.objects.get(pk=item.pk), "de", teaser="Rund 120 Frauen feierten.")

    html = page(client, "de")

    assert "outdated-note" not in html
    assert "fallback-note" not in html


def test_the_note_costs_no_query(client, item, clock, django_assert_num_queries):
    clock.advance(datetime.timedelta(minutes=1))
    translate(NewsItem.objects.get(pk=item.pk), "de", teaser="Rund 120 Frauen feierten.")
    client.get("/en/aktuelles/frauentag/")

    # news item, its translations: the status is read from them
    with django_assert_num_queries(2):
        response = client.get("/en/aktuelles/frauentag/")

    assert OUTDATED["en"] in response.content.decode()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_outdated_field_of_work_says_so(client, clock, language):
    field = FieldOfWorkFactory(slug="sport")
    translate(field, language, title="Sport", summary="…")
    clock.advance(datetime.timedelta(minutes=1))
    translate(field, "de", summary="Neu.")

    response = client.get(f"/{language}/handlungsfelder/sport/")

    html = response.content.decode()
    assert OUTDATED[language] in html
    assert (
        f'href="/de/handlungsfelder/sport/" hreflang="de">{GERMAN_ORIGINAL[language]}</a>' in html
    )


@pytest.fixture
def field_with_offer(clock):
    CentreProfile.objects.create(name="KI Musterstadt")
    field = FieldOfWorkFactory(slug="sport", title="Sport")
    translate(field, "en", title="Sport", summary="Coach training.")
    offer = OfferFactory(field_of_work=field, title="Schwimmkurs", description="")
    translate(offer, "en", title="Swimming course")
    return field


def test_a_field_of_work_whose_offers_are_translated_carries_no_note(client, field_with_offer):
    html = client.get("/en/handlungsfelder/sport/").content.decode()

    assert "Swimming course" in html
    assert "outdated-note" not in html
    assert "fallback-note" not in html


def test_an_offer_whose_german_changed_outdates_its_field_of_works_page(
    client, field_with_offer, clock
):
    clock.advance(datetime.timedelta(minutes=1))
    translate(Offer.objects.get(), "de", title="Schwimmkurs für Frauen")

    html = client.get("/en/handlungsfelder/sport/").content.decode()

    assert OUTDATED["en"] in html
    assert "fallback-note" not in html


def test_a_new_offer_without_english_outdates_its_field_of_works_page(client, field_with_offer):
    OfferFactory(field_of_work=field_with_offer, title="Radkurs")

    html = client.get("/en/handlungsfelder/sport/").content.decode()

    # The field's own text is English: the page says it lags behind, not that it is German.
    assert OUTDATED["en"] in html
    assert "fallback-note" not in html
    assert '<li lang="de" dir="ltr">' in html
