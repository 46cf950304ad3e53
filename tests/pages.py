"""The public pages every accessibility and validity check covers, with data to fill them."""

import datetime

from centre.models import (
    CentreProfile,
    Closure,
    ConsultationHours,
    ContactPerson,
    Location,
    OpeningHours,
    Weekday,
)
from tests.factories import DocumentFactory, FieldOfWorkFactory, OfferFactory, TargetGroupFactory

LANGUAGES = ["de", "ar"]

PUBLIC_PAGES = {
    "home": "/{language}/",
    "fields": "/{language}/handlungsfelder/",
    "field": "/{language}/handlungsfelder/integration-durch-sport/",
    "contact": "/{language}/kontakt/",
    "imprint": "/{language}/impressum/",
    "privacy": "/{language}/datenschutz/",
    "accessibility": "/{language}/barrierefreiheit/",
    "barrier-feedback": "/{language}/barrierefreiheit/rueckmeldung/",
    "barrier-feedback-thanks": "/{language}/barrierefreiheit/rueckmeldung/danke/",
    "easy-language": "/{language}/leichte-sprache/",
    "not-found": "/{language}/handlungsfelder/gibt-es-nicht/",
}

# Pages with a form set the CSRF cookie; every other page sets none.
PAGES_WITH_A_FORM = {"barrier-feedback"}
# An error page and a page only reached after sending a form are no place to land from search.
NOT_IN_SITEMAP = {"not-found", "barrier-feedback-thanks"}


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
    return sport
