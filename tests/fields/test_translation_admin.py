"""Translating in the admin: status, the minor-change box, the German source, inlines."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fields.models import FieldOfWork, Offer
from portal.translations import Status, needing_translation
from tests.factories import FieldOfWorkFactory, OfferFactory
from tests.fields.test_admin import field_form

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)
MINOR_CHANGE = "Kleine Änderung (z. B. Tippfehler): Übersetzungen bleiben aktuell"
CHANGELIST = "/admin/fields/fieldofwork/"


def change_url(field, language):
    return f"/admin/fields/fieldofwork/{field.pk}/change/?language={language}"


def translate(obj, language, **values):
    obj.set_current_language(language)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()
    obj.set_current_language("de")


def status(field, language):
    return FieldOfWork.objects.get(pk=field.pk).translation_status(language)


def german_form(field, **overrides):
    values = {"title": field.title, "slug": field.slug, "summary": field.summary}
    return field_form(**{"body": field.body, **values, **overrides})


def offers_form(field, *rows):
    """The offers inline as the change form posts it: one row per existing offer."""
    offers = list(field.offers.all())
    data = {"offers-TOTAL_FORMS": str(len(offers)), "offers-INITIAL_FORMS": str(len(offers))}
    for index, (offer, (title, description)) in enumerate(zip(offers, rows, strict=True)):
        data.update(
            {
                f"offers-{index}-id": str(offer.pk),
                f"offers-{index}-field_of_work": str(field.pk),
                f"offers-{index}-title": title,
                f"offers-{index}-description": description,
                f"offers-{index}-order": str(offer.order),
            }
        )
    return data


@pytest.fixture
def field(clock):
    field = FieldOfWorkFactory(title="Sport", summary="Übungsleiterschulungen.")
    translate(field, "en", title="Sport", summary="Coach training.")
    clock.advance(MINUTE)
    return FieldOfWork.objects.get(pk=field.pk)


def test_a_german_edit_outdates_the_translation(editor_client, field):
    response = editor_client.post(
        change_url(field, "de"), german_form(field, summary="Neue Schulungen ab Mai.")
    )

    assert response.status_code == 302
    assert status(field, "en") == Status.OUTDATED


def test_saving_german_unchanged_from_a_browser_keeps_the_translation_current(editor_client, field):
    translate(field, "de", summary="Schulungen.\nAn zwei Wochenenden.")
    translate(field, "en", summary="Training.\nOn two weekends.")

    # A browser sends the lines of a textarea ending in CR LF.
    data = german_form(field, summary="Schulungen.\r\nAn zwei Wochenenden.", order="7")
    response = editor_client.post(change_url(field, "de"), data)

    assert response.status_code == 302
    assert FieldOfWork.objects.get(pk=field.pk).order == 7
    assert status(field, "en") == Status.CURRENT


def test_a_german_edit_marked_minor_keeps_the_translation_current(editor_client, field):
    response = editor_client.post(
        change_url(field, "de"),
        german_form(field, summary="Übungsleiterschulungen!", minor_change="on"),
    )

    assert response.status_code == 302
    assert FieldOfWork.objects.get(pk=field.pk).summary == "Übungsleiterschulungen!"
    assert status(field, "en") == Status.CURRENT


def test_a_minor_change_keeps_the_offers_translations_current_too(editor_client, field):
    offer = OfferFactory(field_of_work=field, title="Ubungsleiterschulung", description="")
    translate(offer, "en", title="Coach training")
    data = german_form(field, minor_change="on")
    data.update(offers_form(field, ("Übungsleiterschulung", "")))

    response = editor_client.post(change_url(field, "de"), data)

    assert response.status_code == 302
    offer = Offer.objects.get(pk=offer.pk)
    assert offer.title == "Übungsleiterschulung"
    assert offer.translation_status("en") == Status.CURRENT
    assert status(field, "en") == Status.CURRENT
    assert listed(editor_client, "en-todo") == set()


def test_without_the_box_the_offers_translations_are_outdated(editor_client, field):
    offer = OfferFactory(field_of_work=field, title="Ubungsleiterschulung", description="")
    translate(offer, "en", title="Coach training")
    data = german_form(field)
    data.update(offers_form(field, ("Übungsleiterschulung", "")))

    editor_client.post(change_url(field, "de"), data)

    assert Offer.objects.get(pk=offer.pk).translation_status("en") == Status.OUTDATED
    assert status(field, "en") == Status.OUTDATED


def listed(client, value):
    response = client.get(CHANGELIST, {"uebersetzung": value})
    return {field.pk for field in response.context["cl"].result_list}


def field_needs(language):
    return [
        (need.missing, need.outdated)
        for need in needing_translation()
        if need.model is FieldOfWork and need.language_code == language
    ]


def test_an_offer_whose_german_changed_outdates_its_field_of_work(editor_client, field, clock):
    offer = OfferFactory(field_of_work=field, title="Schwimmkurs", description="")
    translate(offer, "en", title="Swimming course")
    assert "Englisch: aktuell" in editor_client.get(CHANGELIST).content.decode()
    clock.advance(MINUTE)

    # Only the offer's German text changes, on the field's page: the field's own does not.
    data = german_form(field)
    data.update(offers_form(field, ("Schwimmkurs für Frauen", "")))
    response = editor_client.post(change_url(field, "de"), data)

    assert response.status_code == 302
    assert status(field, "en") == Status.OUTDATED
    assert "Englisch: veraltet" in editor_client.get(CHANGELIST).content.decode()
    assert listed(editor_client, "en-outdated") == {field.pk}
    assert listed(editor_client, "en-todo") == {field.pk}
    assert listed(editor_client, "en-missing") == set()
    assert field_needs("en") == [(0, 1)]


def test_saving_the_offers_translation_again_brings_the_field_up_to_date(
    editor_client, field, clock
):
    offer = OfferFactory(field_of_work=field, title="Schwimmkurs", description="")
    translate(offer, "en", title="Swimming course")
    clock.advance(MINUTE)
    translate(Offer.objects.get(pk=offer.pk), "de", title="Schwimmkurs für Frauen")
    assert status(field, "en") == Status.OUTDATED
    clock.advance(MINUTE)

    data = field_form(slug=field.slug, title="Sport", summary="Coach training.", body="")
    data.update(offers_form(field, ("Swimming course for women", "")))
    response = editor_client.post(change_url(field, "en"), data)

    assert response.status_code == 302
    assert status(field, "en") == Status.CURRENT
    assert "Englisch: aktuell" in editor_client.get(CHANGELIST).content.decode()
    assert listed(editor_client, "en-todo") == set()
    assert field_needs("en") == []


def test_a_new_offer_without_english_makes_its_field_need_english(editor_client, field):
    data = german_form(field)
    data.update(
        {
            "offers-TOTAL_FORMS": "1",
            "offers-INITIAL_FORMS": "0",
            "offers-0-title": "Schwimmkurs",
            "offers-0-description": "",
            "offers-0-order": "0",
        }
    )
    response = editor_client.post(change_url(field, "de"), data)

    assert response.status_code == 302
    assert Offer.objects.get().translation_status("en") == Status.MISSING
    # The field's own text is translated: it is outdated, not missing (portal.translations).
    assert status(field, "en") == Status.OUTDATED
    assert "Englisch: veraltet" in editor_client.get(CHANGELIST).content.decode()
    assert listed(editor_client, "en-todo") == {field.pk}
    assert listed(editor_client, "en-outdated") == {field.pk}
    assert field_needs("en") == [(0, 1)]


def test_the_minor_change_box_is_offered_only_while_editing_german(editor_client, field):
    german = editor_client.get(change_url(field, "de")).content.decode()
    english = editor_client.get(change_url(field, "en")).content.decode()
    new = editor_client.get("/admin/fields/fieldofwork/add/?language=de").content.decode()

    assert MINOR_CHANGE in german
    assert 'name="minor_change"' in german
    assert MINOR_CHANGE not in english
    assert MINOR_CHANGE not in new


def test_saving_the_translation_again_makes_it_current(editor_client, field):
    translate(field, "de", summary="Neue Schulungen ab Mai.")
    assert status(field, "en") == Status.OUTDATED

    response = editor_client.post(
        change_url(field, "en"),
        field_form(slug=field.slug, title="Sport", summary="Coach training.", body=""),
    )

    assert response.status_code == 302
    assert status(field, "en") == Status.CURRENT


def test_the_german_text_stands_beside_each_translated_field(editor_client, field):
    translate(field, "de", body="<p>Sport <strong>verbindet</strong>.</p>")
    OfferFactory(field_of_work=field, title="Übungsleiterschulung")

    arabic = editor_client.get(change_url(field, "ar")).content.decode()
    german = editor_client.get(change_url(field, "de")).content.decode()

    assert arabic.count('<div class="german-source">') == 5  # 3 fields, 2 of the offer
    german_text = '<span class="german-source__text" lang="de" dir="ltr">'
    assert f"{german_text}Übungsleiterschulungen.</span>" in arabic
    assert f"{german_text}Übungsleiterschulung</span>" in arabic
    assert (  # rich text as its HTML
        '<div class="german-source__richtext" lang="de" dir="ltr">'
        "<p>Sport <strong>verbindet</strong>.</p></div>"
    ) in arabic
    assert 'aria-describedby="id_summary_helptext"' in arabic
    assert "german-source" not in german


def test_an_arabic_translation_is_saved_while_its_offers_have_none(editor_client, field):
    OfferFactory(field_of_work=field, title="Übungsleiterschulung")
    OfferFactory(field_of_work=field, title="Schwimmkurs")
    data = field_form(slug=field.slug, title="الرياضة", summary="تدريب المدربين.", body="")
    data.update(offers_form(field, ("", ""), ("", "")))

    response = editor_client.post(change_url(field, "ar"), data)

    assert response.status_code == 302
    assert field.has_translation("ar")
    # Still needing work: its offers lack Arabic.
    assert status(field, "ar") == Status.OUTDATED
    assert not Offer.objects.filter(translations__language_code="ar").exists()
    assert sorted(str(offer) for offer in Offer.objects.all()) == [
        "Schwimmkurs",
        "Übungsleiterschulung",
    ]


def test_one_offer_is_translated_while_the_other_stays_german(editor_client, field):
    first = OfferFactory(field_of_work=field, title="Übungsleiterschulung", order=0)
    OfferFactory(field_of_work=field, title="Schwimmkurs", order=1)
    data = field_form(slug=field.slug, title="الرياضة", summary="تدريب المدربين.", body="")
    data.update(offers_form(field, ("تدريب المدربين", ""), ("", "")))

    response = editor_client.post(change_url(field, "ar"), data)

    assert response.status_code == 302
    translated = Offer.objects.filter(translations__language_code="ar")
    assert list(translated) == [first]
    first.set_current_language("ar")
    assert first.title == "تدريب المدربين"


def test_a_partly_filled_offer_translation_is_still_checked(editor_client, field):
    OfferFactory(field_of_work=field, title="Übungsleiterschulung")
    data = field_form(slug=field.slug, title="الرياضة", summary="تدريب المدربين.", body="")
    data.update(offers_form(field, ("", "وصف بدون عنوان")))

    response = editor_client.post(change_url(field, "ar"), data)

    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
    assert not FieldOfWork.objects.filter(translations__language_code="ar").exists()


def test_the_filter_lists_what_needs_translating(editor_client, field, clock):
    untranslated = FieldOfWorkFactory(title="Bildung")
    outdated = FieldOfWorkFactory(title="Gesundheit")
    translate(outdated, "en", title="Health", summary="Health.")
    clock.advance(MINUTE)
    translate(outdated, "de", summary="Neu.")

    assert listed(editor_client, "en-missing") == {untranslated.pk}
    assert listed(editor_client, "en-outdated") == {outdated.pk}
    assert listed(editor_client, "en-todo") == {untranslated.pk, outdated.pk}
    assert listed(editor_client, "ar-missing") == {field.pk, untranslated.pk, outdated.pk}
    assert listed(editor_client, "ar-outdated") == set()


def test_the_change_list_offers_the_filter_and_shows_each_language(editor_client, field):
    html = editor_client.get(CHANGELIST).content.decode()

    assert "Englisch: fehlt oder veraltet" in html
    assert "?uebersetzung=ar-outdated" in html
    assert "Englisch: aktuell" in html
    assert "Arabisch: fehlt" in html


def test_an_unknown_filter_value_lists_everything(editor_client, field):
    response = editor_client.get(CHANGELIST, {"uebersetzung": "xx-missing"})

    assert response.status_code == 200
    assert [f.pk for f in response.context["cl"].result_list] == [field.pk]


def test_the_status_column_asks_no_more_queries_for_more_fields_and_offers(editor_client, field):
    def queries():
        editor_client.get(CHANGELIST)  # warms the session and permissions
        with CaptureQueriesContext(connection) as captured:
            html = editor_client.get(CHANGELIST).content.decode()
        return len(captured), html.count("translation-status--outdated")

    OfferFactory(field_of_work=field)
    few = queries()
    for _ in range(3):
        other = FieldOfWorkFactory()
        translate(other, "en", title="Field", summary="Summary.")
        for offer in OfferFactory.create_batch(2, field_of_work=other):
            translate(offer, "en", title="Offer")

    # The new fields have English, so their column reads their offers' translations too.
    assert few == (queries()[0], 1)
