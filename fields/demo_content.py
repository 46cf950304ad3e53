"""Demo content: facts from the public pages of several NRW centres, in our own words.

The centre profile is Oberhausen's; the fields of work combine what Oberhausen,
Kreis Recklinghausen, Bielefeld and the Oberbergischer Kreis describe, so the demo
shows that nothing about one city is built in. Sample documents are generated and
say plainly that they only stand in for the real papers.

Some fields have no English text on purpose, and none has Arabic: the portal then
shows the German text with a note, and the demo should show that note too.

`load()` is idempotent: it looks every record up by a stable key, saves only what
differs from the data below and never replaces a document that already exists.
"""

import datetime
from collections import Counter

from django.core.files.base import ContentFile
from django.db import transaction

from centre.models import (
    BodyKind,
    CentreProfile,
    Closure,
    ConsultationHours,
    ContactPerson,
    Location,
    OpeningHours,
    Weekday,
)
from fields.models import Document, FieldOfWork, Offer, TargetGroup
from ki_portal.richtext import RichTextField, sanitize_html

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

# Contact persons by role, never by a real name, with the consultation hours pattern of
# the Recklinghausen page (Monday and Tuesday 09:00–14:00, Wednesday 09:00–14:30).
CONSULTATION_HOURS = [
    (Weekday.MONDAY, "09:00", "14:00"),
    (Weekday.TUESDAY, "09:00", "14:00"),
    (Weekday.WEDNESDAY, "09:00", "14:30"),
]
CONTACT_PERSONS = [
    {
        "fields": ["migrantenorganisationen"],
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
        "fields": ["interkulturelle-oeffnung", "integration-als-querschnittsaufgabe"],
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

# Target groups are found again by their German name, not by `order`: `order` defaults
# to 0, so a group staff add without touching it would be taken for the first demo group
# and renamed. A renamed demo group at worst comes back once as a new group. The six
# groups the home page names under "Wer sind Sie?" are featured.
TARGET_GROUPS = [
    {
        "slug": "frauen-und-maedchen",
        "featured": True,
        "de": {
            "name": "Frauen und Mädchen",
            "teaser": (
                "Eine feste Ansprechpartnerin berät Sie und geht auf Wunsch mit Ihnen zu einem Amt."
            ),
        },
        "en": {
            "name": "Women and girls",
            "teaser": (
                "A fixed contact person advises you and goes with you to an office if you wish."
            ),
        },
    },
    {
        "slug": "seniorinnen-und-senioren",
        "featured": True,
        "de": {
            "name": "Seniorinnen und Senioren",
            "teaser": "Informationen zu Pflege und zu Hilfen im Alltag, auch in mehreren Sprachen.",
        },
        "en": {
            "name": "Older people",
            "teaser": (
                "Information on care and on help in everyday life, also in several languages."
            ),
        },
    },
    {
        "slug": "familien-und-eltern",
        "featured": True,
        "de": {
            "name": "Familien und Eltern",
            "teaser": "Beratung zu Kita, Schule und Sprache, damit Ihr Kind gut lernen kann.",
        },
        "en": {
            "name": "Families and parents",
            "teaser": "Advice on day care, school and language, so that your child can learn well.",
        },
    },
    {
        "slug": "kinder-und-jugendliche",
        "featured": False,
        "de": {
            "name": "Kinder und Jugendliche",
            "teaser": "Sport, Bildung und Sprache: Angebote für junge Menschen.",
        },
        "en": {
            "name": "Children and young people",
            "teaser": "Sport, education and language: offers for young people.",
        },
    },
    {
        "slug": "neuzugewanderte",
        "featured": True,
        "de": {
            "name": "Neuzugewanderte",
            "teaser": (
                "Sie sind neu hier? Wir helfen beim Ankommen, zum Beispiel mit Schule und Sprache."
            ),
        },
        "en": {
            "name": "Newcomers",
            "teaser": "New here? We help you settle in, for example with school and language.",
        },
    },
    {
        "slug": "migrantenorganisationen",
        "featured": True,
        "de": {
            "name": "Migrantenorganisationen",
            "teaser": "Vernetzung, Fortbildungen und Hinweise auf Fördermittel für Ihren Verein.",
        },
        "en": {
            "name": "Migrant organisations",
            "teaser": "Networking, training and funding information for your association.",
        },
    },
    {
        "slug": "fachkraefte-und-verwaltung",
        "featured": True,
        "de": {
            "name": "Fachkräfte und Verwaltung",
            "teaser": "Beratung und Schulungen, damit Ihr Amt oder Ihre Einrichtung alle erreicht.",
        },
        "en": {
            "name": "Professionals and administration",
            "teaser": "Advice and training, so that your office or institution reaches everyone.",
        },
    },
]
WOMEN, SENIORS, FAMILIES, YOUTH, NEWCOMERS, ORGANISATIONS, PROFESSIONALS = range(7)

# Fields of work in the order shown. Each offer is a dict of language -> (title,
# description); offers are found again by their German title within their field.
FIELDS = [
    {
        "slug": "integration-als-querschnittsaufgabe",
        "groups": [PROFESSIONALS, ORGANISATIONS],
        "related": ["interkulturelle-oeffnung", "migrantenorganisationen"],
        "de": {
            "title": "Integration als Querschnittsaufgabe",
            "summary": (
                "Integration betrifft alle Bereiche einer Stadt: Arbeit, Wirtschaft, Sport, "
                "Kultur und Gesundheit. Wir bringen die Beteiligten zusammen."
            ),
            "body": (
                "<p>Gutes Zusammenleben ist nicht die Sache eines einzelnen Amtes. Schulen, "
                "Verwaltung, freie Träger und Vereine tragen alle dazu bei. Das Kommunale "
                "Integrationszentrum verbindet diese Stellen. So werden Angebote bekannter "
                "und bleiben dauerhaft bestehen.</p>"
                "<h2>Was wir tun</h2>"
                "<ul><li>Wir stimmen die Angebote vor Ort ab und bündeln sie.</li>"
                "<li>Wir arbeiten mit dem Bundesamt für Migration und Flüchtlinge (BAMF) und "
                "dem Land NRW zusammen.</li>"
                "<li>Wir sind bei Stadtteilkonferenzen dabei und nehmen Stellung zu neuen "
                "Projekten.</li></ul>"
                "<p>So beschreibt zum Beispiel das Zentrum in Bielefeld seine Aufgaben.</p>"
                "<h2>Netzwerke in Oberhausen</h2>"
                "<p>Das Zentrum in Oberhausen arbeitet in vielen Gremien mit. Beispiele sind "
                "die Steuerungsgruppe der Regionalen Bildungslandschaft, die AG "
                "Chancengleichheit, das Projekt „Kein Kind zurücklassen“ und die Initiative "
                "„Lesen erLeben“.</p>"
                "<p>Auch mit Nachbarstädten gibt es Zusammenarbeit: In der Städtekooperation "
                "„Integration.Interkommunal“ suchen acht Städte im Ruhrgebiet gemeinsam nach "
                "Lösungen. Am 9. Juli 2013 sind sie der Landesinitiative „Vielfalt verbindet“ "
                "beigetreten.</p>"
            ),
        },
        "en": {
            "title": "Integration as a cross-cutting task",
            "summary": (
                "Integration concerns every part of a city: work, business, sport, culture "
                "and health. We bring the people involved together."
            ),
            "body": (
                "<p>Living together well is not the job of a single office. Schools, the "
                "administration, independent organisations and associations all play a part. "
                "The centre connects them, so that offers become better known and last.</p>"
                "<h2>What we do</h2>"
                "<ul><li>We coordinate local offers and bring them together.</li>"
                "<li>We work with the Federal Office for Migration and Refugees (BAMF) and the "
                "state of North Rhine-Westphalia.</li>"
                "<li>We take part in district conferences and comment on new projects.</li>"
                "</ul>"
                "<p>This is how the centre in Bielefeld, for example, describes its tasks.</p>"
                "<h2>Networks in Oberhausen</h2>"
                "<p>The Oberhausen centre works in many local bodies, such as the steering "
                "group of the regional education network, the equal opportunities working "
                "group, the project “Kein Kind zurücklassen” (no child left behind) and the "
                "reading initiative “Lesen erLeben”.</p>"
                "<p>It also works with neighbouring cities: in the cooperation "
                "“Integration.Interkommunal”, eight cities of the Ruhr area look for solutions "
                "together. On 9 July 2013 they joined the state initiative “Vielfalt "
                "verbindet” (diversity connects).</p>"
            ),
        },
        "offers": [
            {
                "de": (
                    "Netzwerkarbeit",
                    "Wir bringen Verwaltung, Träger und Migrantenorganisationen an einen Tisch, "
                    "zum Beispiel bei einer örtlichen Migrationskonferenz.",
                ),
                "en": (
                    "Networking",
                    "We bring the administration, organisations and migrant associations "
                    "together, for example at a local migration conference.",
                ),
            },
            {
                "de": (
                    "Beratung von Ämtern und Trägern",
                    "Wir beraten städtische Dienststellen und Träger der Kinder- und "
                    "Jugendhilfe: Wie erreichen sie Menschen mit Einwanderungsgeschichte besser?",
                ),
                "en": (
                    "Advice for offices and organisations",
                    "We advise municipal offices and youth welfare organisations on how to reach "
                    "people with a migration history better.",
                ),
            },
            {
                "de": (
                    "Veranstaltungen und Fachgespräche",
                    "Wir organisieren Konferenzen und Gesprächsrunden zu aktuellen Themen.",
                ),
                "en": (
                    "Events and expert talks",
                    "We organise conferences and discussion rounds on current topics.",
                ),
            },
        ],
    },
    {
        "slug": "interkulturelle-oeffnung",
        "groups": [PROFESSIONALS, FAMILIES, YOUTH],
        "related": ["integration-als-querschnittsaufgabe", "bildung-und-sprache"],
        "de": {
            "title": "Interkulturelle Öffnung der Verwaltung (IKÖ)",
            "summary": (
                "Ämter und Einrichtungen passen ihre Leistungen an eine vielfältige "
                "Stadtgesellschaft an. Wir begleiten sie dabei."
            ),
            "body": (
                "<p>Interkulturelle Öffnung richtet sich an die Verwaltung und an öffentliche "
                "Einrichtungen. Sie sollen für alle Menschen gut erreichbar sein. Das gilt "
                "auch für Menschen, die noch wenig Deutsch sprechen.</p>"
                "<h2>Beispiele aus Oberhausen</h2>"
                "<ul><li>Eine Arbeitsgruppe aus mehreren Trägern hat interkulturelle Standards "
                "geschrieben: für die Hilfen zur Erziehung und für Kitas und "
                "Kindertagespflege. Der Jugendhilfeausschuss hat beschlossen, sie "
                "umzusetzen.</li>"
                "<li>In einer Workshopreihe entstehen Standards für eine „Interkulturelle "
                "Grundschule“.</li>"
                "<li>Für die Kultureinrichtungen gibt es seit 2009 ein interkulturelles "
                "Handlungskonzept. Seit Juli 2011 koordiniert das Büro für Interkultur die "
                "Umsetzung.</li></ul>"
                "<p>Unten finden Sie Musterdateien. Sie stehen in dieser Demo für diese "
                "drei Papiere.</p>"
                "<h2>Beispiel aus dem Kreis Recklinghausen</h2>"
                "<p>Dort arbeitet das Zentrum seit 2013 an diesem Thema, zum Beispiel mit "
                "Schulungen und mit Angeboten zur Mehrsprachigkeit.</p>"
            ),
        },
        "en": {
            "title": "Intercultural opening of the administration",
            "summary": (
                "Public offices and institutions adapt their services to a diverse city. "
                "We support them along the way."
            ),
            "body": (
                "<p>Intercultural opening is aimed at the administration and at public "
                "institutions. They should be easy to reach for everyone, including people "
                "who speak little German so far.</p>"
                "<h2>Examples from Oberhausen</h2>"
                "<ul><li>A working group of several organisations wrote intercultural "
                "standards for family support services and for day care. The youth welfare "
                "committee decided to put them into practice.</li>"
                "<li>A series of workshops is developing standards for an “intercultural "
                "primary school”.</li>"
                "<li>The cultural institutions have had an intercultural action plan since "
                "2009. The Office for Interculture has coordinated it since July 2011.</li>"
                "</ul>"
                "<p>Below you find sample files. In this demo they stand in for these three "
                "papers, which are in German.</p>"
                "<h2>Example from the district of Recklinghausen</h2>"
                "<p>There the centre has worked on this topic since 2013, for example with "
                "training and with offers on multilingualism.</p>"
            ),
        },
        "offers": [
            {
                "de": (
                    "Beratung zur interkulturellen Öffnung",
                    "Wir beraten Ämter und Einrichtungen, wie sie ihre Angebote für alle öffnen.",
                ),
                "en": (
                    "Advice on intercultural opening",
                    "We advise offices and institutions on opening up their services to everyone.",
                ),
            },
            {
                "de": (
                    "Schulungen für Mitarbeitende",
                    "Wir planen und organisieren Fortbildungen für Beschäftigte in Verwaltung "
                    "und Einrichtungen.",
                ),
                "en": (
                    "Training for staff",
                    "We plan and organise training for people working in the administration and "
                    "in public institutions.",
                ),
            },
            {
                "de": (
                    "Mehrsprachigkeit",
                    "Wir unterstützen Maßnahmen, die Informationen in mehreren Sprachen "
                    "zugänglich machen.",
                ),
                "en": (
                    "Multilingualism",
                    "We support measures that make information available in several languages.",
                ),
            },
        ],
        "documents": [
            "Interkulturelle Standards: Frühkindliche Bildung, Erziehung und Betreuung",
            "Interkulturelle Standards: Hilfen zur Erziehung",
            "Interkulturelles Handlungskonzept der Kultureinrichtungen",
        ],
    },
    {
        "slug": "integration-durch-sport",
        "groups": [YOUTH, NEWCOMERS],
        "related": ["integration-als-querschnittsaufgabe", "seniorinnen-und-senioren"],
        "de": {
            "title": "Integration durch Sport",
            "summary": (
                "Sport verbindet Menschen. Wir bilden Migrantinnen und Migranten zu "
                "Übungsleiterinnen und Übungsleitern aus."
            ),
            "body": (
                "<p>Im Sportverein treffen sich Menschen, die sich sonst kaum begegnen. "
                "Deshalb war Sport in Oberhausen bis Ende 2015 der Schwerpunkt des "
                "Kommunalen Integrationszentrums.</p>"
                "<h2>Übungsleiterschulungen</h2>"
                "<p>Das wichtigste Angebot sind <strong>Schulungen für Migrantinnen und "
                "Migranten</strong>. Danach können Sie selbst eine Sportgruppe im Verein "
                "leiten.</p>"
                "<p>Außerdem wollen wir mehr Partner vor Ort gewinnen, zum Beispiel "
                "Sportvereine.</p>"
            ),
        },
        "en": {
            "title": "Integration through sport",
            "summary": (
                "Sport brings people together. We train migrants to become sports coaches."
            ),
            "body": (
                "<p>In a sports club people meet who would otherwise hardly cross paths. That "
                "is why sport was the main focus of the Oberhausen centre until the end of "
                "2015.</p>"
                "<h2>Coach training</h2>"
                "<p>The most important offer is <strong>training for migrants</strong>. "
                "Afterwards you can lead a sports group in a club yourself.</p>"
                "<p>We also want to win more local partners, for example sports clubs.</p>"
            ),
        },
        "offers": [
            {
                "de": (
                    "Übungsleiterschulung für Migrantinnen und Migranten",
                    "Eine Ausbildung, nach der Sie Sportgruppen im Verein anleiten können.",
                ),
                "en": (
                    "Coach training for migrants",
                    "A course after which you can lead sports groups in a club.",
                ),
            },
            {
                "de": (
                    "Kontakte zu Sportvereinen",
                    "Wir bringen Vereine und Menschen zusammen, die mitmachen wollen.",
                ),
                "en": (
                    "Contacts with sports clubs",
                    "We put clubs in touch with people who want to join in.",
                ),
            },
        ],
    },
    {
        "slug": "seniorinnen-und-senioren",
        "groups": [SENIORS, FAMILIES],
        "related": ["interkulturelle-oeffnung", "integration-durch-sport"],
        "de": {
            "title": "Seniorinnen und Senioren, Pflege",
            "summary": (
                "Auch ältere Menschen mit Einwanderungsgeschichte sollen Hilfe und Pflege "
                "finden. Wir zeigen, welche Angebote es gibt."
            ),
            "body": (
                "<p>Immer mehr Menschen werden alt, auch viele Migrantinnen und Migranten. "
                "Oft wissen sie nicht, welche Hilfe es bei Pflege und im Alltag gibt. Im "
                "Kreis Recklinghausen entwickelt das Zentrum deshalb passende Angebote für "
                "sie.</p>"
                "<h2>Partner</h2>"
                "<ul><li>Beratungs- und Infocenter Pflege</li>"
                "<li>Sozialpsychiatrischer Dienst</li>"
                "<li>Kreissportbund</li></ul>"
                "<p>Wenn es nötig ist, finden die Angebote in mehreren Sprachen statt.</p>"
            ),
        },
        "en": {
            "title": "Older people and care",
            "summary": (
                "Older people with a migration history should find help and care too. We show "
                "which services exist."
            ),
            "body": (
                "<p>More and more people grow old, many migrants among them. Often they do not "
                "know what help exists for care and everyday life. In the district of "
                "Recklinghausen the centre therefore develops suitable offers for them.</p>"
                "<h2>Partners</h2>"
                "<ul><li>The care advice and information centre (Beratungs- und Infocenter "
                "Pflege)</li>"
                "<li>The social psychiatric service (Sozialpsychiatrischer Dienst)</li>"
                "<li>The district sports federation (Kreissportbund)</li></ul>"
                "<p>Where needed, offers take place in several languages.</p>"
            ),
        },
        "offers": [
            {
                "de": (
                    "Schulungen und Informationen",
                    "Veranstaltungen über Pflege und über Hilfen im Alltag.",
                ),
                "en": (
                    "Training and information",
                    "Events on care and on help in everyday life.",
                ),
            },
            {
                "de": (
                    "Vermittlung von Angeboten",
                    "Wir helfen Ihnen, das passende Angebot zu finden: von der Pflege bis zu "
                    "Bildung und Freizeit.",
                ),
                "en": (
                    "Finding the right service",
                    "We help you find what suits you: from care to education and leisure.",
                ),
            },
            {
                "de": (
                    "Vernetzung in der Altenhilfe",
                    "Wir arbeiten mit den Diensten der Altenhilfe zusammen. Gemeinsam öffnen "
                    "wir ihre Angebote für alle.",
                ),
                "en": (
                    "Networking in elderly care",
                    "We cooperate with elderly care services and help them open up to everyone.",
                ),
            },
        ],
    },
    {
        # German only on purpose: shows the fallback note in English and Arabic.
        "slug": "antirassismus-und-antidiskriminierung",
        "groups": [PROFESSIONALS, ORGANISATIONS, YOUTH],
        "related": ["integration-als-querschnittsaufgabe", "interkulturelle-oeffnung"],
        "de": {
            "title": "Antirassismus und Antidiskriminierung",
            "summary": (
                "Wir informieren über Rassismus und Diskriminierung. Und wir achten darauf, "
                "dass unsere Angebote niemanden ausschließen."
            ),
            "body": (
                "<p>Arbeit gegen Rassismus betrifft alle Bereiche des Zentrums. Im Kreis "
                "Recklinghausen wird deshalb jedes Angebot so geplant, dass es offen ist und "
                "möglichst niemanden benachteiligt.</p>"
                "<h2>Informieren und sensibilisieren</h2>"
                "<p>In Veranstaltungen und Workshops lernen Sie verschiedene Formen von "
                "Rassismus kennen: was sie unterscheidet und was sie gemeinsam haben.</p>"
                "<p>Über die Arbeit berichtet das Zentrum in Newslettern und "
                "Jahresberichten.</p>"
            ),
        },
        "offers": [
            {
                "de": (
                    "Workshops und Veranstaltungen",
                    "Informationen über Formen von Rassismus und über Wege, ihm zu begegnen.",
                ),
            },
            {
                "de": (
                    "Mitarbeit in Netzwerken",
                    "Wir arbeiten in Netzwerken und Arbeitskreisen gegen Diskriminierung mit.",
                ),
            },
        ],
    },
    {
        "slug": "bildung-und-sprache",
        "groups": [YOUTH, FAMILIES, NEWCOMERS],
        "related": ["neuzugewanderte", "interkulturelle-oeffnung"],
        "de": {
            "title": "Bildung und Sprache",
            "summary": (
                "Bessere Bildungschancen für Kinder und Jugendliche mit Einwanderungsgeschichte "
                "und Sprachförderung in jedem Alter."
            ),
            "body": (
                "<p>Bildung begleitet das ganze Leben: von der Kita über die Schule bis in den "
                "Beruf. Daran orientiert sich zum Beispiel die Arbeit in Oberhausen.</p>"
                "<p>Im Oberbergischen Kreis haben 27 Prozent der Menschen eine "
                "Einwanderungsgeschichte (Stand: Mai 2011). Das ist der höchste Anteil aller "
                "Kreise in NRW. Dort stehen Bildung und Sprache deshalb im Mittelpunkt.</p>"
                "<h2>Ziele</h2>"
                "<ul><li>Kinder und Jugendliche finden leichter einen Weg in Schulen und "
                "Bildungsangebote.</li>"
                "<li>Eltern bekommen Beratung und Unterstützung.</li>"
                "<li>Menschen jeden Alters sprechen besser Deutsch.</li>"
                "<li>Alle Schulformen übernehmen mehr Verantwortung für Integration.</li></ul>"
            ),
        },
        "en": {
            "title": "Education and language",
            "summary": (
                "Better chances in education for children and young people with a migration "
                "history, and language support at every age."
            ),
            "body": (
                "<p>Education accompanies us all our lives: from day care through school to "
                "work. The Oberhausen centre, for example, plans its work along these "
                "stages.</p>"
                "<p>In the Oberbergischer Kreis, 27 percent of the people have a migration "
                "history (as of May 2011), the highest share of any district in North "
                "Rhine-Westphalia. That is why education and language are at the centre of "
                "the work there.</p>"
                "<h2>Goals</h2>"
                "<ul><li>Children and young people find their way into schools and education "
                "more easily.</li>"
                "<li>Parents receive advice and support.</li>"
                "<li>People of every age improve their German.</li>"
                "<li>All types of school take more responsibility for integration.</li></ul>"
            ),
        },
        "offers": [
            {
                "de": ("Elternberatung", "Beratung für Eltern zu Kita, Schule und Ausbildung."),
                "en": (
                    "Advice for parents",
                    "Advice for parents on day care, school and vocational training.",
                ),
            },
            {
                "de": (
                    "Sprachförderung",
                    "Wir unterstützen Angebote, die Deutsch und Mehrsprachigkeit fördern.",
                ),
                "en": (
                    "Language support",
                    "We support offers that promote German and multilingualism.",
                ),
            },
            {
                "de": (
                    "Begleitung von Schulen",
                    "Wir unterstützen Schulen, damit Kinder aus allen Familien gut lernen können.",
                ),
                "en": (
                    "Support for schools",
                    "We support schools so that children from every family can learn well.",
                ),
            },
        ],
    },
    {
        # German only on purpose: shows the fallback note in English and Arabic.
        "slug": "neuzugewanderte",
        "groups": [NEWCOMERS, FAMILIES, WOMEN],
        "related": ["bildung-und-sprache", "migrantenorganisationen"],
        "de": {
            "title": "Neuzugewanderte",
            "summary": (
                "Sie sind neu in Deutschland? Wir helfen Ihnen beim Ankommen und beraten Sie, "
                "zum Beispiel zu Schule und Sprache."
            ),
            "body": (
                "<p>Der Anfang in einem neuen Land ist schwer. Wir helfen Kindern, "
                "Jugendlichen und ihren Familien, sich zurechtzufinden.</p>"
                "<p>Besonders wichtig ist, dass neu zugewanderte Kinder schnell einen Platz "
                "in einer Schule finden. Im Oberbergischen Kreis gibt es dafür eigene "
                "Beratungsangebote.</p>"
                "<h2>Für Mädchen und Frauen</h2>"
                "<p>In Oberhausen haben Mädchen und Frauen mit Einwanderungsgeschichte eine "
                "feste Ansprechpartnerin. Sie berät Sie und geht auf Wunsch mit Ihnen zu "
                "einem Amt.</p>"
                "<p>Zum Internationalen Frauentag am 8. März 2024 kamen dort rund 120 Frauen "
                "zu einem gemeinsamen Fest. Geplant hat es das Zentrum zusammen mit dem "
                "Arbeitskreis „Frauen und Integration“.</p>"
            ),
        },
        "offers": [
            {
                "de": (
                    "Beratung für neu zugewanderte Familien",
                    "Wir erklären, wie Kita, Schule und Ausbildung in Deutschland funktionieren.",
                ),
            },
            {
                "de": (
                    "Beratung für Mädchen und Frauen",
                    "Eine feste Ansprechpartnerin für Ihre Fragen. Auf Wunsch begleitet sie "
                    "Sie zu einer Behörde.",
                ),
            },
        ],
    },
    {
        "slug": "migrantenorganisationen",
        "groups": [ORGANISATIONS],
        "related": ["integration-als-querschnittsaufgabe", "neuzugewanderte"],
        "de": {
            "title": "Zusammenarbeit mit Migrantenorganisationen",
            "summary": (
                "Migrantenorganisationen sind wichtige Partner. Wir vernetzen sie, bilden sie "
                "fort und informieren über Fördermittel."
            ),
            "body": (
                "<p>Vereine von Migrantinnen und Migranten sprechen für ihre Mitglieder. Sie "
                "pflegen Sprache und Kultur, beraten und engagieren sich ehrenamtlich.</p>"
                "<h2>Das Projekt in Oberhausen</h2>"
                "<p>In Oberhausen gibt es etwa 50 Migrantenselbstorganisationen (MSO). Seit "
                "dem 1. Dezember 2012 unterstützt das Bundesamt für Migration und Flüchtlinge "
                "(BAMF) ein Projekt für sie. Es hat zwei Ziele:</p>"
                "<ul><li>Die Vereine lernen sich kennen und werden in der Stadt sichtbarer."
                "</li><li>Die Vereinsarbeit wird professioneller, die Mitglieder bilden sich "
                "fort.</li></ul>"
                "<p>Die Themen der Fortbildungen wählen die Vereine bei gemeinsamen Treffen "
                "selbst, zum Beispiel Fundraising, Buchhaltung im Verein oder Einbürgerung und "
                "Wahlen.</p>"
                "<h2>Angebote im Kreis Recklinghausen</h2>"
                "<p>Die Angebote unten beschreibt das Zentrum im Kreis Recklinghausen. Das Ziel "
                "dort: Menschen mit Einwanderungsgeschichte sollen mehr mitbestimmen "
                "können.</p>"
            ),
        },
        "en": {
            "title": "Cooperation with migrant organisations",
            "summary": (
                "Migrant organisations are important partners. We connect them, offer training "
                "and inform them about funding."
            ),
            "body": (
                "<p>Associations of migrants speak for their members. They keep language and "
                "culture alive, give advice and do a lot of voluntary work.</p>"
                "<h2>The project in Oberhausen</h2>"
                "<p>Oberhausen has about 50 migrant organisations. Since 1 December 2012 the "
                "Federal Office for Migration and Refugees (BAMF) has supported a project for "
                "them. It has two goals:</p>"
                "<ul><li>The associations get to know each other and become more visible in "
                "the city.</li><li>Their work becomes more professional and their members "
                "receive training.</li></ul>"
                "<p>The associations choose the training topics themselves at joint meetings, "
                "for example fundraising, bookkeeping or naturalisation and elections.</p>"
                "<h2>Offers in the district of Recklinghausen</h2>"
                "<p>The offers below are those of the centre in the district of "
                "Recklinghausen. Its aim: people with a migration history should have more "
                "say.</p>"
            ),
        },
        "offers": [
            {
                "de": (
                    "Informationsveranstaltungen",
                    "Veranstaltungen zu Themen rund um Migration, die für Vereine wichtig sind.",
                ),
                "en": (
                    "Information events",
                    "Events on migration topics that matter to associations.",
                ),
            },
            {
                "de": (
                    "Hilfe bei eigenen Veranstaltungen",
                    "Wir unterstützen Vereine, wenn sie eine Veranstaltung planen und durchführen.",
                ),
                "en": (
                    "Help with your own events",
                    "We support associations in planning and running their events.",
                ),
            },
            {
                "de": (
                    "Informationen zu Fördermitteln",
                    "Wir informieren über ausgeschriebene Projekte und Förderprogramme.",
                ),
                "en": (
                    "Funding information",
                    "We tell you about calls for projects and funding programmes.",
                ),
            },
            {
                "de": (
                    "Austauschtreffen",
                    "Regelmäßige Treffen, bei denen sich Vereine kennenlernen und vernetzen.",
                ),
                "en": (
                    "Exchange meetings",
                    "Regular meetings where associations get to know each other.",
                ),
            },
        ],
    },
]


def sample_pdf(title: str) -> bytes:
    """A one-page PDF that says it only stands in for the named paper.

    Written by hand: five objects, an xref table with the byte offset of each, and the
    standard Helvetica font, so no PDF library is needed. The text is encoded as
    WinAnsi (cp1252), which covers German umlauts and typographic quotes.
    """
    lines = [
        ("F2", 18, "MUSTERDOKUMENT"),
        ("F1", 12, title),
        ("F1", 12, ""),
        ("F1", 12, "Dies ist nur ein Muster für die Demo des KI-Portals."),
        ("F1", 12, "Es steht für das echte Papier der Stadt Oberhausen und enthält"),
        ("F1", 12, "nicht dessen Inhalt."),
        ("F1", 12, "Das echte Dokument erhalten Sie beim Kommunalen Integrationszentrum."),
    ]
    commands = ["BT", "72 770 Td", "20 TL"]
    for font, size, text in lines:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        commands.append(f"/{font} {size} Tf ({escaped}) Tj T*")
    commands.append("ET")
    stream = "\n".join(commands).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def apply(obj, values: dict | None = None, translations: dict | None = None) -> str:
    """Set the values and translations on obj; save it only if something differs.

    Returns "created", "updated" or "unchanged", for the summary. Rich text is compared
    in its sanitised form, the form in which it is stored. Without translations it also
    works for a model that has none.
    """
    changed = obj.pk is None
    status = "created" if changed else "updated"
    for name, value in (values or {}).items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    for language, fields in (translations or {}).items():
        existing = obj.get_translation(language) if obj.has_translation(language) else None
        obj.set_current_language(language)
        for name, value in fields.items():
            field = obj._parler_meta.get_model_by_field(name)._meta.get_field(name)
            if isinstance(field, RichTextField):
                value = sanitize_html(value)
            if existing is None or getattr(existing, name) != value:
                setattr(obj, name, value)
                changed = True
    if translations:
        obj.set_current_language("de")
    if not changed:
        return "unchanged"
    obj.save()
    return status


def load_centre(counts: Counter) -> None:
    centre = CentreProfile.objects.first() or CentreProfile()
    values = {name: value for name, value in CENTRE.items() if name != "translations"}
    counts["centre profile", apply(centre, values, CENTRE["translations"])] += 1


def load_location(counts: Counter) -> None:
    """The main location with its weekly hours and the closure between the holidays."""
    location = Location.objects.filter(street=LOCATION["street"]).first() or Location()
    values = {name: LOCATION[name] for name in ("street", "postal_code", "city")}
    counts["locations", apply(location, values, LOCATION["translations"])] += 1
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
    counts["closures", apply(closure, translations=reasons)] += 1


def load_contact_persons(counts: Counter, fields: dict) -> None:
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
        counts["contact persons", apply(person, values, translations)] += 1
        for weekday, opens, closes in CONSULTATION_HOURS:
            _hours, created = ConsultationHours.objects.get_or_create(
                contact_person=person, weekday=weekday, opens=opens, closes=closes
            )
            counts["consultation hours", "created" if created else "unchanged"] += 1
        for slug in data["fields"]:
            fields[slug].contact_persons.add(person)


def load_target_groups(counts: Counter) -> list[TargetGroup]:
    groups = []
    for order, data in enumerate(TARGET_GROUPS):
        group = (
            TargetGroup.objects.filter(
                translations__language_code="de", translations__name=data["de"]["name"]
            ).first()
            or TargetGroup()
        )
        values = {"slug": data["slug"], "featured": data["featured"], "order": order}
        translations = {language: data[language] for language in ("de", "en")}
        counts["target groups", apply(group, values, translations)] += 1
        groups.append(group)
    return groups


def load_field(order: int, data: dict, groups: list[TargetGroup], counts: Counter):
    field = FieldOfWork.objects.filter(slug=data["slug"]).first() or FieldOfWork()
    values = {"slug": data["slug"], "order": order, "is_published": True}
    translations = {language: data[language] for language in ("de", "en") if language in data}
    counts["fields of work", apply(field, values, translations)] += 1
    field.target_groups.set([groups[index] for index in data["groups"]])

    # Offers are found again by their German title within the field: like target groups,
    # a staff-added offer keeps the default order 0 and must not be overwritten.
    for position, offer_data in enumerate(data["offers"]):
        offer = field.offers.filter(
            translations__language_code="de", translations__title=offer_data["de"][0]
        ).first() or Offer(field_of_work=field)
        translations = {
            language: {"title": title, "description": description}
            for language, (title, description) in offer_data.items()
        }
        counts["offers", apply(offer, {"order": position}, translations)] += 1

    # A document that exists is left alone: a second run adds no file to the storage.
    for position, title in enumerate(data.get("documents", [])):
        sample_title = f"{title} (Muster)"
        if field.documents.filter(title=sample_title).exists():
            counts["documents", "unchanged"] += 1
            continue
        document = Document(
            field_of_work=field,
            title=sample_title,
            file=ContentFile(sample_pdf(title), name="muster.pdf"),
            language="de",
            is_accessible=False,
            order=position,
        )
        document.full_clean()
        document.save()
        counts["documents", "created"] += 1
    return field


@transaction.atomic
def load() -> Counter:
    """Create or update the demo content; running it again changes nothing.

    Returns counts keyed by (kind of record, "created" / "updated" / "unchanged").
    """
    counts = Counter()
    load_centre(counts)
    load_location(counts)
    groups = load_target_groups(counts)
    fields = {
        data["slug"]: load_field(order, data, groups, counts)
        for order, data in enumerate(FIELDS, start=1)
    }
    for data in FIELDS:  # `related_fields` is symmetrical: adding one side sets both.
        fields[data["slug"]].related_fields.add(*(fields[slug] for slug in data["related"]))
    load_contact_persons(counts, fields)
    return counts
