"""Demo fields of work: facts from the public pages of several NRW centres, in our own words.

The fields of work combine what Oberhausen, Kreis Recklinghausen, Bielefeld and the
Oberbergischer Kreis describe, so the demo shows that nothing about one city is built in.
Sample documents are generated and say plainly that they only stand in for the real papers.

Two fields have no English text here: theirs, like every language but German and
English, comes from the catalogues in locale_demo/ (`portal.demo.translated`).

`load()` is idempotent: it looks every record up by a stable key, saves only what
differs from the data below and never replaces a document that already exists.
"""

from collections import Counter

from centre.demo_content import DOCUMENT_ISSUER
from centre.models import ContactPerson
from fields.demo_content.fields_of_work import FIELDS
from fields.demo_content.target_groups import TARGET_GROUPS
from fields.models import FieldOfWork, Offer, TargetGroup
from portal.demo import add_sample_document, apply, translated

# The centre's contact persons (by their German role) and the fields of work they answer for.
FIELD_CONTACTS = {
    "Ansprechperson für Migrantenorganisationen": ["migrantenorganisationen"],
    "Ansprechperson für interkulturelle Öffnung": [
        "interkulturelle-oeffnung",
        "integration-als-querschnittsaufgabe",
    ],
}


def load_target_groups(counts: Counter) -> list[TargetGroup]:
    groups = []
    for order, data in enumerate(TARGET_GROUPS):
        group = (
            TargetGroup.objects.filter(
                translations__language_code="de", translations__name=data["de"]["name"]
            ).first()
            or TargetGroup()
        )
        values = {
            "slug": data["slug"],
            "featured": data["featured"],
            "leads_to_counselling": data.get("leads_to_counselling", False),
            "order": order,
        }
        translations = {language: data[language] for language in ("de", "en")}
        counts["target groups", apply(group, values, translated(translations))] += 1
        groups.append(group)
    return groups


def load_field(order: int, data: dict, groups: list[TargetGroup], counts: Counter):
    field = FieldOfWork.objects.filter(slug=data["slug"]).first() or FieldOfWork()
    values = {"slug": data["slug"], "order": order, "is_published": True}
    translations = {language: data[language] for language in ("de", "en") if language in data}
    counts["fields of work", apply(field, values, translated(translations))] += 1
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
        counts["offers", apply(offer, {"order": position}, translated(translations))] += 1

    for position, title in enumerate(data.get("documents", [])):
        status = add_sample_document(
            field.documents, title=title, issuer=DOCUMENT_ISSUER, order=position
        )
        counts["documents", status] += 1
    return field


def link_contact_persons(fields: dict) -> None:
    """Links the centre's demo contact persons, found by their German role, to their fields."""
    for role, slugs in FIELD_CONTACTS.items():
        person = ContactPerson.objects.filter(
            translations__language_code="de", translations__role=role
        ).first()
        if person:
            for slug in slugs:
                fields[slug].contact_persons.add(person)


def load(counts: Counter) -> None:
    """Target groups, fields of work, offers, sample documents; after the centre's content."""
    groups = load_target_groups(counts)
    fields = {
        data["slug"]: load_field(order, data, groups, counts)
        for order, data in enumerate(FIELDS, start=1)
    }
    for data in FIELDS:  # `related_fields` is symmetrical: adding one side sets both.
        fields[data["slug"]].related_fields.add(*(fields[slug] for slug in data["related"]))
    link_contact_persons(fields)
