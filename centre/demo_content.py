"""Demo content for the centre: its profile, main location with opening hours, contact
persons, information pages and accessibility statement.

The profile, address, channels and opening hours are Oberhausen's; contact persons are
shown by their role, never by a real name, with the consultation hours pattern of the
Recklinghausen page. Facts of the information pages come from the seed pages
(Oberhausen's founding year, population and migrant organisations; the state law of
2012, the 49 centres, the co-funding ministries and the key-figure pattern of the
Oberbergischer Kreis); the prose is our own. Legal texts are examples that each centre
must adapt with its data protection officer.

Records are found again by a stable key (street, role, page kind, section anchor, figure
order), so a second run changes nothing.
"""

import datetime
from collections import Counter

from centre.models import (
    AccessibilityStatement,
    BodyKind,
    CentreProfile,
    Closure,
    ComplianceStatus,
    ConsultationHours,
    ContactPerson,
    InformationPage,
    KeyFigure,
    Location,
    OpeningHours,
    PageKind,
    PageSection,
    ReviewMethod,
    Weekday,
)
from languages.models import Language
from portal.demo import apply, translated

CENTRE = {
    "building": "Renate-Weckwerth-Haus",
    "street": "Mülheimer Straße 200",
    "postal_code": "46045",
    "city": "Oberhausen",
    "phone": "0208 825-4452",
    "fax": "0208 825-4480",
    "email": "kommunales-integrationszentrum@oberhausen.de",
    "parent_organization": "Stadt Oberhausen",
    "body_kind": BodyKind.CITY,
    "languages": ["de", "en"],
    "translations": {
        "de": {
            "name": "Kommunales Integrationszentrum Oberhausen",
            "legal_representative": "Der Oberbürgermeister der Stadt Oberhausen",
            "editorial_responsible": (
                "Die Bereichsleitung des Kommunalen Integrationszentrums, Anschrift wie oben"
            ),
            "data_protection_officer": (
                "Die behördliche Datenschutzbeauftragte der Stadt Oberhausen, "
                "erreichbar über die Anschrift des Zentrums"
            ),
            # Inspired by the vision paper of 2024, not quoted from it.
            "mission": (
                "Gemeinsam gestalten wir eine offene Stadt, in der alle Menschen mitreden "
                "können und dazugehören, ganz gleich, woher sie kommen."
            ),
        },
        "en": {
            "name": "Municipal Integration Centre Oberhausen",
            "legal_representative": "The Lord Mayor of the City of Oberhausen",
            "mission": (
                "Together we shape an open city where everyone has a say and belongs, "
                "wherever they come from."
            ),
        },
    },
}

# Whose papers the sample documents of fields of work and networks stand in for.
DOCUMENT_ISSUER = f"der {CENTRE['parent_organization']}"

# Contact persons by role, never by a real name, with the consultation hours pattern of
# the Recklinghausen page (Monday and Tuesday 09:00–14:00, Wednesday 09:00–14:30).
CONSULTATION_HOURS = [
    (Weekday.MONDAY, "09:00", "14:00"),
    (Weekday.TUESDAY, "09:00", "14:00"),
    (Weekday.WEDNESDAY, "09:00", "14:30"),
]
CONTACT_LANGUAGES = ["de", "en"]
CONTACT_PERSONS = [
    {
        "de": {
            "role": "Ansprechperson für Migrantenorganisationen",
            "unit": "Kommunales Integrationszentrum",
        },
        "en": {
            "role": "Contact for migrant organisations",
            "unit": "Municipal Integration Centre",
        },
    },
    {
        "de": {
            "role": "Ansprechperson für interkulturelle Öffnung",
            "unit": "Kommunales Integrationszentrum",
        },
        "en": {
            "role": "Contact for intercultural opening",
            "unit": "Municipal Integration Centre",
        },
    },
]

