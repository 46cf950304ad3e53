"""Demo content for the networks: every membership the Oberhausen pages name.

Local: the steering group of the regional education landscape, the working groups on
equal opportunities, integration and refugees, "Kein Kind zurücklassen", "Lesen
erLeben", the children's academy, the working group "Frauen und Integration" (from the
2024 news) and the BAMF-supported project for the city's migrant organisations (since
1 December 2012). Regional: the city cooperation "Integration.Interkommunal" of eight Ruhr
cities with its five themes and the contract of the intercultural city region. State:
the network of the municipal integration centres with its state coordination office
(49 centres when the 2012 law created them), and the state initiative "Vielfalt
verbindet", joined on 9 July 2013, with its partnership agreement. The descriptions are
our own words; the documents are marked samples. Records are found again by slug, name
or title, so a second run changes nothing.
"""

import datetime
from collections import Counter

from centre.demo_content import DOCUMENT_ISSUER
from fields.models import FieldOfWork
from networks.models import (
    Kind,
    Level,
    Membership,
    Network,
    Partner,
    PartnerKind,
    Role,
    Theme,
)
from organisations.models import Organisation
from portal.demo import add_sample_document, apply

CITIES = [
    "Bochum",
    "Dortmund",
    "Duisburg",
    "Essen",
    "Gelsenkirchen",
    "Herne",
    "Mülheim an der Ruhr",
    "Oberhausen",
]
COOPERATION_THEMES = [
    {
        "de": "Demografischer Wandel und die Gestaltung von Migration und Integration",
        "en": "Demographic change and shaping migration and integration",
    },
    {
        "de": "Umgang mit Vielfalt und Personalmanagement, das auf Vielfalt setzt",
        "en": "Dealing with diversity and diversity-minded staff management",
    },
    {
        "de": "Auszubildende, Nachwuchs- und Fachkräfte mit Einwanderungsgeschichte gewinnen",
        "en": "Winning trainees, young professionals and staff with a migration history",
    },
    {
        "de": "Standortfragen, Internationalisierung und Demografie zusammen mit Integration "
        "denken",
        "en": "Thinking location, internationalisation and demography together with integration",
    },
    {
        "de": "Benachteiligte Bevölkerungsgruppen mitnehmen",
        "en": "Including disadvantaged groups of the population",
    },
]
STATE_OFFICE = "Landeskoordinierungsstelle der Kommunalen Integrationszentren NRW"
MINISTRY = "Ministerium für Arbeit, Integration und Soziales des Landes NRW (MAIS)"
BAMF = "Bundesamt für Migration und Flüchtlinge (BAMF)"
DEMO_ORGANISATION = "kulturbruecke-osterfeld-beispiel"

