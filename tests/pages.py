"""The public pages every accessibility and validity check covers, with data to fill them."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from centre.models import (
    AccessibilityStatement,
    BodyKind,
    CentreProfile,
    Closure,
    ConsultationHours,
    ContactPerson,
    InformationPage,
    KeyFigure,
    Location,
    OpeningHours,
    PageKind,
    PageSection,
    Weekday,
)
from counselling.models import Counsellor
from languages.models import Language
from networks.models import Kind, Level, Membership, Network, NetworkDocument, Partner, Theme
from organisations.models import Activity, Audience
from tests.factories import (
    DistrictFactory,
    DocumentFactory,
    EventFactory,
    FieldOfWorkFactory,
    NetworkMeetingFactory,
    NewsItemFactory,
    OfferFactory,
    OrganisationFactory,
    SupportOfferFactory,
    TargetGroupFactory,
    image,
    mp4,
)

LANGUAGES = ["de", "ar"]


def picture(kind: str = "JPEG", size: tuple[int, int] = (1600, 900)) -> SimpleUploadedFile:
    """An upload for an image field: a plain area of colour drawn by Pillow."""
    return SimpleUploadedFile(f"bild.{kind.lower()}", image(kind, size=size))


PUBLIC_PAGES = {
    "home": "/{language}/",
    "fields": "/{language}/handlungsfelder/",
    "field": "/{language}/handlungsfelder/integration-durch-sport/",
    "target-group": "/{language}/fuer/neuzugewanderte/",
    "news": "/{language}/aktuelles/",
    "news-item": "/{language}/aktuelles/frauentag-2024/",
    "events": "/{language}/veranstaltungen/",
    "event": "/{language}/veranstaltungen/internationaler-frauentag/",
    "contact": "/{language}/kontakt/",
    "imprint": "/{language}/impressum/",
    "privacy": "/{language}/datenschutz/",
    "accessibility": "/{language}/barrierefreiheit/",
    "barrier-feedback": "/{language}/barrierefreiheit/rueckmeldung/",
    "barrier-feedback-thanks": "/{language}/barrierefreiheit/rueckmeldung/danke/",
    "easy-language": "/{language}/leichte-sprache/",
    "about": "/{language}/ueber-uns/",
    "organisations": "/{language}/migrantenorganisationen/",
    "organisations-directory": "/{language}/migrantenorganisationen/verzeichnis/",
    "organisations-search": (
        "/{language}/migrantenorganisationen/verzeichnis/?q=Verein&language=tr&activity=kultur"
    ),
    "organisation": "/{language}/migrantenorganisationen/verzeichnis/kulturbruecke-osterfeld/",
    "organisation-register": "/{language}/migrantenorganisationen/anmelden/",
    "organisation-registered": "/{language}/migrantenorganisationen/anmelden/danke/",
    "organisation-new-link": "/{language}/migrantenorganisationen/eintrag/link/",
    "organisation-new-link-sent": "/{language}/migrantenorganisationen/eintrag/link/gesendet/",
    "networks": "/{language}/netzwerke/",
    "network": "/{language}/netzwerke/staedtekooperation-ruhr/",
    "counselling": "/{language}/beratung/",
    "counselling-request": "/{language}/beratung/anfrage/",
    "counselling-sent": "/{language}/beratung/anfrage/gesendet/",
    "not-found": "/{language}/handlungsfelder/gibt-es-nicht/",
}

# Pages with a form set the CSRF cookie; every other page sets none.
PAGES_WITH_A_FORM = {
    "barrier-feedback",
    "organisation-register",
    "organisation-new-link",
    "counselling-request",
}
# An error page and a page only reached after sending a form are no place to land from search.
NOT_IN_SITEMAP = {
    "not-found",
    "barrier-feedback-thanks",
    "organisations-search",
    "organisation-registered",
    "organisation-new-link",
    "organisation-new-link-sent",
    "counselling-sent",
}


def create_public_content():
    """A centre with fields of work that use every part of the detail page.

    A featured target group holds two of the fields, so the home page shows its
    "Wer sind Sie?" section and the group's page lists fields and offers.
    """
    CentreProfile.objects.create(
        name="Kommunales Integrationszentrum Musterstadt",
        mission="Wir gestalten das Zusammenleben in Vielfalt.",
        building="Haus der Vielfalt",
        street="Musterstraße 1",
        postal_code="12345",
        city="Musterstadt",
        phone="0208 123-4567",
        fax="0208 123-4500",
        email="integrationszentrum@musterstadt.example",
        parent_organization="Stadt Musterstadt",
        body_kind=BodyKind.CITY,
        legal_representative="Die Oberbürgermeisterin der Stadt Musterstadt",
        editorial_responsible="Leitung des Zentrums, Anschrift wie oben",
        data_protection_officer="Datenschutzbeauftragte der Stadt, datenschutz@musterstadt.example",
    )
    create_information_pages()
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
        image=picture(),
        image_alt="Eine Gruppe beim Aufwärmen auf dem Sportplatz.",
    )
    sport.set_current_language("en")
    sport.title = "Integration through sport"
    sport.summary = "Coach training for migrants."
    sport.save()
    sport.set_current_language("de")
    newcomers = TargetGroupFactory(
        name="Neuzugewanderte",
        slug="neuzugewanderte",
        teaser="Wir helfen Ihnen beim Ankommen.",
        featured=True,
    )
    sport.target_groups.add(newcomers)
    education.target_groups.add(newcomers)
    sport.related_fields.add(education)
    OfferFactory(field_of_work=sport, title="Übungsleiterschulung", description="Zwei Wochenenden")
    DocumentFactory(field_of_work=sport, title="Leitfaden für Vereine")
    person = ContactPerson.objects.create(
        role="Ansprechperson für Sport",
        unit="Kommunales Integrationszentrum",
        phone="0208 123-4568",
        email="sport@musterstadt.example",
        image=picture(size=(600, 800)),
        image_decorative=True,
    )
    person.languages.set(Language.objects.filter(code__in=["de", "ar", "fa"]))
    ConsultationHours.objects.create(
        contact_person=person, weekday=Weekday.MONDAY, opens="09:00", closes="14:00"
    )
    sport.contact_persons.add(person)
    counsellor = ContactPerson.objects.create(
        role="Ansprechpartnerin für Mädchen und Frauen",
        phone="0208 123-4569",
    )
    counsellor.languages.set(Language.objects.filter(code__in=["de", "tr", "ar"]))
    ConsultationHours.objects.create(
        contact_person=counsellor, weekday=Weekday.TUESDAY, opens="09:00", closes="14:00"
    )
    Counsellor.objects.create(contact_person=counsellor)
    create_networks(sport)
    create_news_and_events(location)
    create_organisations()
    return sport


def create_information_pages():
    """Every information page with sections, the about page's figures and a DGS video."""
    for kind in PageKind.values:
        page = InformationPage.objects.create(kind=kind, intro="<p>Worum es hier geht.</p>")
        for order, anchor in enumerate(["erstens", "zweitens", "drittens"]):
            PageSection.objects.create(
                page=page,
                anchor=anchor,
                order=order,
                heading=f"Abschnitt {order + 1}",
                body='<p>Ein Absatz mit einem <a href="https://example.org">Link</a>.</p>',
            )
    about = InformationPage.objects.get(kind=PageKind.ABOUT)
    KeyFigure.objects.create(page=about, value="27 %", label="Anteil", source="Mai 2011")
    easy = InformationPage.objects.get(kind=PageKind.EASY_LANGUAGE)
    easy.sign_language_video = SimpleUploadedFile("dgs.mp4", mp4(95))
    easy.save()
    AccessibilityStatement.objects.create(
        prepared_on=datetime.date(2026, 1, 15),
        last_reviewed=datetime.date(2026, 1, 15),
        known_barriers="<p>Ältere PDF-Dateien sind nicht barrierefrei.</p>",
        method_details="Automatische und manuelle Prüfung.",
        ombudsstelle="Ombudsstelle für barrierefreie Informationstechnik\nDüsseldorf",
        ombudsstelle_email="ombudsstelle@example.org",
    )


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
        image=picture(),
        image_alt="Frauen sitzen an langen Tischen beim Frühstück.",
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
        image=picture(size=(900, 600)),
        image_alt="Ein geschmückter Saal mit Bühne.",
    )
    EventFactory(title="Netzwerktreffen", starts_at=starts_at + datetime.timedelta(days=40))


