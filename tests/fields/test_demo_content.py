import re

import pytest
from django.core.management import call_command

from centre.models import CentreProfile, Closure, Location, OpeningHours
from fields.models import Document, FieldOfWork, Offer, TargetGroup
from fields.validators import validate_document_file
from ki_portal.richtext import ALLOWED_TAGS

pytestmark = pytest.mark.django_db

MODELS = [
    CentreProfile,
    CentreProfile.translations.field.model,
    FieldOfWork,
    FieldOfWork.translations.field.model,
    Offer,
    Offer.translations.field.model,
    TargetGroup,
    TargetGroup.translations.field.model,
    Document,
    Location,
    OpeningHours,
    Closure,
]


def snapshot():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_twice_changes_nothing(settings):
    call_command("load_demo_content")
    first, files = snapshot(), sorted((settings.MEDIA_ROOT / "documents").iterdir())

    call_command("load_demo_content")

    assert snapshot() == first
    assert sorted((settings.MEDIA_ROOT / "documents").iterdir()) == files
    assert first["FieldOfWork"] == 8


def test_demo_shows_the_seeded_centre_and_fields(client):
    call_command("load_demo_content")

    home = client.get("/de/").content.decode()

    assert "Kommunales Integrationszentrum Oberhausen" in home
    assert "Mülheimer Straße 200" in home
    for title in ("Interkulturelle Öffnung der Verwaltung (IKÖ)", "Integration durch Sport"):
        assert title in home
    assert all(FieldOfWork.objects.values_list("is_published", flat=True))


def test_at_least_four_fields_are_translated_into_english():
    call_command("load_demo_content")

    english = FieldOfWork.objects.filter(translations__language_code="en")

    assert english.count() >= 4


def test_sample_documents_are_real_pdfs_marked_as_samples():
    call_command("load_demo_content")

    documents = Document.objects.all()

    assert documents.count() == 3
    for document in documents:
        assert document.title.endswith("(Muster)")
        validate_document_file(document.file)
        content = document.file.read()
        assert b"MUSTERDOKUMENT" in content
        assert document.file_type == "PDF"


def test_demo_bodies_use_only_the_allowed_tags():
    call_command("load_demo_content")

    for translation in FieldOfWork.translations.field.model.objects.all():
        tags = set(re.findall(r"</?([a-z0-9]+)", translation.body))
        assert tags <= ALLOWED_TAGS, translation.title


def test_demo_centre_has_oberhausens_opening_hours():
    call_command("load_demo_content")

    hours = [str(hours) for hours in Location.objects.get().hours.all()]

    assert hours[0] == "Montag 07:30–16:15"
    assert hours[-1] == "Freitag 07:30–13:00"
    assert len(hours) == 5
