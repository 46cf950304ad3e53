"""Demo content for the migrant organisations: support offers, districts, a meeting, entries.

The support offers are the ones the Kreis Recklinghausen lists (information events, help
with events, funding information, intercultural opening of regular services, exchange
meetings), in our own words. The three districts (Stadtbezirke) of Oberhausen, the demo
city, are not in the seeds but common knowledge. The network meeting and the six
organisations are invented and say so: the meeting's agenda starts with
"Beispieltermin", every name ends in "(Beispiel)", contacts are role titles with
addresses at example.org.

Records are found again by a stable key (offer order, district name, organisation slug,
the coming demo meeting at the centre's address), so a second run changes nothing.
"""

import datetime
from collections import Counter
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from centre.demo_content import LOCATION
from languages.models import Language
from organisations.forms import PRIVACY_NOTICE_VERSION, privacy_notice
from organisations.models import (
    RECONFIRM_AFTER,
    Activity,
    Audience,
    District,
    LegalForm,
    NetworkMeeting,
    Organisation,
    Status,
    SupportOffer,
)
from portal.demo import apply, translated

SUPPORT_OFFERS = [
    {
        "de": {
            "title": "Informationsveranstaltungen",
            "description": (
                "Wir laden zu Veranstaltungen über Themen rund um Migration und Integration "
                "ein, die für Ihre Mitglieder wichtig sind."
            ),
        },
        "en": {
            "title": "Information events",
            "description": (
                "We hold events on migration and integration topics that matter to your members."
            ),
        },
    },
    {
        "de": {
            "title": "Hilfe bei eigenen Veranstaltungen",
            "description": (
                "Sie planen ein Fest, einen Vortrag oder einen Workshop? Wir unterstützen Sie "
                "bei der Planung und Durchführung."
            ),
        },
        "en": {
            "title": "Help with your own events",
            "description": (
                "Planning a celebration, a talk or a workshop? We help you plan and run it."
            ),
        },
    },
    {
        "de": {
            "title": "Informationen zu Förderprogrammen",
            "description": (
                "Wir informieren Sie über ausgeschriebene Projekte und Fördermittel, die zu "
                "Ihrer Vereinsarbeit passen."
            ),
        },
        "en": {
            "title": "Information on funding",
            "description": (
                "We tell you about calls for projects and funding that suit your "
                "organisation's work."
            ),
        },
    },
    {
        "de": {
            "title": "Interkulturelle Öffnung",
            "description": (
                "Gemeinsam suchen wir Wege, damit Ämter, Schulen und Beratungsstellen Ihre "
                "Mitglieder besser erreichen."
            ),
        },
        "en": {
            "title": "Intercultural opening",
            "description": (
                "Together we look for ways for offices, schools and counselling services to "
                "reach your members better."
            ),
        },
    },
    {
        "de": {
            "title": "Austauschtreffen und Netzwerk",
            "description": (
                "Wir laden zu Austauschtreffen ein und vernetzen die Organisationen "
                "untereinander und mit der Stadtgesellschaft."
            ),
        },
        "en": {
            "title": "Exchange meetings and networking",
            "description": (
                "We invite you to exchange meetings and connect organisations with each "
                "other and with the wider community."
            ),
        },
    },
]

DISTRICTS = ["Alt-Oberhausen", "Osterfeld", "Sterkrade"]

MEETING_PLACE = (
    f"{LOCATION['translations']['de']['name']}, {LOCATION['street']}, "
    f"{LOCATION['postal_code']} {LOCATION['city']}"
)
MEETING_AGENDA = {
    "de": {
        "agenda": (
            "Beispieltermin für die Demo des Portals\n"
            "Begrüßung und Vorstellungsrunde\n"
            "Die nächsten Qualifizierungsthemen wählen\n"
            "Verschiedenes"
        )
    },
    "en": {
        "agenda": (
            "Example date for the portal's demo\n"
            "Welcome and introductions\n"
            "Choosing the next qualification topics\n"
            "Any other business"
        )
    },
}