def create_organisations():
    """Enough entries for a second page of the directory, one that publishes everything,
    a support offer and a coming network meeting."""
    osterfeld = DistrictFactory(name="Osterfeld")
    # The browser tests empty the database, the seeded lists included.
    turkish, _ = Language.objects.get_or_create(
        code="tr", defaults={"name": "Türkçe", "name_de": "Türkisch"}
    )
    arabic, _ = Language.objects.get_or_create(
        code="ar", defaults={"name": "العربية", "name_de": "Arabisch"}
    )
    culture = Activity.objects.filter(slug="kultur").first() or Activity.objects.create(
        slug="kultur", name="Kultur"
    )
    women = Audience.objects.filter(slug="frauen").first() or Audience.objects.create(
        slug="frauen", name="Frauen"
    )
    for number in range(21):
        organisation = OrganisationFactory(name=f"Verein Nummer {number}", district=osterfeld)
        organisation.languages.set([turkish])
        organisation.activities.set([culture])
    organisation = OrganisationFactory(
        name="Kulturbrücke Osterfeld e. V.",
        slug="kulturbruecke-osterfeld",
        founded_year=1998,
        district=osterfeld,
        street="Musterstraße 5",
        postal_code="12345",
        city="Musterstadt",
        website="https://kulturbruecke.example.org",
        social_links=["https://social.example.org/a-very-long-name-of-the-kulturbruecke"],
        description="A cultural association: music, dance and language courses.",
        language="en",
        contact_phone="0208 123-9999",
        publish_address=True,
        publish_contact_name=True,
        publish_contact_email=True,
        publish_contact_phone=True,
    )
    organisation.languages.set([turkish, arabic])
    organisation.activities.set([culture])
    organisation.audiences.set([women])
    SupportOfferFactory(
        title="Hilfe bei Veranstaltungen", description="Wir planen Ihre Veranstaltung mit Ihnen."
    )
    NetworkMeetingFactory()


