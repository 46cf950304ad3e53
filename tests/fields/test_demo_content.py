import re

import pytest

from centre.models import (
    CentreProfile,
    Closure,
    ConsultationHours,
    ContactPerson,
    Location,
    OpeningHours,
)
from fields.models import Document, FieldOfWork, Offer, TargetGroup
from portal.documents import validate_document_file
from portal.richtext import ALLOWED_TAGS
from tests.demo import load_demo, row_counts, stored_files

pytestmark = pytest.mark.django_db

MODELS = [
    CentreProfile,
    CentreProfile.translations.field.model,
    CentreProfile.languages.through,
    FieldOfWork,
    FieldOfWork.translations.field.model,
    FieldOfWork.target_groups.through,
    FieldOfWork.related_fields.through,
    Offer,
    Offer.translations.field.model,
    TargetGroup,
    TargetGroup.translations.field.model,
    Document,
    Location,
    Location.translations.field.model,
    OpeningHours,
    Closure,
    Closure.translations.field.model,
    ContactPerson,
    ContactPerson.translations.field.model,
    ContactPerson.languages.through,
    ConsultationHours,
    FieldOfWork.contact_persons.through,
]


def test_loading_twice_changes_nothing(media):
    first_output = load_demo()
    first, files = row_counts(MODELS), stored_files(media)
    stamps = dict(FieldOfWork.objects.values_list("slug", "updated_at"))

    second_output = load_demo()

    assert row_counts(MODELS) == first
    assert stored_files(media) == files
    # Three sample documents of fields of work, two of networks.
    assert len(files) == 5
    assert dict(FieldOfWork.objects.values_list("slug", "updated_at")) == stamps
    assert "fields of work: 8 created" in first_output
    assert "fields of work: 0 created, 0 updated, 8 unchanged" in second_output
    assert not re.search(r"[1-9]\d* (created|updated)", second_output)


def test_a_second_run_repairs_edited_demo_text_without_duplicates(media):
    load_demo()
    counts = row_counts(MODELS)
    field = FieldOfWork.objects.get(slug="integration-durch-sport")
    field.set_current_language("de")
    field.summary = "Geändert"
    field.save()

    output = load_demo()

    field = FieldOfWork.objects.get(slug="integration-durch-sport")
    field.set_current_language("de")
    assert field.summary.startswith("Sport verbindet Menschen.")
    assert "fields of work: 0 created, 1 updated, 7 unchanged" in output
    assert row_counts(MODELS) == counts


def test_a_target_group_added_by_staff_is_left_alone(media):
    TargetGroup.objects.create(order=0, name="Geflüchtete")

    load_demo()

    assert TargetGroup.objects.filter(translations__name="Geflüchtete").exists()
    assert TargetGroup.objects.count() == 8


def test_the_centre_profile_is_oberhausen(media):
    CentreProfile.objects.create(name="Altes Profil", city="Irgendwo")

    load_demo()

    profile = CentreProfile.objects.get()
    assert profile.city == "Oberhausen"
    assert profile.building == "Renate-Weckwerth-Haus"
    assert profile.email == "kommunales-integrationszentrum@oberhausen.de"
    assert profile.safe_translation_getter("name", language_code="de") == (
        "Kommunales Integrationszentrum Oberhausen"
    )
    assert profile.has_translation("en")
    assert profile.get_translation("de").mission
    assert sorted(profile.languages.values_list("code", flat=True)) == ["de", "en"]


def test_demo_shows_the_seeded_centre_and_fields(client, media):
    load_demo()

    home = client.get("/de/").content.decode()

    assert "Kommunales Integrationszentrum Oberhausen" in home
    assert "Mülheimer Straße 200" in home
    for title in ("Interkulturelle Öffnung der Verwaltung (IKÖ)", "Integration durch Sport"):
        assert title in home