# Oberhausen's opening hours; further appointments by arrangement.
LOCATION = {
    "street": "Mülheimer Straße 200",
    "postal_code": "46045",
    "city": "Oberhausen",
    "translations": {
        "de": {"name": "Renate-Weckwerth-Haus"},
        "en": {"name": "Renate-Weckwerth-Haus"},
    },
    "hours": [
        (Weekday.MONDAY, "07:30", "16:15"),
        (Weekday.TUESDAY, "07:30", "16:15"),
        (Weekday.WEDNESDAY, "07:30", "16:15"),
        (Weekday.THURSDAY, "07:30", "16:15"),
        (Weekday.FRIDAY, "07:30", "13:00"),
    ],
}

PAGES = {
    PageKind.IMPRINT: {
        "intro": {
            "de": "<p>Diese Website ist ein Angebot des Kommunalen Integrationszentrums.</p>",
        },
        "sections": [
            (
                "haftung",
                {
                    "de": (
                        "Haftung für Inhalte",
                        "<p>Wir prüfen die Inhalte dieser Website sorgfältig und halten sie "
                        "aktuell. Trotzdem können sich Angaben ändern, etwa Öffnungszeiten oder "
                        "Termine. Im Zweifel fragen Sie bitte bei uns nach.</p>",
                    ),
                },
            ),
            (
                "links",
                {
                    "de": (
                        "Links auf andere Websites",
                        "<p>Für die Inhalte fremder Websites, auf die wir verlinken, sind deren "
                        "Anbieter verantwortlich. Erfahren wir von rechtswidrigen Inhalten, "
                        "entfernen wir den Link.</p>",
                    ),
                },
            ),
        ],
    },
    PageKind.PRIVACY: {
        "intro": {
            "de": (
                "<p>Hier erfahren Sie, welche Daten wir verarbeiten, wenn Sie diese Website "
                "nutzen oder uns schreiben, wozu wir das tun und welche Rechte Sie haben.</p>"
            ),
        },
        "sections": [
            (
                "website",
                {
                    "de": (
                        "Besuch dieser Website",
                        "<p>Um Ihnen die Seiten zu zeigen, verarbeitet der Server Ihre "
                        "IP-Adresse und die aufgerufene Adresse; seine Protokolle löschen wir "
                        "nach zwei Wochen. Wir binden keine Dienste "
                        "anderer Anbieter ein: Schriften und Bilder kommen von unserem "
                        "eigenen Server. Es gibt keine Statistik- oder Werbe-Cookies.</p>"
                        "<p>Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung "
                        "mit § 3 DSG NRW.</p>",
                    ),
                },
            ),
            (
                "cookies",
                {
                    "de": (
                        "Cookies",
                        "<p>Nur auf Seiten mit einem Formular setzen wir ein Cookie, das das "
                        "Formular vor Missbrauch schützt. Es ist technisch notwendig und "
                        "enthält keine Angaben über Sie.</p>",
                    ),
                },
            ),
            (
                "kontakt",
                {
                    "de": (
                        "Kontakt per E-Mail oder Telefon",
                        "<p>Wenn Sie uns schreiben oder anrufen, nutzen wir Ihre Angaben nur, "
                        "um Ihr Anliegen zu bearbeiten. Wir löschen sie, wenn es erledigt ist "
                        "und keine Aufbewahrungspflicht besteht.</p>",
                    ),
                },
            ),
            (
                "barrierefreiheit-rueckmeldung",
                {
                    "de": (
                        "Rückmeldungen zur Barrierefreiheit",
                        "<p>Wenn Sie uns eine Barriere melden, speichern wir Ihre "
                        "Beschreibung, die betroffene Seite und, wenn Sie sie angeben, Ihren "
                        "Namen und Ihre E-Mail-Adresse, um Ihnen zu antworten. Wir löschen die "
                        "Meldung zwölf Monate nach unserer Antwort. Haben wir nicht "
                        "geantwortet, löschen wir Ihren Namen und Ihre E-Mail-Adresse ein Jahr "
                        "nach dem Eingang.</p>",
                    ),
                },
            ),
            (
                "migrantenorganisationen",
                {
                    "de": (
                        "Verzeichnis der Migrantenorganisationen",
                        "<p>Wenn Sie Ihre Organisation für das Verzeichnis anmelden, "
                        "verarbeiten wir Ihre Angaben, um die Anmeldung zu prüfen, die "
                        "Organisation im Verzeichnis zu zeigen und Sie über unsere "
                        "Zusammenarbeit mit Migrantenorganisationen zu informieren. "
                        "Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit "
                        "§ 3 DSG NRW.</p>"
                        "<p>Öffentlich erscheinen Name, Rechtsform, Gründungsjahr, Stadtteil, "
                        "Website, soziale Medien, Sprachen, Tätigkeitsfelder, Zielgruppen und "
                        "Beschreibung. Anschrift, Name und Funktion der Ansprechperson, "
                        "E-Mail-Adresse und Telefonnummer erscheinen nur, wenn Sie es bei der "
                        "Anmeldung ausdrücklich erlauben. Diese Einwilligung können Sie "
                        "jederzeit über den Link in unseren E-Mails widerrufen.</p>"
                        "<p>Bestätigen Sie Ihre E-Mail-Adresse nicht, löschen wir die "
                        "Anmeldung nach sieben Tagen. Einmal im Jahr bitten wir Sie, Ihren "
                        "Eintrag zu bestätigen; ist er 13 Monate lang nicht bestätigt, "
                        "erscheint er nicht mehr im Verzeichnis, und ein halbes Jahr später "
                        "löschen wir ihn mit allen Angaben. Ziehen Sie Ihren Eintrag "
                        "zurück, löschen wir ihn sofort mit allen Angaben. In unserem "
                        "Protokoll der Entscheidungen bleibt nur vermerkt, dass ein Eintrag "
                        "zurückgezogen oder gelöscht wurde, ohne Namen.</p>",
                    ),
                },
            ),
            (
                "beratung",
                {
                    "de": (
                        "Beratung für Frauen und Mädchen",
                        "<p>Eine Anfrage an unsere Beratung kann etwas über Ihre Gesundheit, "
                        "Herkunft, Religion oder über Gewalt verraten. Wir behandeln sie "
                        "deshalb besonders vorsichtig: Nur das Beratungsteam sieht sie, jeder "
                        "Blick in Ihre Kontaktdaten wird protokolliert, und Ihre Kontaktdaten, "
                        "Ihr Name und Ihre Nachricht werden verschlüsselt gespeichert. Sie "
                        "müssen Ihren Namen nicht nennen, und wir fragen nur nach einem Weg, "
                        "Sie zu erreichen.</p>"
                        "<p>Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e und Art. 9 Abs. 2 "
                        "Buchst. g DSGVO in Verbindung mit § 15 DSG NRW; für eine Nachricht "
                        "in eigenen Worten Ihre ausdrückliche Einwilligung (Art. 9 Abs. 2 "
                        "Buchst. a DSGVO), die Sie jederzeit widerrufen können.</p>"
                        "<p>Eine E-Mail schicken wir Ihnen nur, wenn Sie darum bitten. Neunzig "
                        "Tage nach Abschluss Ihres Anliegens löschen wir Ihre Angaben "
                        "automatisch, eine Anfrage, die niemand bearbeitet, nach 180 Tagen. "
                        "Übrig bleibt nur eine Zählung ohne Bezug zu Ihnen (Monat, Thema, "
                        "Sprache, Kontaktweg) für unseren Jahresbericht. Auf Ihren Wunsch "
                        "löschen wir Ihre Anfrage sofort.</p>",
                    ),
                },
            ),
            (
                "empfaenger",
                {
                    "de": (
                        "Empfänger",
                        "<p>Ihre Daten verarbeiten nur die zuständigen Mitarbeitenden. Der "
                        "Betrieb des Servers kann einem IT-Dienstleister der Stadt übertragen "
                        "sein, der die Daten nur nach unserer Weisung verarbeitet.</p>",
                    ),
                },
            ),
            (
                "rechte",
                {
                    "de": (
                        "Ihre Rechte",
                        "<p>Sie können Auskunft über Ihre Daten verlangen, ihre Berichtigung "
                        "oder Löschung, die Einschränkung der Verarbeitung, und Sie können "
                        "widersprechen (Art. 15 bis 21 DSGVO).</p>",
                    ),
                },
            ),
            (
                "beschwerde",
                {
                    "de": (
                        "Beschwerde",
                        "<p>Sie können sich bei der Aufsichtsbehörde beschweren: bei der "
                        "Landesbeauftragten für Datenschutz und Informationsfreiheit "
                        "Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, "
                        "40213 Düsseldorf.</p>",
                    ),
                },
            ),
        ],
    },
    PageKind.EASY_LANGUAGE: {
        "intro": {
            "de": "<p>Hier erklären wir diese Website in Leichter Sprache.</p>",
        },
        "sections": [
            (
                "inhalt",
                {
                    "de": (
                        "Was steht auf dieser Website?",
                        "<p>Wir sind das Kommunale Integrationszentrum.</p>"
                        "<p>Wir helfen Menschen, die neu in der Stadt sind.</p>"
                        "<p>Wir helfen Vereinen von Menschen mit Einwanderungs-Geschichte.</p>"
                        "<p>Auf der Website finden Sie:</p>"
                        "<ul><li>unsere Aufgaben</li><li>unsere Angebote</li>"
                        "<li>unsere Adresse und unsere Öffnungs-Zeiten</li></ul>",
                    ),
                },
            ),
            (
                "navigation",
                {
                    "de": (
                        "So finden Sie sich zurecht",
                        "<p>Oben auf jeder Seite ist das Menü.</p>"
                        "<p>Dort können Sie auch die Sprache wählen.</p>"
                        "<p>Unten auf jeder Seite stehen unsere Adresse und Telefon-Nummer.</p>",
                    ),
                },
            ),
            (
                "barrierefreiheit",
                {
                    "de": (
                        "Ist die Website barrierefrei?",
                        "<p>Wir möchten: Alle Menschen können die Website gut benutzen.</p>"
                        "<p>Das klappt noch nicht überall.</p>"
                        "<p>Finden Sie ein Problem auf der Website?</p>"
                        "<p>Dann sagen Sie es uns bitte.</p>"
                        "<p>Wir antworten Ihnen in 2 Wochen.</p>",
                    ),
                },
            ),
            (
                "mehr",
                {
                    "de": (
                        "Hier finden Sie mehr",
                        "<p>Sie haben eine Frage?</p>"
                        "<p>Dann rufen Sie uns an oder schreiben Sie uns eine E-Mail.</p>"
                        "<p>Sie können auch zu uns kommen.</p>",
                    ),
                },
            ),
        ],
    },
    PageKind.ABOUT: {
        "intro": {
            "de": (
                "<p>Wir wollen eine Stadt, in der alle Menschen dazugehören und mitreden "
                "können. Dafür bringen wir Verwaltung, Schulen, Vereine und "
                "Migrantenorganisationen zusammen und öffnen Angebote für alle.</p>"
            ),
            "en": (
                "<p>We want a city where everyone belongs and has a say. To that end we "
                "bring together the administration, schools, clubs and migrant "
                "organisations and open services to everyone.</p>"
            ),
        },
        "sections": [
            (
                "geschichte",
                {
                    "de": (
                        "Geschichte",
                        "<p>Im Februar 2012 verabschiedete der Landtag Nordrhein-Westfalen das "
                        "Teilhabe- und Integrationsgesetz. Es sah landesweit 49 Kommunale "
                        "Integrationszentren vor. Das Zentrum in Oberhausen wurde 2013 "
                        "gegründet; im Oberbergischen Kreis begann das Team im August "
                        "2014.</p><p>2023 und 2024 hat das Oberhausener Team in zwei "
                        "Klausurtagungen eine gemeinsame Vision und Mission erarbeitet.</p>",
                    ),
                    "en": (
                        "History",
                        "<p>In February 2012 the parliament of North Rhine-Westphalia passed "
                        "the Participation and Integration Act. It provided for 49 municipal "
                        "integration centres across the state. The Oberhausen centre was "
                        "founded in 2013; in the Oberbergischer Kreis the team started in "
                        "August 2014.</p><p>In 2023 and 2024 the Oberhausen team worked out a "
                        "shared vision and mission in two retreats.</p>",
                    ),
                },
            ),
            (
                "finanzierung",
                {
                    "de": (
                        "Finanzierung und Netzwerk",
                        "<p>Die Kommunalen Integrationszentren werden vom Land "
                        "mitfinanziert, damals vom Ministerium für Arbeit, Integration und "
                        "Soziales (MAIS) und vom Ministerium für Schule und Weiterbildung "
                        "(MSW). Über die Landeskoordinierungsstelle sind alle Zentren in NRW "
                        "miteinander vernetzt.</p><p>Das Projekt zur Stärkung der "
                        "Oberhausener Migrantenorganisationen unterstützt das Bundesamt für "
                        "Migration und Flüchtlinge seit dem 1. Dezember 2012.</p>",
                    ),
                    "en": (
                        "Funding and network",
                        "<p>The municipal integration centres are co-funded by the state, at "
                        "the time by the Ministry of Labour, Integration and Social Affairs "
                        "(MAIS) and the Ministry of Schools and Further Education (MSW). The "
                        "state coordination office connects all centres in NRW.</p><p>The "
                        "Federal Office for Migration and Refugees has supported the project "
                        "for Oberhausen's migrant organisations since 1 December 2012.</p>",
                    ),
                },
            ),
        ],
        "key_figures": [
            {
                "de": ("212.000", "Menschen leben heute in Oberhausen", "Stadt Oberhausen, 2024"),
                "en": ("212,000", "people live in Oberhausen today", "City of Oberhausen, 2024"),
            },
            {
                "de": ("etwa 50", "Migrantenorganisationen arbeiten in Oberhausen", ""),
                "en": ("about 50", "migrant organisations work in Oberhausen", ""),
            },
            {
                "de": (
                    "27 %",
                    "der Menschen im Oberbergischen Kreis haben eine Einwanderungsgeschichte: "
                    "mehr als 73.000 von rund 273.000",
                    "Oberbergischer Kreis, Mai 2011",
                ),
                "en": (
                    "27 %",
                    "of the people in the Oberbergischer Kreis have a migration background: "
                    "more than 73,000 of about 273,000",
                    "Oberbergischer Kreis, May 2011",
                ),
            },
            {
                "de": ("49", "Kommunale Integrationszentren sah das Landesgesetz 2012 vor", ""),
                "en": ("49", "municipal integration centres under the state law of 2012", ""),
            },
        ],
    },
}