def create_networks(field):
    """A current city cooperation with cities, themes, a field, a document and an outdated
    Arabic translation; a former group."""
    theme = Theme.objects.create(name="Umgang mit Vielfalt")
    cooperation = Network.objects.create(
        slug="staedtekooperation-ruhr",
        name="Städtekooperation „Integration.Interkommunal“",
        description="Acht Städte entwickeln gemeinsam Lösungen.",
        centre_role="bringt die Sicht der Stadt ein",
        level=Level.REGIONAL,
        kind=Kind.CITY_COOPERATION,
        since=datetime.date(2013, 7, 9),
        website="https://example.org/kooperation",
        is_published=True,
    )
    # Translated into Arabic before the German text changed: its page notes that.
    cooperation.set_current_language("ar")
    cooperation.name = "تعاون المدن «الاندماج بين البلديات»"
    cooperation.description = "ثماني مدن تطوّر الحلول معًا."
    cooperation.save()
    cooperation.set_current_language("de")
    cooperation.description = "Acht Städte entwickeln gemeinsam Lösungen für das Zusammenleben."
    cooperation.save()
    cooperation.themes.add(theme)
    cooperation.fields_of_work.add(field)
    # A logo beside the partner's name says nothing more: decorative.
    logo = {"image": picture("PNG", size=(300, 120)), "image_decorative": True}
    for name, image_fields in [("Bochum", logo), ("Mülheim an der Ruhr", {})]:
        Membership.objects.create(
            network=cooperation,
            partner=Partner.objects.create(name=name, kind="city", **image_fields),
        )
    NetworkDocument.objects.create(
        network=cooperation,
        title="Kontrakt (Muster)",
        file=SimpleUploadedFile("kontrakt.pdf", b"%PDF-1.4 test"),
    )
    Network.objects.create(
        slug="ak-frueher",
        name="AK Sprachförderung",
        description="Ein Arbeitskreis, der seine Arbeit beendet hat.",
        level=Level.LOCAL,
        kind=Kind.WORKING_GROUP,
        since=datetime.date(2015, 1, 1),
        ended_on=datetime.date(2020, 12, 31),
        is_published=True,
    )
