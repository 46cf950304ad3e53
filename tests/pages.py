"""The public pages every accessibility and validity check covers, with data to fill them."""

import datetime

from django.utils import timezone

from centre.models import (
    CentreProfile,
    Closure,
    ConsultationHours,
    ContactPerson,
    Location,
    OpeningHours,
    Weekday,
)
from tests.factories import (
    DocumentFactory,
    EventFactory,
    FieldOfWorkFactory,
    NewsItemFactory,
    OfferFactory,
    TargetGroupFactory,
)

LANGUAGES = ["de", "ar"]

PUBLIC_PAGES = {
    "home": "/{language}/",
    "fields": "/{language}/handlungsfelder/",
    "field": "/{language}/handlungsfelder/integration-durch-sport/",
    "news": "/{language}/aktuelles/",
    "news-item": "/{language}/aktuelles/frauentag-2024/",
    "events": "/{language}/veranstaltungen/",
    "event": "/{language}/veranstaltungen/internationaler-frauentag/",
    "contact": "/{language}/kontakt/",
    "imprint": "/{language}/impressum/",
    "privacy": "/{language}/datenschutz/",
    "accessibility": "/{language}/barrierefreiheit/",
    "easy-language": "/{language}/leichte-sprache/",
    "not-found": "/{language}/handlungsfelder/gibt-es-nicht/",
}


def create_public_content():
    """A centre with fields of work that use every part of the detail page."""
    CentreProfile.objects.create(
        name="Kommunales Integrationszentrum Musterstadt",
        mission="Wir gestalten das Zusammenleben in Vielfalt.",
        building="Haus der Vielfalt",
        street="Musterstraße 1",
        postal_code="12345",
        city="Musterstadt",
        phone="0208 123-4567",
        email="integrationszentrum@musterstadt.example",
    )
    location = Location.objects.create(
        name="Haus der Vielfalt",
        street="Musterstraße 1",
        postal_code="12345",
        city="Musterstadt",
        directions="Bus 966 bis Haltestelle Rathaus.",
        access="Stufenloser Eingang, Aufzug.",
    )
    today = datetime.date.today()
    Closure.objects.create(
        location=location,
        starts_on=today + datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=33),
        reason="Betriebsausflug",
    )
    for weekday in Weekday:
        OpeningHours.objects.create(
            location=location, weekday=weekday, opens="08:00", closes="16:00"
        )
    education = FieldOfWorkFactory(title="Bildung und Sprache", slug="bildung-und-sprache")
    sport = FieldOfWorkFactory(
        title="Integration durch Sport",
        slug="integration-durch-sport",
        summary="Übungsleiterschulungen für Migrantinnen und Migranten.",
        body=(
            "<p>Sport verbindet Menschen.</p><h2>Ziele</h2>"
            '<ul><li>Vereine öffnen</li></ul><p><a href="https://example.org">Mehr</a></p>'
        ),
    )
    sport.set_current_language("en")
    sport.title = "Integration through sport"
    sport.summary = "Coach training for migrants."
    sport.save()
    sport.set_current_language("de")
    sport.target_groups.add(TargetGroupFactory(name="Neuzugewanderte"))
    sport.related_fields.add(education)
    OfferFactory(field_of_work=sport, title="Übungsleiterschulung", description="Zwei Wochenenden")
    DocumentFactory(field_of_work=sport, title="Leitfaden für Vereine")
    person = ContactPerson.objects.create(
        role="Ansprechperson für Sport",
        unit="Kommunales Integrationszentrum",
        phone="0208 123-4568",
        email="sport@musterstadt.example",
        languages="de, ar, fa",
    )
    ConsultationHours.objects.create(
        contact_person=person, weekday=Weekday.MONDAY, opens="09:00", closes="14:00"
    )
    sport.contact_persons.add(person)
    create_news_and_events(location)
    return sport


def create_news_and_events(location):
    """Enough news for a second page, and a coming event at the centre's location."""
    NewsItemFactory.create_batch(
        10, published_on=datetime.date.today() - datetime.timedelta(days=7)
    )
    news = NewsItemFactory(
        title="Rund 120 Frauen feiern den Internationalen Frauentag",
        slug="frauentag-2024",
        teaser="Das Integrationszentrum hat mit rund 120 Frauen gefeiert.",
        body=(
            "<p>Mit Grußworten und einem Frühstück.</p>"
            "<h2>Austausch</h2><ul><li>Bedarfe und Wünsche</li></ul>"
        ),
    )
    news.set_current_language("en")
    news.title = "Around 120 women celebrate International Women's Day"
    news.teaser = "The integration centre celebrated with around 120 women."
    news.save()
    starts_at = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    EventFactory(
        title="Internationaler Frauentag",
        slug="internationaler-frauentag",
        venue="Haus der Vielfalt, Saal 1",
        location=location,
        starts_at=starts_at + datetime.timedelta(days=20),
        ends_at=starts_at + datetime.timedelta(days=20, hours=4),
        registration_note="Bitte melden Sie sich bis eine Woche vorher an.",
    )
    EventFactory(title="Netzwerktreffen", starts_at=starts_at + datetime.timedelta(days=40))
