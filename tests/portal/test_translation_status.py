import datetime

import pytest
from django.contrib import admin

from fields.models import FieldOfWork, TargetGroup
from news.models import NewsItem
from organisations.models import SupportOffer
from portal.translations import Status, TranslatableModel, needing_translation
from tests.demo import load_demo
from tests.factories import (
    FieldOfWorkFactory,
    NewsItemFactory,
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


def counts(needs):
    return {
        (need.model, need.language_code): (need.missing, need.outdated, need.url) for need in needs
    }


def test_needing_translation_counts_missing_and_outdated_per_language(
    clock, django_assert_num_queries
):
    current, outdated, _untranslated = FieldOfWorkFactory.create_batch(3)
    for field in [current, outdated]:
        translate(field, "en", title="Field", summary="Summary.")
        translate(field, "ar", title="مجال", summary="ملخص.")
    clock.advance(MINUTE)
    edit_german(outdated, title="Geändert")
    for _ in range(3):
        translate(NewsItemFactory(), "en", title="News", teaser="Teaser.")
    models_with_admin = sum(issubclass(model, TranslatableModel) for model in admin.site._registry)

    # One query per model, however many objects and languages.
    with django_assert_num_queries(models_with_admin):
        needs = needing_translation()

    found = counts(needs)
    assert found[(FieldOfWork, "en")] == (
        1,
        1,
        "/admin/fields/fieldofwork/?uebersetzung=en-todo",
    )
    assert found[(FieldOfWork, "ar")][:2] == (1, 1)
    assert found[(NewsItem, "ar")][:2] == (3, 0)
    assert (NewsItem, "en") not in found  # nothing to do
    need = next(need for need in needs if need.model is FieldOfWork and need.language_code == "ar")
    assert need.language_name == "Arabisch"
    assert need.missing_url == "/admin/fields/fieldofwork/?uebersetzung=ar-missing"
    assert need.outdated_url == "/admin/fields/fieldofwork/?uebersetzung=ar-outdated"


def test_needing_translation_is_empty_when_all_is_translated():
    group = TargetGroupFactory()
    translate(group, "en", name="Group")
    translate(group, "ar", name="مجموعة")

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