STATEMENT = {
    "status": ComplianceStatus.PARTIAL,
    "method": ReviewMethod.SELF,
    "translations": {
        "de": {
            "known_barriers": (
                "<p>Einige ältere PDF-Dokumente sind noch nicht barrierefrei. Wir ersetzen "
                "sie nach und nach. Bis dahin schicken wir Ihnen den Inhalt gern in einer "
                "anderen Form.</p><p>Nicht alle Inhalte gibt es in allen Sprachen der "
                "Website. Sie erscheinen dann auf Deutsch und sind so gekennzeichnet.</p>"
            ),
            "method_details": (
                "Jede Seite wird automatisch mit axe-core und dem Nu HTML Checker geprüft; "
                "die Redaktion prüft außerdem Tastaturbedienung und Vorlesen."
            ),
            "ombudsstelle": (
                "Ombudsstelle für barrierefreie Informationstechnik des Landes "
                "Nordrhein-Westfalen\nbei der Landesbeauftragten für Menschen mit "
                "Behinderung\nFürstenwall 25\n40219 Düsseldorf"
            ),
        },
    },
}


def load_centre(counts: Counter) -> None:
    centre = CentreProfile.objects.first() or CentreProfile()
    values = {
        name: value for name, value in CENTRE.items() if name not in {"translations", "languages"}
    }
    counts["centre profile", apply(centre, values, translated(CENTRE["translations"]))] += 1
    centre.languages.set(Language.objects.filter(code__in=CENTRE["languages"]))


