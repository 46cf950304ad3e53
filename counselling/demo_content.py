"""Demo content for the counselling section: the counsellor, shown by her role.

The Oberhausen page names a fixed contact person for girls and women with a migration
background; the demo gives her the consultation hours pattern of the Recklinghausen page
and the centre's phone and e-mail, never a name. Found again by her role, so a second run
changes nothing.
"""

from collections import Counter

from centre.demo_content import CENTRE, CONSULTATION_HOURS
from centre.models import ConsultationHours, ContactPerson
from counselling.models import Counsellor
from languages.models import Language
from portal.demo import apply, translated

COUNSELLOR_LANGUAGES = ["de", "en"]
COUNSELLOR = {
    "de": {
        "role": "Ansprechpartnerin für Mädchen und Frauen",
        "unit": "Kommunales Integrationszentrum",
    },
    "en": {"role": "Contact for girls and women", "unit": "Municipal Integration Centre"},
}


def load(counts: Counter) -> None:
    person = (
        ContactPerson.objects.filter(
            translations__language_code="de", translations__role=COUNSELLOR["de"]["role"]
        ).first()
        or ContactPerson()
    )
    values = {"phone": CENTRE["phone"], "email": CENTRE["email"]}
    counts["counsellors", apply(person, values, translated(COUNSELLOR))] += 1
    person.languages.set(Language.objects.filter(code__in=COUNSELLOR_LANGUAGES))
    for weekday, opens, closes in CONSULTATION_HOURS:
        ConsultationHours.objects.get_or_create(
            contact_person=person, weekday=weekday, opens=opens, closes=closes
        )
    Counsellor.objects.get_or_create(contact_person=person)