NETWORKS = [
    {
        "slug": "steuerungsgruppe-regionale-bildungslandschaft",
        "level": Level.LOCAL,
        "kind": Kind.STEERING_GROUP,
        "fields": ["bildung-und-sprache"],
        "de": {
            "name": "Steuerungsgruppe der Regionalen Bildungslandschaft",
            "description": "Die Steuerungsgruppe plant, wie Kitas, Schulen und andere "
            "Bildungsorte in der Stadt zusammenarbeiten, damit jedes Kind gut lernen kann.",
            "centre_role": "bringt die Sicht von Familien mit Einwanderungsgeschichte ein",
        },
        "en": {
            "name": "Steering group of the regional education landscape",
            "description": "The steering group plans how day care, schools and other places "
            "of learning in the city work together so that every child can learn well.",
            "centre_role": "brings in the view of families with a migration history",
        },
    },
    {
        "slug": "ag-chancengleichheit",
        "level": Level.LOCAL,
        "kind": Kind.WORKING_GROUP,
        "fields": ["antirassismus-und-antidiskriminierung"],
        "de": {
            "name": "AG Chancengleichheit",
            "description": "Die Arbeitsgruppe sucht nach Wegen, damit alle Menschen in der "
            "Stadt die gleichen Chancen haben, egal woher sie kommen.",
        },
        "en": {
            "name": "Working group on equal opportunities",
            "description": "The working group looks for ways to give everybody in the city "
            "the same chances, wherever they come from.",
        },
    },
    {
        "slug": "fach-ak-integration",
        "level": Level.LOCAL,
        "kind": Kind.WORKING_GROUP,
        "fields": ["integration-als-querschnittsaufgabe"],
        "de": {
            "name": "Fach-AK Integration",
            "description": "Fachleute aus Verwaltung, Verbänden und Vereinen tauschen sich "
            "über Integration in der Stadt aus und stimmen ihre Angebote ab.",
        },
        "en": {
            "name": "Specialist working group on integration",
            "description": "Professionals from the administration, welfare organisations "
            "and associations discuss integration in the city and coordinate their offers.",
        },
    },
    {
        "slug": "ak-fluechtlinge",
        "level": Level.LOCAL,
        "kind": Kind.WORKING_GROUP,
        "fields": ["neuzugewanderte"],
        "de": {
            "name": "AK Flüchtlinge",
            "description": "Der Arbeitskreis bündelt, was Stadt, Verbände und Ehrenamtliche "
            "für geflüchtete Menschen tun.",
        },
        "en": {
            "name": "Working group on refugees",
            "description": "The working group brings together what the city, welfare "
            "organisations and volunteers do for refugees.",
        },
    },
    {
        "slug": "kein-kind-zuruecklassen",
        "level": Level.LOCAL,
        "kind": Kind.PROJECT,
        "fields": ["bildung-und-sprache"],
        "de": {
            "name": "Projekt „Kein Kind zurücklassen“",
            "description": "Das Projekt sorgt dafür, dass Kinder und Familien früh und ohne "
            "Lücken Unterstützung bekommen, von der Geburt bis zum Beruf.",
        },
        "en": {
            "name": "Project “Kein Kind zurücklassen” (no child left behind)",
            "description": "The project makes sure that children and families get support "
            "early and without gaps, from birth to working life.",
        },
    },
    {
        "slug": "lesen-erleben",
        "level": Level.LOCAL,
        "kind": Kind.INITIATIVE,
        "fields": ["bildung-und-sprache"],
        "de": {
            "name": "Initiative „Lesen erLeben“",
            "description": "Die Initiative weckt bei Kindern die Freude am Lesen, auch in "
            "mehreren Sprachen.",
        },
        "en": {
            "name": "Initiative “Lesen erLeben” (experience reading)",
            "description": "The initiative helps children discover the joy of reading, "
            "also in more than one language.",
        },
    },
    {
        "slug": "kinderakademie",
        "level": Level.LOCAL,
        "kind": Kind.PROJECT,
        "fields": ["bildung-und-sprache"],
        "de": {
            "name": "Kinderakademie",
            "description": "In der Kinderakademie entdecken Kinder Wissenschaft, Kunst und "
            "Technik in Kursen außerhalb der Schule.",
        },
        "en": {
            "name": "Children's academy",
            "description": "In the children's academy, children discover science, art and "
            "technology in courses outside school.",
        },
    },
    {
        "slug": "ak-frauen-und-integration",
        "level": Level.LOCAL,
        "kind": Kind.WORKING_GROUP,
        "fields": ["neuzugewanderte"],
        "de": {
            "name": "Arbeitskreis „Frauen und Integration“",
            "description": "Der Arbeitskreis setzt sich für Frauen mit Einwanderungsgeschichte "
            "ein. Mit ihm hat das Zentrum 2024 den Internationalen Frauentag gefeiert.",
        },
        "en": {
            "name": "Working group “Women and integration”",
            "description": "The working group stands up for women with a migration history. "
            "Together with it, the centre celebrated International Women's Day in 2024.",
        },
    },
    {
        "slug": "netzwerk-migrantenorganisationen",
        "level": Level.LOCAL,
        "kind": Kind.PROJECT,
        "role": Role.COORDINATION,
        "since": datetime.date(2012, 12, 1),
        "partners": [BAMF],
        "organisations": [DEMO_ORGANISATION],
        "fields": ["migrantenorganisationen"],
        "de": {
            "name": "Netzwerk der Migrantenorganisationen",
            "description": "Das Projekt vernetzt die rund 50 Migrantenorganisationen der "
            "Stadt miteinander und mit der Stadtgesellschaft und hilft ihnen, ihre "
            "Vereinsarbeit zu professionalisieren.",
            "centre_role": "lädt zu den Netzwerktreffen ein und plant die Qualifizierungen",
        },
        "en": {
            "name": "Network of migrant organisations",
            "description": "The project connects the city's about 50 migrant organisations "
            "with each other and with the wider community and helps them professionalise "
            "their work.",
            "centre_role": "hosts the network meetings and plans the training",
        },
    },
    {
        "slug": "integration-interkommunal",
        "level": Level.REGIONAL,
        "kind": Kind.CITY_COOPERATION,
        "partners": CITIES,
        "themes": COOPERATION_THEMES,
        "documents": ["Kontrakt Interkulturelle Städteregion Ruhr"],
        "fields": ["integration-als-querschnittsaufgabe", "interkulturelle-oeffnung"],
        "de": {
            "name": "Städtekooperation „Integration.Interkommunal“",
            "description": "Acht große Städte des Ruhrgebiets entwickeln gemeinsam Ideen und "
            "praktische Lösungen für Fragen, die sie alle betreffen, damit die Metropole "
            "Ruhr eine gute Zukunft hat.",
        },
        "en": {
            "name": "City cooperation “Integration.Interkommunal”",
            "description": "Eight large cities of the Ruhr develop shared ideas and practical "
            "answers to questions they all face, for a good future of the Ruhr metropolis.",
        },
    },
    {
        "slug": "verbund-kommunale-integrationszentren-nrw",
        "level": Level.STATE,
        "kind": Kind.CENTRE_ASSOCIATION,
        "partners": [STATE_OFFICE],
        "fields": ["integration-als-querschnittsaufgabe"],
        "de": {
            "name": "Verbund der Kommunalen Integrationszentren in NRW",
            "description": "Alle Kommunalen Integrationszentren in Nordrhein-Westfalen – bei "
            "der Gründung durch das Gesetz von 2012 waren es 49 – sind über die "
            "Landeskoordinierungsstelle miteinander verbunden und lernen voneinander.",
        },
        "en": {
            "name": "Network of the municipal integration centres in NRW",
            "description": "All municipal integration centres in North Rhine-Westphalia – 49 "
            "when the 2012 law created them – are linked through the state coordination "
            "office and learn from each other.",
        },
    },
    {
        "slug": "vielfalt-verbindet",
        "level": Level.STATE,
        "kind": Kind.STATE_INITIATIVE,
        "role": Role.PARTNER,
        "since": datetime.date(2013, 7, 9),
        "partners": [MINISTRY],
        "documents": ["Partnerschaftsvereinbarung Landesinitiative Vielfalt verbindet"],
        "fields": ["interkulturelle-oeffnung"],
        "de": {
            "name": "Landesinitiative „Vielfalt verbindet“",
            "description": "Mit der Initiative des Landes wollen Verwaltungen mehr Menschen "
            "mit Einwanderungsgeschichte gewinnen und sich interkulturell öffnen. Die Städte "
            "der Kooperation „Integration.Interkommunal“ sind am 9. Juli 2013 beigetreten.",
        },
        "en": {
            "name": "State initiative “Vielfalt verbindet” (diversity connects)",
            "description": "With the state's initiative, administrations aim to win more "
            "people with a migration history and open up interculturally. The cities of the "
            "“Integration.Interkommunal” cooperation joined on 9 July 2013.",
        },
    },
]
PARTNER_KINDS = {
    STATE_OFFICE: PartnerKind.AUTHORITY,
    MINISTRY: PartnerKind.AUTHORITY,
    BAMF: PartnerKind.AUTHORITY,
}