EXAMPLE = "Dies ist ein erfundener Beispieleintrag für die Demo des Portals."
ORGANISATIONS = [
    {
        "slug": "kulturbruecke-osterfeld-beispiel",
        "name": "Kulturbrücke Osterfeld e. V. (Beispiel)",
        "legal_form": LegalForm.REGISTERED_ASSOCIATION,
        "founded_year": 1998,
        "district": "Osterfeld",
        "description": (
            "Wir bieten Musik, Volkstanz und Hausaufgabenhilfe für Kinder und Jugendliche "
            f"und einen Gesprächskreis für Frauen. {EXAMPLE}"
        ),
        "languages": ["tr", "de"],
        "activities": ["kultur", "dialog"],
        "audiences": ["kinder-und-jugendliche", "frauen"],
        "contact_name": "Vorstand",
        "contact_role": "Vorsitz",
        "contact_email": "kontakt@kulturbruecke.example.org",
        "publish_contact_name": True,
        "publish_contact_email": True,
    },
    {
        "slug": "elterninitiative-regenbogen-beispiel",
        "name": "Elterninitiative Regenbogen (Beispiel)",
        "legal_form": LegalForm.NOT_REGISTERED,
        "district": "Alt-Oberhausen",
        "description": (
            "Eltern unterstützen Eltern: Wir erklären das Schulsystem, begleiten zu "
            f"Elternabenden und lesen mit Kindern in zwei Sprachen. {EXAMPLE}"
        ),
        "languages": ["ar", "fa", "de"],
        "activities": ["sprache"],
        "audiences": ["kinder-und-jugendliche", "neuzugewanderte"],
        "contact_name": "Sprecherin der Initiative",
        "contact_role": "Sprecherin",
        "contact_email": "eltern@regenbogen.example.org",
    },
    {
        "slug": "sportgemeinschaft-horizont-beispiel",
        "name": "Sportgemeinschaft Horizont Sterkrade e. V. (Beispiel)",
        "legal_form": LegalForm.REGISTERED_ASSOCIATION,
        "founded_year": 2005,
        "district": "Sterkrade",
        "website": "https://sg-horizont.example.org",
        "description": (
            "Fußball, Schach und Schwimmen für alle Altersgruppen. Neue Mitglieder können "
            f"jederzeit zum Probetraining kommen. {EXAMPLE}"
        ),
        "languages": ["de", "ru", "uk"],
        "activities": ["sport"],
        "audiences": ["kinder-und-jugendliche"],
        "contact_name": "Geschäftsstelle",
        "contact_role": "Geschäftsführung",
        "contact_email": "info@sg-horizont.example.org",
        "publish_contact_email": True,
    },
    {
        "slug": "frauentreff-mosaik-beispiel",
        "name": "Frauentreff Mosaik (Beispiel)",
        "legal_form": LegalForm.NOT_REGISTERED,
        "district": "Alt-Oberhausen",
        "description": (
            "Ein offener Treff für Frauen aus der Nachbarschaft: Deutsch üben, Erfahrungen "
            f"austauschen und gemeinsam Ausflüge planen. {EXAMPLE}"
        ),
        "languages": ["ar", "kmr", "de"],
        "activities": ["sprache", "nachbarschaft"],
        "audiences": ["frauen", "neuzugewanderte"],
        "contact_name": "Leitung des Treffs",
        "contact_role": "Koordination",
        "contact_email": "treff@mosaik.example.org",
        "publish_contact_name": True,
    },
    {
        "slug": "seniorenkreis-sonnenhof-beispiel",
        "name": "Seniorenkreis Sonnenhof e. V. (Beispiel)",
        "legal_form": LegalForm.REGISTERED_ASSOCIATION,
        "founded_year": 2011,
        "district": "Osterfeld",
        "description": (
            "Ältere Menschen treffen sich bei uns zum Erzählen, Kochen und zu Vorträgen über "
            f"Pflege und Gesundheit. {EXAMPLE}"
        ),
        "languages": ["tr", "bs", "hr", "sr"],
        "activities": ["dialog", "nachbarschaft"],
        "audiences": ["seniorinnen-und-senioren"],
        "contact_name": "Vorstand",
        "contact_role": "Schriftführung",
        "contact_email": "kreis@sonnenhof.example.org",
    },
    {
        "slug": "forum-vielfalt-und-dialog-beispiel",
        "name": "Forum für Vielfalt und Dialog e. V. (Beispiel)",
        "legal_form": LegalForm.REGISTERED_ASSOCIATION,
        "founded_year": 2016,
        "district": "Sterkrade",
        "language": "en",
        "description": (
            "We organise talks, workshops and open evenings against racism and for dialogue "
            "between cultures and religions. This is an invented example entry for the "
            "portal's demo."
        ),
        "languages": ["en", "fr", "ar", "de"],
        "activities": ["antirassismus", "dialog"],
        "audiences": ["neuzugewanderte"],
        "contact_name": "Vorstand",
        "contact_role": "Vorsitz",
        "contact_email": "forum@vielfalt-dialog.example.org",
        "publish_contact_name": True,
        "publish_contact_email": True,
    },
]
# The lists an entry chooses from, and the key the data above names their entries by.
LISTS = {
    "languages": (Language, "code"),
    "activities": (Activity, "slug"),
    "audiences": (Audience, "slug"),
}


