"""Demo content: facts from the public pages of several NRW centres, in our own words.

The centre profile is Oberhausen's; the fields of work combine what Oberhausen,
Kreis Recklinghausen, Bielefeld and the Oberbergischer Kreis describe, so the demo
shows that nothing about one city is built in. Sample documents are generated and
say plainly that they only stand in for the real papers.
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction

from centre.models import CentreProfile, Closure, Location, OpeningHours, Weekday
from fields.models import Document, FieldOfWork, Offer, TargetGroup

CENTRE = {
    "building": "Renate-Weckwerth-Haus",
    "street": "Mülheimer Straße 200",
    "postal_code": "46045",
    "city": "Oberhausen",
    "phone": "0208 825-4452",
    "email": "kommunales-integrationszentrum@oberhausen.de",
    "translations": {
        "de": {
            "name": "Kommunales Integrationszentrum Oberhausen",
            "mission": (
                "Wir arbeiten daran, dass alle Menschen in unserer Stadt gehört werden, "
                "mitreden können und ihren Platz finden."
            ),
        },
        "en": {
            "name": "Municipal Integration Centre Oberhausen",
            "mission": (
                "We work for a city in which everyone is heard, has a say and finds their place."
            ),
        },
    },
}

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

# Target groups, identified by their order: the German name may be edited by staff.
TARGET_GROUPS = [
    {"de": "Frauen und Mädchen", "en": "Women and girls"},
    {"de": "Seniorinnen und Senioren", "en": "Older people"},
    {"de": "Familien und Eltern", "en": "Families and parents"},
    {"de": "Kinder und Jugendliche", "en": "Children and young people"},
    {"de": "Neuzugewanderte", "en": "Newcomers"},
    {"de": "Migrantenorganisationen", "en": "Migrant organisations"},
    {"de": "Fachkräfte und Verwaltung", "en": "Professionals and administration"},
]
WOMEN, SENIORS, FAMILIES, YOUTH, NEWCOMERS, ORGANISATIONS, PROFESSIONALS = range(7)

FIELDS = [
    {
        "slug": "integration-als-querschnittsaufgabe",
        "groups": [PROFESSIONALS, ORGANISATIONS],
        "related": ["interkulturelle-oeffnung", "migrantenorganisationen"],
        "de": {
            "title": "Integration als Querschnittsaufgabe",
            "summary": (
                "Integration betrifft alle Bereiche einer Kommune: Arbeit, Wirtschaft, Sport, "
                "Kultur und Gesundheit. Wir bringen die Beteiligten zusammen."
            ),
            "body": (
                "<p>Gutes Zusammenleben entsteht nicht in einem einzelnen Amt. Schulen, "
                "Verwaltung, freie Träger und Vereine tragen gemeinsam dazu bei. Das Kommunale "
                "Integrationszentrum verbindet diese Stellen, damit Angebote bekannt werden und "
                "dauerhaft bestehen.</p>"
                "<h2>Was wir tun</h2>"
                "<ul><li>Wir stimmen Angebote vor Ort ab und bündeln sie.</li>"
                "<li>Wir arbeiten mit dem Bundesamt für Migration und Flüchtlinge (BAMF) und "
                "dem Land NRW zusammen.</li>"
                "<li>Wir nehmen an Stadtteilkonferenzen teil und beraten zu neuen Projekten.</li>"
                "</ul>"
                "<p>Ein zentrales Thema ist dabei die <strong>interkulturelle Öffnung</strong> "
                "der Verwaltung.</p>"
            ),
        },
        "en": {
            "title": "Integration as a cross-cutting task",
            "summary": (
                "Integration concerns every part of a municipality: work, business, sport, "
                "culture and health. We bring the people involved together."
            ),
            "body": (
                "<p>Living together well is not the job of a single office. Schools, the "
                "administration, independent organisations and associations all contribute. "
                "The centre connects them so that offers become known and last.</p>"
                "<h2>What we do</h2>"
                "<ul><li>We coordinate and combine local offers.</li>"
                "<li>We work with the Federal Office for Migration and Refugees (BAMF) and the "
                "state of North Rhine-Westphalia.</li>"
                "<li>We take part in district conferences and advise on new projects.</li></ul>"
                "<p>A central topic is the <strong>intercultural opening</strong> of the "
                "administration.</p>"
            ),
        },
        "offers": [
            {
                "de": (
                    "Netzwerkarbeit",
                    "Wir bringen Verwaltung, Träger und Migrantenorganisationen an einen Tisch, "
                    "zum Beispiel in einer örtlichen Migrationskonferenz.",
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
                    "Wir beraten städtische Dienststellen und Träger der Kinder- und Jugendhilfe, "
                    "wie sie Menschen mit Einwanderungsgeschichte besser erreichen.",
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
        "groups": [PROFESSIONALS, FAMILIES],
        "related": ["integration-als-querschnittsaufgabe", "bildung-und-sprache"],
        "de": {
            "title": "Interkulturelle Öffnung der Verwaltung (IKÖ)",
            "summary": (
                "Behörden und Einrichtungen passen ihre Leistungen an eine vielfältige "
                "Stadtgesellschaft an. Wir begleiten sie dabei."
            ),
            "body": (
                "<p>Interkulturelle Öffnung richtet sich an die Verwaltung und an öffentliche "
                "Einrichtungen. Sie sollen für alle Menschen gut erreichbar sein, auch für "
                "Menschen, die noch wenig Deutsch sprechen.</p>"
                "<h2>Beispiele aus Oberhausen</h2>"
                "<ul><li>Eine Arbeitsgruppe mehrerer Träger hat interkulturelle Standards für "
                "die Hilfen zur Erziehung und für Kitas und Kindertagespflege erarbeitet. Der "
                "Jugendhilfeausschuss hat ihre Umsetzung beschlossen.</li>"
                "<li>In einer Workshopreihe entstehen Standards für eine „Interkulturelle "
                "Grundschule“.</li>"
                "<li>Die Kultureinrichtungen arbeiten seit 2009 nach einem gemeinsamen "
                "interkulturellen Handlungskonzept. Das Büro für Interkultur koordiniert die "
                "Umsetzung seit Juli 2011.</li></ul>"
                "<p>Im Kreis Recklinghausen arbeitet das Zentrum seit 2013 an diesem Thema, "
                "unter anderem mit Schulungen und Angeboten zur Mehrsprachigkeit.</p>"
            ),
        },
        "en": {
            "title": "Intercultural opening of the administration",
            "summary": (
                "Public offices and institutions adapt their services to a diverse city. "
                "We support them along the way."
            ),
            "body": (
                "<p>Intercultural opening is aimed at the administration and public "
                "institutions. They should be easy to reach for everyone, including people who "
                "speak little German so far.</p>"
                "<h2>Examples from Oberhausen</h2>"
                "<ul><li>A working group of several organisations developed intercultural "
                "standards for family support services and for day care. The youth welfare "
                "committee decided to put them into practice.</li>"
                "<li>A series of workshops is developing standards for an “intercultural "
                "primary school”.</li>"
                "<li>Since 2009 the cultural institutions have followed a shared intercultural "
                "action plan, coordinated by the Office for Interculture since July 2011.</li>"
                "</ul>"
            ),
        },
        "offers": [
            {
                "de": (
                    "Beratung zur interkulturellen Öffnung",
                    "Wir beraten Ämter und Einrichtungen, wie sie ihre Angebote öffnen.",
                ),
                "en": (
                    "Advice on intercultural opening",
                    "We advise offices and institutions on opening up their services.",
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
        "related": ["integration-als-querschnittsaufgabe"],
        "de": {
            "title": "Integration durch Sport",
            "summary": (
                "Sport verbindet Menschen. Wir bilden Migrantinnen und Migranten zu "
                "Übungsleiterinnen und Übungsleitern aus."
            ),
            "body": (
                "<p>Im Sportverein lernen sich Menschen kennen, die sich sonst kaum begegnen. "
                "Das Kommunale Integrationszentrum Oberhausen hatte dieses Handlungsfeld bis "
                "Ende 2015 als Schwerpunkt gewählt.</p>"
                "<p>Im Mittelpunkt stehen <strong>Übungsleiterschulungen</strong> für "
                "Migrantinnen und Migranten. Wer die Schulung abschließt, kann selbst Gruppen "
                "im Verein leiten. Dazu bauen wir die Zusammenarbeit mit Sportvereinen und "
                "weiteren Partnern vor Ort aus.</p>"
            ),
        },
        "en": {
            "title": "Integration through sport",
            "summary": (
                "Sport brings people together. We train migrants to become sports coaches."
            ),
            "body": (
                "<p>In a sports club people meet who would otherwise hardly cross paths. The "
                "Oberhausen centre chose this field as its focus until the end of 2015.</p>"
                "<p>At its heart is <strong>coach training</strong> for migrants. Those who "
                "complete it can lead groups in a club themselves. We also expand cooperation "
                "with sports clubs and other local partners.</p>"
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
                    "Wir vermitteln Kontakte zwischen Vereinen und Menschen, die mitmachen wollen.",
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
        "related": ["interkulturelle-oeffnung"],
        "de": {
            "title": "Seniorinnen und Senioren, Pflege",
            "summary": (
                "Auch ältere Menschen mit Einwanderungsgeschichte sollen Hilfe und Pflege "
                "finden. Wir zeigen, welche Angebote es gibt."
            ),
            "body": (
                "<p>Die Gesellschaft wird älter. Viele ältere Migrantinnen und Migranten "
                "wissen aber nicht, welche Hilfen es bei Pflege und im Alltag gibt. Im Kreis "
                "Recklinghausen entwickelt das Zentrum dafür passende Angebote.</p>"
                "<p>Wir arbeiten eng mit dem Beratungs- und Infocenter Pflege, dem "
                "Sozialpsychiatrischen Dienst und dem Kreissportbund zusammen. Wenn es nötig "
                "ist, finden Angebote in mehreren Sprachen statt.</p>"
            ),
        },
        "en": {
            "title": "Older people and care",
            "summary": (
                "Older people with a migration history should find help and care too. We show "
                "which services exist."
            ),
            "body": (
                "<p>Society is getting older. Yet many older migrants do not know which help "
                "exists for care and everyday life. In the district of Recklinghausen the "
                "centre develops suitable offers.</p>"
                "<p>We work closely with the care advice centre, the social psychiatric service "
                "and the district sports federation. Where needed, offers take place in several "
                "languages.</p>"
            ),
        },
        "offers": [
            {
                "de": (
                    "Schulungen und Informationen",
                    "Veranstaltungen über Pflege, Hilfen im Alltag und Rechte im Alter.",
                ),
                "en": (
                    "Training and information",
                    "Events on care, everyday help and rights in old age.",
                ),
            },
            {
                "de": (
                    "Vermittlung von Angeboten",
                    "Von der Pflege bis zu Bildungs- und Freizeitangeboten für ältere Menschen.",
                ),
                "en": (
                    "Finding the right service",
                    "From care to education and leisure activities for older people.",
                ),
            },
            {
                "de": (
                    "Vernetzung in der Altenhilfe",
                    "Wir arbeiten mit den Einrichtungen der Altenhilfe zusammen und öffnen "
                    "Regelangebote für alle.",
                ),
                "en": (
                    "Networking in elderly care",
                    "We cooperate with elderly care services and help them open up to everyone.",
                ),
            },
        ],
    },
    {
        "slug": "antirassismus-und-antidiskriminierung",
        "groups": [PROFESSIONALS, YOUTH, WOMEN],
        "related": ["integration-als-querschnittsaufgabe"],
        "de": {
            "title": "Antirassismus und Antidiskriminierung",
            "summary": (
                "Wir informieren über Rassismus und Diskriminierung und achten darauf, dass "
                "unsere Angebote niemanden ausschließen."
            ),
            "body": (
                "<p>Rassismuskritische Arbeit betrifft alle Bereiche des Zentrums. Im Kreis "
                "Recklinghausen wird jedes Angebot so geplant, dass es möglichst offen ist und "
                "niemanden benachteiligt.</p>"
                "<p>In Veranstaltungen und Workshops erfahren Sie, welche Formen Rassismus haben "
                "kann und was sie verbindet. Über unsere Arbeit berichten wir in Newslettern und "
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
                    "Wir arbeiten in Arbeitskreisen gegen Diskriminierung mit.",
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
                "<p>Die Handlungsfelder der Zentren folgen der Bildungskette: von der Kita über "
                "die Schule bis in den Beruf. Im Oberbergischen Kreis, der landesweit den "
                "höchsten Anteil an Menschen mit Migrationshintergrund hat, stehen Bildung und "
                "Sprache im Mittelpunkt.</p>"
                "<h2>Unsere Ziele</h2>"
                "<ul><li>Kinder und Jugendliche finden leichter Zugang zu Schulen und "
                "Bildungsangeboten.</li><li>Eltern erhalten Beratung und Unterstützung.</li>"
                "<li>Die Sprachkenntnisse verbessern sich in allen Altersgruppen.</li>"
                "<li>Alle Schulformen übernehmen Verantwortung für Integration.</li></ul>"
            ),
        },
        "offers": [
            {"de": ("Elternberatung", "Beratung für Eltern zu Kita, Schule und Ausbildung.")},
            {
                "de": (
                    "Sprachförderung",
                    "Wir unterstützen Angebote, die Deutsch und Mehrsprachigkeit fördern.",
                )
            },
        ],
    },
    {
        "slug": "neuzugewanderte",
        "groups": [NEWCOMERS, FAMILIES],
        "related": ["bildung-und-sprache"],
        "de": {
            "title": "Neuzugewanderte",
            "summary": (
                "Wer neu in Deutschland ist, bekommt bei uns Orientierung und Beratung, zum "
                "Beispiel zu Schule und Sprache."
            ),
            "body": (
                "<p>Der Anfang in einem neuen Land ist schwer. Wir helfen Kindern, Jugendlichen "
                "und ihren Familien, sich zurechtzufinden.</p>"
                "<p>Besonders wichtig ist, dass neu zugewanderte Kinder schnell einen Platz in "
                "einer Schule finden. Dafür gibt es besondere Beratungsangebote.</p>"
            ),
        },
        "offers": [
            {
                "de": (
                    "Beratung für neu zugewanderte Familien",
                    "Wir erklären, wie Schule und Bildung in Deutschland funktionieren.",
                )
            },
        ],
    },
    {
        "slug": "migrantenorganisationen",
        "groups": [ORGANISATIONS],
        "related": ["integration-als-querschnittsaufgabe"],
        "de": {
            "title": "Zusammenarbeit mit Migrantenorganisationen",
            "summary": (
                "Migrantenorganisationen sind wichtige Partner. Wir vernetzen sie, bilden sie "
                "fort und informieren über Fördermittel."
            ),
            "body": (
                "<p>Vereine von Migrantinnen und Migranten vertreten die Anliegen ihrer "
                "Mitglieder, pflegen Sprache und Kultur und engagieren sich ehrenamtlich.</p>"
                "<p>In Oberhausen unterstützt das Bundesamt für Migration und Flüchtlinge seit "
                "dem 1. Dezember 2012 ein Projekt, das die etwa 50 Oberhausener "
                "Migrantenselbstorganisationen vernetzt und ihre Vereinsarbeit "
                "professionalisiert. In regelmäßigen Netzwerktreffen wählen die Vereine die "
                "Themen der Fortbildungen selbst, zum Beispiel Fundraising, Buchhaltung oder "
                "Einbürgerung und Wahlen.</p>"
            ),
        },
        "en": {
            "title": "Cooperation with migrant organisations",
            "summary": (
                "Migrant organisations are important partners. We connect them, offer training "
                "and inform them about funding."
            ),
            "body": (
                "<p>Associations of migrants represent their members' interests, keep language "
                "and culture alive and do a great deal of voluntary work.</p>"
                "<p>In Oberhausen, the Federal Office for Migration and Refugees has supported a "
                "project since 1 December 2012 that connects the city's roughly 50 migrant "
                "organisations and helps them professionalise. At regular network meetings the "
                "associations choose their own training topics, such as fundraising, "
                "bookkeeping or naturalisation and elections.</p>"
            ),
        },
        "offers": [
            {
                "de": (
                    "Informationsveranstaltungen",
                    "Veranstaltungen zu Themen, die für Migrantenorganisationen wichtig sind.",
                ),
                "en": (
                    "Information events",
                    "Events on topics that matter to migrant organisations.",
                ),
            },
            {
                "de": (
                    "Hilfe bei eigenen Veranstaltungen",
                    "Wir unterstützen Vereine bei Planung und Durchführung.",
                ),
                "en": (
                    "Help with your own events",
                    "We support associations in planning and running them.",
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
    """A one-page PDF that says it is a sample standing in for the named paper."""
    lines = [
        "MUSTERDOKUMENT",
        title,
        "Dieses Dokument ist ein Platzhalter fuer die Demo von KI-Portal.",
        "Es steht stellvertretend fuer das echte Papier und enthaelt keinen Inhalt.",
    ]
    text = "BT /F1 12 Tf 72 770 Td 16 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
        for line in lines
    )
    stream = text.encode("latin-1", errors="replace") + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
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


def set_translations(obj, translations: dict) -> None:
    for language, values in translations.items():
        obj.set_current_language(language)
        for name, value in values.items():
            setattr(obj, name, value)
    obj.set_current_language("de")


def load_centre() -> None:
    centre = CentreProfile.objects.first() or CentreProfile()
    for name in ("building", "street", "postal_code", "city", "phone", "email"):
        setattr(centre, name, CENTRE[name])
    set_translations(centre, CENTRE["translations"])
    centre.save()


def load_location() -> None:
    """The main location with its weekly hours and the closure between the holidays."""
    location = Location.objects.filter(street=LOCATION["street"]).first() or Location()
    for name in ("street", "postal_code", "city"):
        setattr(location, name, LOCATION[name])
    set_translations(location, LOCATION["translations"])
    location.save()
    for weekday, opens, closes in LOCATION["hours"]:
        OpeningHours.objects.get_or_create(
            location=location, weekday=weekday, opens=opens, closes=closes
        )
    year = datetime.date.today().year
    closure, _created = Closure.objects.get_or_create(
        location=location,
        starts_on=datetime.date(year, 12, 28),
        ends_on=datetime.date(year, 12, 31),
    )
    set_translations(
        closure,
        {"de": {"reason": "Zwischen den Jahren"}, "en": {"reason": "Between the holidays"}},
    )
    closure.save()


def load_target_groups() -> list[TargetGroup]:
    groups = []
    for order, names in enumerate(TARGET_GROUPS):
        group = TargetGroup.objects.filter(order=order).first() or TargetGroup(order=order)
        set_translations(group, {language: {"name": name} for language, name in names.items()})
        group.save()
        groups.append(group)
    return groups


def load_field(order: int, data: dict, groups: list[TargetGroup]) -> FieldOfWork:
    field = FieldOfWork.objects.filter(slug=data["slug"]).first()
    field = field or FieldOfWork(slug=data["slug"])
    field.order = order
    field.is_published = True
    set_translations(
        field, {language: data[language] for language in ("de", "en") if language in data}
    )
    field.save()
    field.target_groups.set([groups[index] for index in data["groups"]])

    for position, offer_data in enumerate(data["offers"]):
        offer = field.offers.filter(order=position).first() or Offer(field_of_work=field)
        offer.order = position
        set_translations(
            offer,
            {
                language: {"title": title, "description": description}
                for language, (title, description) in offer_data.items()
            },
        )
        offer.save()

    for position, title in enumerate(data.get("documents", [])):
        sample_title = f"{title} (Muster)"
        if field.documents.filter(title=sample_title).exists():
            continue
        document = Document(
            field_of_work=field,
            title=sample_title,
            file=ContentFile(sample_pdf(title), name="muster.pdf"),
            language="de",
            order=position,
        )
        document.full_clean()
        document.save()
    return field


@transaction.atomic
def load() -> dict:
    """Creates or updates the demo content; running it again changes nothing."""
    load_centre()
    load_location()
    groups = load_target_groups()
    fields = {
        data["slug"]: load_field(order, data, groups) for order, data in enumerate(FIELDS, start=1)
    }
    for data in FIELDS:
        fields[data["slug"]].related_fields.add(*(fields[slug] for slug in data["related"]))
    return {
        "fields": len(fields),
        "offers": Offer.objects.filter(field_of_work__in=fields.values()).count(),
        "documents": Document.objects.filter(field_of_work__in=fields.values()).count(),
        "target groups": len(groups),
    }