def load_location(counts: Counter) -> None:
    """The main location with its weekly hours and the closure between the holidays."""
    location = Location.objects.filter(street=LOCATION["street"]).first() or Location()
    values = {name: LOCATION[name] for name in ("street", "postal_code", "city")}
    counts["locations", apply(location, values, translated(LOCATION["translations"]))] += 1
    for weekday, opens, closes in LOCATION["hours"]:
        _hours, created = OpeningHours.objects.get_or_create(
            location=location, weekday=weekday, opens=opens, closes=closes
        )
        counts["opening hours", "created" if created else "unchanged"] += 1
    year = datetime.date.today().year
    closure = Closure.objects.filter(
        location=location,
        starts_on=datetime.date(year, 12, 28),
        ends_on=datetime.date(year, 12, 31),
    ).first() or Closure(
        location=location,
        starts_on=datetime.date(year, 12, 28),
        ends_on=datetime.date(year, 12, 31),
    )
    reasons = {"de": {"reason": "Zwischen den Jahren"}, "en": {"reason": "Between the holidays"}}
    counts["closures", apply(closure, translations=translated(reasons))] += 1


def load_contact_persons(counts: Counter) -> None:
    """Contact persons reach the centre's own phone and e-mail; found again by their role."""
    for order, data in enumerate(CONTACT_PERSONS):
        person = (
            ContactPerson.objects.filter(
                translations__language_code="de", translations__role=data["de"]["role"]
            ).first()
            or ContactPerson()
        )
        values = {"order": order, "phone": CENTRE["phone"], "email": CENTRE["email"]}
        translations = {language: data[language] for language in ("de", "en")}
        counts["contact persons", apply(person, values, translated(translations))] += 1
        person.languages.set(Language.objects.filter(code__in=CONTACT_LANGUAGES))
        for weekday, opens, closes in CONSULTATION_HOURS:
            _hours, created = ConsultationHours.objects.get_or_create(
                contact_person=person, weekday=weekday, opens=opens, closes=closes
            )
            counts["consultation hours", "created" if created else "unchanged"] += 1


