import datetime

import pytest
from django.conf import settings
from django.contrib import admin

from centre.models import Closure, InformationPage, KeyFigure, PageSection
from fields.models import FieldOfWork, Offer, TargetGroup
from news.models import NewsItem
from organisations.models import SupportOffer
from portal.translations import (
    Status,
    TranslatableModel,
    needing_translation,
    translatable_parts,
)
from tests.demo import load_demo
from tests.factories import (
    FieldOfWorkFactory,
    InformationPageFactory,
    NewsItemFactory,
    OfferFactory,
    SupportOfferFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)


def translate(obj, language, **values):
    obj.set_current_language(language)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()
    obj.set_current_language("de")


def edit_german(obj, *, minor_change=False, **values):
    obj = type(obj).objects.get(pk=obj.pk)
    obj.minor_change = minor_change
    translate(obj, "de", **values)


def status(obj, language):
    return type(obj).objects.get(pk=obj.pk).translation_status(language)


def test_a_translation_is_missing_then_current_then_outdated_then_current_again(clock):
    field = FieldOfWorkFactory(title="Sport")
    assert status(field, "en") == Status.MISSING

    clock.advance(MINUTE)
    translate(field, "en", title="Sport", summary="Coach training.")
    assert status(field, "en") == Status.CURRENT

    clock.advance(MINUTE)
    edit_german(field, summary="Neue Übungsleiterschulungen ab Mai.")
    assert status(field, "en") == Status.OUTDATED
    assert status(field, "ar") == Status.MISSING

    clock.advance(MINUTE)
    translate(FieldOfWork.objects.get(pk=field.pk), "en", summary="New coach training from May.")
    assert status(field, "en") == Status.CURRENT


def test_a_minor_german_change_keeps_the_translations_current(clock):
    field = FieldOfWorkFactory(title="Sport")
    translate(field, "en", title="Sport", summary="Coach training.")

    clock.advance(MINUTE)
    edit_german(field, minor_change=True, summary="Übungsleiterschulungen (korrigiert).")

    assert status(field, "en") == Status.CURRENT
    assert FieldOfWork.objects.get(pk=field.pk).summary == "Übungsleiterschulungen (korrigiert)."


def test_saving_german_without_a_change_keeps_the_translations_current(clock):
    field = FieldOfWorkFactory(title="Sport")
    translate(field, "en", title="Sport", summary="Coach training.")

    clock.advance(MINUTE)
    field = FieldOfWork.objects.get(pk=field.pk)
    field.order += 1
    field.save()

    assert status(field, "en") == Status.CURRENT


def test_german_and_its_translation_changed_in_one_save_are_current(clock):
    field = FieldOfWorkFactory(title="Sport")
    clock.advance(MINUTE)
    field = FieldOfWork.objects.get(pk=field.pk)
    field.title = "Sport und Bewegung"
    field.set_current_language("en")
    field.title = "Sport and exercise"
    field.summary = "Coach training."
    field.set_current_language("de")

    field.save()

    assert status(field, "en") == Status.CURRENT


def test_a_translation_written_before_its_german_text_is_outdated():
    group = TargetGroup(slug="familien")
    group.set_current_language("en")
    group.name = "Families"
    group.save()
    translate(group, "de", name="Familien")

    assert status(group, "en") == Status.OUTDATED


def test_every_translatable_model_with_an_admin_keeps_the_status():
    translatable = [model for model in admin.site._registry if issubclass(model, TranslatableModel)]

    assert FieldOfWork in translatable
    assert NewsItem in translatable
    for model in translatable:
        field = model._parler_meta.root_model._meta.get_field("source_changed_at")
        assert not field.editable


def test_the_parts_are_the_translatable_objects_edited_on_their_parents_page():
    parts = {
        model: [relation.related_model for relation in translatable_parts(model)]
        for model in admin.site._registry
        if issubclass(model, TranslatableModel) and translatable_parts(model)
    }

    # A location's contact persons and events have an admin of their own: not parts.
    assert {model.__name__: models for model, models in parts.items()} == {
        "FieldOfWork": [Offer],
        "InformationPage": [PageSection, KeyFigure],
        "Location": [Closure],
    }


def test_a_part_lagging_behind_outdates_its_parent(clock):
    field = FieldOfWorkFactory(title="Sport")
    translate(field, "en", title="Sport", summary="Coach training.")
    offer = OfferFactory(field_of_work=field, title="Schwimmkurs")
    assert status(field, "en") == Status.OUTDATED  # the new offer has no English
    translate(offer, "en", title="Swimming course", description="For beginners.")
    assert status(field, "en") == Status.CURRENT

    clock.advance(MINUTE)
    edit_german(offer, title="Schwimmkurs für Frauen")
    assert status(field, "en") == Status.OUTDATED
    assert status(offer, "en") == Status.OUTDATED

    clock.advance(MINUTE)
    edit_german(offer, minor_change=True, description="Für Anfängerinnen.")
    translate(Offer.objects.get(pk=offer.pk), "en", title="Swimming course for women")
    assert status(field, "en") == Status.CURRENT

    clock.advance(MINUTE)
    edit_german(offer, minor_change=True, title="Schwimmkurs für Frauen!")
    assert status(field, "en") == Status.CURRENT