def load(counts: Counter) -> None:
    fields = {field.slug: field for field in FieldOfWork.objects.all()}
    for order, data in enumerate(NETWORKS):
        network = Network.objects.filter(slug=data["slug"]).first() or Network()
        values = {
            "slug": data["slug"],
            "level": data["level"],
            "kind": data["kind"],
            "role": data.get("role", Role.MEMBER),
            "since": data.get("since"),
            "order": order,
            "is_published": True,
        }
        translations = {language: data[language] for language in ("de", "en")}
        counts["networks", apply(network, values, translations)] += 1
        network.fields_of_work.add(*(fields[slug] for slug in data["fields"] if slug in fields))
        network.themes.add(*(load_theme(theme, counts) for theme in data.get("themes", [])))
        partners = [
            Partner.objects.get_or_create(
                name=name, defaults={"kind": PARTNER_KINDS.get(name, PartnerKind.CITY)}
            )[0]
            for name in data.get("partners", [])
        ]
        for slug in data.get("organisations", []):
            organisation = Organisation.objects.filter(slug=slug).first()
            if organisation:
                partners.append(
                    Partner.objects.get_or_create(
                        name=organisation.name,
                        defaults={
                            "kind": PartnerKind.MIGRANT_ORGANISATION,
                            "organisation": organisation,
                        },
                    )[0]
                )
        for position, partner in enumerate(partners):
            Membership.objects.get_or_create(
                network=network, partner=partner, defaults={"order": position}
            )
        for title in data.get("documents", []):
            status = add_sample_document(network.documents, title=title, issuer=DOCUMENT_ISSUER)
            counts["network documents", status] += 1


def load_theme(data: dict, counts: Counter) -> Theme:
    theme = (
        Theme.objects.filter(
            translations__language_code="de", translations__name=data["de"]
        ).first()
        or Theme()
    )
    translations = {language: {"name": name} for language, name in data.items()}
    counts["network themes", apply(theme, translations=translations)] += 1
    return theme
