"""The queryset base: German text for the public, a preview for staff who may edit."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from fields.models import FieldOfWork, TargetGroup
from news.models import Event, NewsItem
from tests.factories import (
    EventFactory,
    FieldOfWorkFactory,
    NewsItemFactory,
    TargetGroupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def fields():
    """A published field, a draft, and a published one written only in English so far."""
    published = FieldOfWorkFactory(title="Veröffentlicht")
    draft = FieldOfWorkFactory(title="Entwurf", is_published=False)
    with translation.override("en"):
        english_only = FieldOfWorkFactory(title="English only")
    return published, draft, english_only


def test_with_german_text_leaves_out_entries_without_their_german_text():
    german = TargetGroupFactory(name="Eltern")
    with translation.override("en"):
        TargetGroupFactory(name="Parents")

    assert list(TargetGroup.objects.with_german_text()) == [german]


def test_published_needs_the_switch_and_the_german_text(fields):
    published, _draft, _english_only = fields

    assert list(FieldOfWork.objects.published()) == [published]


def test_a_model_without_a_switch_publishes_what_has_its_german_text():
    group = TargetGroupFactory()

    assert list(TargetGroup.objects.published()) == [group]


def test_a_visitor_sees_what_is_published(fields):
    published, _draft, _english_only = fields

    assert list(FieldOfWork.objects.visible_to(AnonymousUser())) == [published]


def test_an_editor_sees_everything_as_a_preview(fields, editor):
    assert list(FieldOfWork.objects.visible_to(editor)) == list(fields)


def test_staff_without_the_change_permission_see_what_is_published(fields, outsider):
    published, _draft, _english_only = fields

    assert list(FieldOfWork.objects.visible_to(outsider)) == [published]


def test_a_permission_without_staff_status_gives_no_preview(fields, editor):
    published, _draft, _english_only = fields
    editor.is_staff = False

    assert list(FieldOfWork.objects.visible_to(editor)) == [published]


def test_the_preview_follows_each_models_own_permission(mso_team):
    """The MSO team may change organisations, not news: no preview of a news draft."""
    NewsItemFactory(is_published=False)

    assert not NewsItem.objects.visible_to(mso_team).exists()


def test_published_keeps_each_models_own_rules(editor):
    """News appear from their date; the preview shows them before it."""
    later = NewsItemFactory(published_on=timezone.localdate() + datetime.timedelta(days=1))
    event = EventFactory()

    assert not NewsItem.objects.published().exists()
    assert list(NewsItem.objects.visible_to(editor)) == [later]
    assert list(Event.objects.visible_to(UserFactory())) == [event]