def test_a_parent_without_its_own_translation_is_missing_whatever_its_parts():
    field = FieldOfWorkFactory(title="Sport")
    OfferFactory(field_of_work=field, title="Schwimmkurs")

    assert status(field, "en") == Status.MISSING


def test_a_part_without_german_text_needs_no_translation():
    field = FieldOfWorkFactory(title="Sport")
    translate(field, "en", title="Sport", summary="Coach training.")
    offer = Offer(field_of_work=field)
    translate(offer, "en", title="Swimming course")

    assert status(field, "en") == Status.CURRENT
    assert status(field, "ar") == Status.MISSING
    assert [
        need
        for need in needing_translation()
        if need.model is FieldOfWork and need.language_code == "en"
    ] == []


def test_an_information_pages_outdated_section_outdates_the_page(clock):
    page = InformationPageFactory(intro="<p>Wer wir sind.</p>")
    translate(page, "en", intro="<p>Who we are.</p>")
    section = PageSection(page=page, anchor="team", heading="Team", body="<p>Vier Leute.</p>")
    section.save()
    translate(section, "en", heading="Team", body="<p>Four people.</p>")
    assert status(page, "en") == Status.CURRENT

    clock.advance(MINUTE)
    edit_german(section, body="<p>Fünf Leute.</p>")

    assert status(page, "en") == Status.OUTDATED
    assert [
        (need.missing, need.outdated)
        for need in needing_translation()
        if need.model is InformationPage and need.language_code == "en"
    ] == [(0, 1)]


def counts(needs):
    return {
        (need.model, need.language_code): (need.missing, need.outdated, need.url) for need in needs
    }


def test_needing_translation_counts_missing_and_outdated_per_language(
    clock, django_assert_num_queries
):
    current, outdated, offer_outdated, _untranslated = FieldOfWorkFactory.create_batch(4)
    # Offers: translated, so their fields are current, but for one outdated in English and
    # one without Arabic.
    current_offer, english_outdated, not_in_arabic = (
        OfferFactory(field_of_work=field) for field in [current, offer_outdated, offer_outdated]
    )
    for field in [current, outdated, offer_outdated]:
        translate(field, "en", title="Field", summary="Summary.")
        translate(field, "ar", title="مجال", summary="ملخص.")
    for offer in [current_offer, english_outdated]:
        translate(offer, "en", title="Offer")
        translate(offer, "ar", title="عرض")
    translate(not_in_arabic, "en", title="Offer")
    clock.advance(MINUTE)
    edit_german(outdated, title="Geändert")
    edit_german(english_outdated, title="Geändert")
    translate(Offer.objects.get(pk=english_outdated.pk), "ar", title="تغيّر")
    for _ in range(3):
        translate(NewsItemFactory(), "en", title="News", teaser="Teaser.")
    models_with_admin = sum(issubclass(model, TranslatableModel) for model in admin.site._registry)

    # One query per model, however many objects, parts and languages.
    with django_assert_num_queries(models_with_admin):
        needs = needing_translation()

    found = counts(needs)
    assert found[(FieldOfWork, "en")] == (
        1,
        2,
        "/admin/fields/fieldofwork/?uebersetzung=en-todo",
    )
    assert found[(FieldOfWork, "ar")][:2] == (1, 2)
    assert found[(NewsItem, "ar")][:2] == (3, 0)
    assert (NewsItem, "en") not in found  # nothing to do
    need = next(need for need in needs if need.model is FieldOfWork and need.language_code == "ar")
    assert need.language_name == "Arabisch"
    assert need.missing_url == "/admin/fields/fieldofwork/?uebersetzung=ar-missing"
    assert need.outdated_url == "/admin/fields/fieldofwork/?uebersetzung=ar-outdated"


def test_needing_translation_is_empty_when_all_is_translated():
    group = TargetGroupFactory()
    for code, _name in settings.LANGUAGES[1:]:
        translate(group, code, name=f"Group {code}")

    assert [need for need in needing_translation() if need.model is TargetGroup] == []


def test_the_demo_content_starts_with_no_outdated_translation(media):
    load_demo()
    load_demo()  # a second run changes nothing, so it outdates nothing

    needs = needing_translation()

    assert needs  # the demo translates only part of its content
    assert [need for need in needs if need.outdated] == []


def test_needing_translation_for_a_person_lists_only_what_they_may_change(mso_team):
    FieldOfWorkFactory()
    SupportOfferFactory()

    models = {need.model for need in needing_translation(mso_team)}

    assert SupportOffer in models
    assert FieldOfWork not in models
