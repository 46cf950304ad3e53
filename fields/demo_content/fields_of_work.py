"""The demo's fields of work with their offers, documents and related fields."""

from fields.demo_content.target_groups import (
    FAMILIES,
    NEWCOMERS,
    ORGANISATIONS,
    PROFESSIONALS,
    SENIORS,
    WOMEN,
    YOUTH,
)

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
        # Its English comes from locale_demo/en.po.
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
        # Its English comes from locale_demo/en.po.
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