def load_pages(counts: Counter) -> None:
    for kind, data in PAGES.items():
        page = InformationPage.objects.filter(kind=kind).first() or InformationPage(kind=kind)
        intro = {language: {"intro": text} for language, text in data["intro"].items()}
        counts["information pages", apply(page, translations=intro)] += 1
        for order, (anchor, texts) in enumerate(data["sections"]):
            section = PageSection.objects.filter(page=page, anchor=anchor).first() or PageSection(
                page=page, anchor=anchor
            )
            translations = {
                language: {"heading": heading, "body": body}
                for language, (heading, body) in texts.items()
            }
            counts["page sections", apply(section, {"order": order}, translations)] += 1
        for order, texts in enumerate(data.get("key_figures", [])):
            figure = KeyFigure.objects.filter(page=page, order=order).first() or KeyFigure(
                page=page, order=order
            )
            translations = {
                language: {"value": value, "label": label, "source": source}
                for language, (value, label, source) in texts.items()
            }
            counts["key figures", apply(figure, translations=translations)] += 1


def load_statement(counts: Counter) -> None:
    """The statement is reviewed "today" when first loaded; later runs keep the staff's dates."""
    statement = AccessibilityStatement.objects.first()
    if statement is None:
        today = datetime.date.today()
        statement = AccessibilityStatement(prepared_on=today, last_reviewed=today)
    values = {"status": STATEMENT["status"], "method": STATEMENT["method"]}
    counts["accessibility statement", apply(statement, values, STATEMENT["translations"])] += 1


def load(counts: Counter) -> None:
    load_centre(counts)
    load_location(counts)
    load_contact_persons(counts)
    load_pages(counts)
    load_statement(counts)