def test_all_fields_are_published_with_offers_groups_and_related_fields(media):
    load_demo()

    fields = FieldOfWork.objects.all()
    assert fields.count() == 8
    for field in fields:
        assert field.is_published
        assert 2 <= field.offers.count() <= 5, field.slug
        assert field.target_groups.exists(), field.slug
        for related in field.related_fields.all():
            assert field in related.related_fields.all()
    assert FieldOfWork.objects.published().count() == 8


def test_every_field_is_translated_into_english_with_its_offers(media):
    load_demo()

    english = FieldOfWork.objects.filter(translations__language_code="en")

    assert english.count() == FieldOfWork.objects.count() == 8
    for field in english:
        assert field.offers.filter(translations__language_code="en").count() == (
            field.offers.count()
        )


def test_summaries_fit_the_tile(media):
    load_demo()

    for translation in FieldOfWork.translations.field.model.objects.all():
        assert 0 < len(translation.summary) <= 500, translation.title


def test_sample_documents_are_real_pdfs_marked_as_samples(media):
    load_demo()

    documents = Document.objects.filter(field_of_work__slug="interkulturelle-oeffnung")

    assert documents.count() == Document.objects.count() == 3
    for document in documents:
        assert document.title.endswith(" (Muster)")
        assert document.language == "de"
        assert not document.is_accessible
        assert document.file_type == "PDF"
        validate_document_file(document.file)
        with document.file.open("rb") as file:
            content = file.read()
        assert content.startswith(b"%PDF-")
        assert b"MUSTERDOKUMENT" in content
        assert "Muster für die Demo".encode("cp1252") in content
        assert_xref_points_at_objects(content)


def assert_xref_points_at_objects(content: bytes):
    """Each xref entry gives the byte offset of its object, as PDF readers expect."""
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", content).group(1))
    assert content[start:].startswith(b"xref\n")
    offsets = re.findall(rb"(\d{10}) 00000 n ", content[start:])
    assert offsets
    for number, offset in enumerate(offsets, start=1):
        assert content[int(offset) :].startswith(b"%d 0 obj\n" % number)


def test_demo_bodies_use_only_the_allowed_tags(media):
    load_demo()

    for translation in FieldOfWork.translations.field.model.objects.all():
        tags = set(re.findall(r"</?([a-z0-9]+)", translation.body))
        assert tags, translation.title
        assert tags <= ALLOWED_TAGS, translation.title


def test_demo_centre_has_oberhausens_opening_hours(media):
    load_demo()

    hours = [str(hours) for hours in Location.objects.get().hours.all()]

    assert hours[0] == "Montag 07:30–16:15"
    assert hours[-1] == "Freitag 07:30–13:00"
    assert len(hours) == 5


def test_demo_contact_persons_are_roles_with_recklinghausens_consultation_hours(media):
    load_demo()

    person = ContactPerson.objects.get(translations__role__contains="Migrantenorganisationen")

    assert person.name == ""
    assert [str(hours) for hours in person.consultation_hours.all()] == [
        "Montag 09:00–14:00",
        "Dienstag 09:00–14:00",
        "Mittwoch 09:00–14:30",
    ]
    assert person.fields_of_work.filter(slug="migrantenorganisationen").exists()


def test_the_six_main_groups_are_featured_with_teasers_and_published_fields(client, media):
    load_demo()

    featured = TargetGroup.objects.filter(featured=True)
    assert [group.slug for group in featured] == [
        "frauen-und-maedchen",
        "seniorinnen-und-senioren",
        "familien-und-eltern",
        "neuzugewanderte",
        "migrantenorganisationen",
        "fachkraefte-und-verwaltung",
    ]
    for group in featured:
        assert group.get_translation("de").teaser, group.slug
        assert group.get_translation("en").teaser, group.slug
        assert group.fields_of_work.published().exists(), group.slug
    home = client.get("/de/").content.decode()
    assert "Wer sind Sie?" in home
    assert 'href="/de/fuer/frauen-und-maedchen/">Frauen und Mädchen</a>' in home
    assert "/de/fuer/kinder-und-jugendliche/" not in home
    page = client.get("/de/fuer/seniorinnen-und-senioren/").content.decode()
    assert "Vermittlung von Angeboten" in page