def second_wednesday_after_next_month(today: datetime.date) -> datetime.date:
    """The second Wednesday of the month after next: far enough ahead to be coming."""
    month = today.month + 2
    first = datetime.date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    first_wednesday = first + datetime.timedelta(days=(2 - first.weekday()) % 7)
    return first_wednesday + datetime.timedelta(days=7)


def load_meeting(counts: Counter) -> None:
    """One coming example meeting; a later run keeps its date while it is still coming."""
    meeting = NetworkMeeting.objects.upcoming().filter(place=MEETING_PLACE).first()
    if meeting is None:
        day = second_wednesday_after_next_month(timezone.localdate())
        meeting = NetworkMeeting(
            place=MEETING_PLACE,
            starts_at=datetime.datetime.combine(
                day, datetime.time(18), tzinfo=ZoneInfo(settings.TIME_ZONE)
            ),
        )
    counts["network meetings", apply(meeting, translations=translated(MEETING_AGENDA))] += 1


def load_organisation(data: dict, districts: dict, counts: Counter) -> None:
    """An approved, confirmed entry; confirmed again when it would have left the directory."""
    organisation = Organisation.objects.filter(slug=data["slug"]).first() or Organisation()
    values = {
        name: value for name, value in data.items() if name not in LISTS and name != "district"
    }
    values |= {"district": districts[data["district"]], "status": Status.APPROVED}
    now = timezone.now()
    if organisation.last_confirmed_at is None or (
        organisation.last_confirmed_at < now - RECONFIRM_AFTER
    ):
        values |= {
            "consent_version": PRIVACY_NOTICE_VERSION,
            "consent_text": privacy_notice(),
            "consented_at": now,
            "confirmed_at": now,
            "last_confirmed_at": now,
        }
    status = apply(organisation, values)
    for name, (model, key) in LISTS.items():
        related = getattr(organisation, name)
        wanted = set(model.objects.filter(**{f"{key}__in": data[name]}))
        if set(related.all()) != wanted:
            related.set(wanted)
            status = "updated" if status == "unchanged" else status
    counts["organisations", status] += 1


def load(counts: Counter) -> None:
    for order, translations in enumerate(SUPPORT_OFFERS):
        offer = SupportOffer.objects.filter(order=order).first() or SupportOffer()
        counts["support offers", apply(offer, {"order": order}, translated(translations))] += 1
    districts = {}
    for order, name in enumerate(DISTRICTS):
        district = District.objects.filter(name=name).first() or District(name=name)
        counts["districts", apply(district, {"order": order})] += 1
        districts[name] = district
    load_meeting(counts)
    for data in ORGANISATIONS:
        load_organisation(data, districts, counts)
