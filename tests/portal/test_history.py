"""History with undo in the admin (portal/history.py): what is recorded, the readable diff,
restoring a version and recovering a deleted entry, and what is never recorded."""

import io

import pytest
import reversion
from django.contrib.messages import ERROR
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import translation
from reversion.models import Version
from reversion.revisions import get_registered_models

from centre.models import ContactPerson
from counselling.models import CounsellingRequest
from fields.models import FieldOfWork, Offer, TargetGroup
from languages.models import Language
from organisations.models import Status
from organisations.services import (
    organisation_approve,
    organisation_reject,
    organisation_withdraw,
)
from portal.encryption import EncryptedMixin
from portal.history import record_initial_versions, register
from tests.demo import load_demo
from tests.factories import (
    ContactPersonFactory,
    CounsellingRequestFactory,
    FieldOfWorkFactory,
    LanguageFactory,
    OfferFactory,
    OrganisationFactory,
    TargetGroupFactory,
    UserFactory,
)
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

FIELDS = "/admin/fields/fieldofwork/"
TARGET_GROUPS = "/admin/fields/targetgroup/"
# Session, user, second factor, permissions and the admin's side bar (11); the record and
# its translations (2); the versions and their revisions (2); the names of the target
# groups with their translations (2).
QUERIES_PER_HISTORY_PAGE = 17


def field_form(field, **overrides):
    """The change form of a field of work with its offers, as a browser posts it."""
    offers = list(field.offers.all())
    data = {
        "title": field.title,
        "slug": field.slug,
        "summary": field.summary,
        "body": field.body,
        "order": str(field.order),
        "is_published": "on" if field.is_published else "",
        "target_groups": [str(pk) for pk in field.target_groups.values_list("pk", flat=True)],
        "offers-TOTAL_FORMS": str(len(offers)),
        "offers-INITIAL_FORMS": str(len(offers)),
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    for number, offer in enumerate(offers):
        prefix = f"offers-{number}-"
        data |= {
            f"{prefix}id": str(offer.pk),
            f"{prefix}field_of_work": str(field.pk),
            f"{prefix}title": offer.title,
            f"{prefix}description": offer.description,
            f"{prefix}order": str(offer.order),
        }
    data.update(overrides)
    return data


def recorded(obj, user=None):
    """The object's current state as a version, as the first save in the admin leaves it."""
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.add_to_revision(obj)
    return Version.objects.get_for_object(obj).first()


@pytest.fixture
def erika(editor):
    editor.first_name, editor.last_name = "Erika", "Muster"
    editor.save()
    return editor


@pytest.fixture
def sport():
    """A field of work in German and Arabic with one offer."""
    field = FieldOfWorkFactory(title="Integration durch Sport", slug="sport")
    field.set_current_language("ar")
    field.title = "الاندماج من خلال الرياضة"
    field.summary = "تدريب المدربين."
    field.save()
    field.set_current_language("de")
    OfferFactory(field_of_work=field, title="Übungsleiterschulung", description="Zwei Wochenenden")
    return FieldOfWork.objects.get(pk=field.pk)


def test_an_edit_in_the_admin_is_recorded_with_the_editor_and_the_changed_fields(
    client, erika, sport
):
    sign_in(client, erika)
    youth = TargetGroupFactory(name="Jugendliche")
    recorded(sport)

    response = client.post(
        f"{FIELDS}{sport.pk}/change/",
        field_form(
            sport,
            title="Sport verbindet",
            body="<p>Erster Absatz</p><p>Zweiter &amp; letzter</p>",
            target_groups=[str(youth.pk)],
        ),
    )

    assert response.status_code == 302
    latest = Version.objects.get_for_object(sport).first()
    assert latest.revision.user == erika
    history = client.get(f"{FIELDS}{sport.pk}/history/")
    changes = history.context["entries"][0]["changes"]
    assert {(change.label, change.old, change.new) for change in changes} == {
        ("Titel (Deutsch)", "Integration durch Sport", "Sport verbindet"),
        (
            "Beschreibung (Deutsch)",
            "Beschreibung des Handlungsfelds.",
            "Erster Absatz\nZweiter & letzter",
        ),
        ("Zielgruppen", "–", "Jugendliche"),
    }


def test_the_history_page_is_in_german_and_names_who_changed_what(client, erika, sport):
    sign_in(client, erika)
    recorded(sport)
    client.post(f"{FIELDS}{sport.pk}/change/", field_form(sport, title="Sport verbindet"))

    with translation.override("de"):
        response = client.get(f"{FIELDS}{sport.pk}/history/", HTTP_ACCEPT_LANGUAGE="de")

    page = response.content.decode()
    assert response.status_code == 200
    assert "von Erika Muster" in page
    assert "Erste aufgezeichnete Fassung." in page
    assert "Diese Version wiederherstellen" in page
    assert "Titel (Deutsch)" in page
    assert "Sport verbindet" in page
    for english in ["History", "Revert", "Choose a date", "Date/time", "Recover"]:
        assert english not in page


def test_the_edit_page_says_who_changed_it_last(client, erika, sport):
    sign_in(client, erika)

    before = client.get(f"{FIELDS}{sport.pk}/change/").content.decode()
    client.post(f"{FIELDS}{sport.pk}/change/", field_form(sport, title="Sport verbindet"))
    after = client.get(f"{FIELDS}{sport.pk}/change/").content.decode()

    assert "noch keine Änderung aufgezeichnet" in before
    assert "Zuletzt geändert von Erika Muster am" in after


def test_a_restore_brings_back_german_and_arabic_text_and_a_deleted_offer(client, erika, sport):
    sign_in(client, erika)
    first = recorded(sport, erika)
    offer = sport.offers.get()
    data = field_form(sport, title="Sport verbindet", **{"offers-0-DELETE": "on"})
    assert client.post(f"{FIELDS}{sport.pk}/change/", data).status_code == 302
    sport.set_current_language("ar")
    sport.title = "عنوان جديد"
    with reversion.create_revision():
        sport.save()
    new_offer = OfferFactory(field_of_work=sport, title="Später hinzugefügt")

    shown = client.get(f"{FIELDS}{sport.pk}/history/{first.pk}/")
    response = client.post(f"{FIELDS}{sport.pk}/history/{first.pk}/")

    assert shown.status_code == 200
    assert "Angebot „Übungsleiterschulung“: Titel (Deutsch)" in shown.content.decode()
    assert response.status_code == 302
    assert response["Location"] == f"{FIELDS}{sport.pk}/change/"
    field = FieldOfWork.objects.get(pk=sport.pk)
    assert field.safe_translation_getter("title", language_code="de") == "Integration durch Sport"
    assert field.safe_translation_getter("title", language_code="ar") == "الاندماج من خلال الرياضة"
    assert [o.pk for o in field.offers.all()] == [offer.pk]
    assert field.offers.get().safe_translation_getter("title") == "Übungsleiterschulung"
    assert not Offer.objects.filter(pk=new_offer.pk).exists()
    latest = Version.objects.get_for_object(field).first().revision
    assert latest.user == erika
    assert latest.comment.startswith("Wiederhergestellt aus der Version vom")


def test_a_restore_needs_a_confirmation_sent_by_post(client, erika, sport):
    sign_in(client, erika)
    first = recorded(sport)
    client.post(f"{FIELDS}{sport.pk}/change/", field_form(sport, title="Sport verbindet"))

    client.get(f"{FIELDS}{sport.pk}/history/{first.pk}/")

    assert FieldOfWork.objects.get(pk=sport.pk).title == "Sport verbindet"


def test_staff_who_may_only_view_see_the_history_but_cannot_restore(editor_client):
    # Editors read the list of languages; the team of the migrant organisations keeps it.
    language = LanguageFactory(code="qq", name="Qaqa")
    first = recorded(language)
    language.name = "Qaqa neu"
    with reversion.create_revision():
        language.save()
    url = f"/admin/languages/language/{language.pk}/history/"

    history = editor_client.get(url)
    confirmation = editor_client.get(f"{url}{first.pk}/")
    refused = editor_client.post(f"{url}{first.pk}/")

    assert history.status_code == confirmation.status_code == 200
    assert "Diese Version wiederherstellen" not in history.content.decode()
    assert "Diese Version wiederherstellen" not in confirmation.content.decode()
    assert refused.status_code == 403
    assert Language.objects.get(pk="qq").name == "Qaqa neu"


def test_a_restore_that_would_take_an_address_in_use_says_why_and_changes_nothing(
    client, erika, sport
):
    sign_in(client, erika)
    first = recorded(sport)
    client.post(f"{FIELDS}{sport.pk}/change/", field_form(sport, slug="sport-alt"))
    FieldOfWorkFactory(slug="sport")

    response = client.post(f"{FIELDS}{sport.pk}/history/{first.pk}/", follow=True)

    assert response.status_code == 200
    [message] = [str(shown) for shown in response.context["messages"] if shown.level == ERROR]
    assert message.startswith("Diese Version lässt sich nicht wiederherstellen:")
    assert "Adresse" in message
    assert FieldOfWork.objects.get(pk=sport.pk).slug == "sport-alt"


def test_a_deleted_entry_is_recovered_with_its_translations(client, erika):
    sign_in(client, erika)
    group = TargetGroupFactory(name="Familien", slug="familien")
    group.set_current_language("ar")
    group.name = "العائلات"
    group.save()
    record_initial_versions(comment="Erste Fassung")
    pk = group.pk
    assert client.post(f"{TARGET_GROUPS}{pk}/delete/", {"post": "yes"}).status_code == 302

    listing = client.get(f"{TARGET_GROUPS}recover/")
    [deleted] = listing.context["deleted"]
    response = client.post(f"{TARGET_GROUPS}recover/{deleted.pk}/")

    assert "Familien" in listing.content.decode()
    assert response.status_code == 302
    recovered = TargetGroup.objects.get(pk=pk)
    assert recovered.safe_translation_getter("name", language_code="ar") == "العائلات"
    assert recovered.slug == "familien"


def test_recovering_needs_the_permission_to_add(editor_client):
    language = LanguageFactory(code="qq")
    version = recorded(language)
    language.delete()

    assert editor_client.get("/admin/languages/language/recover/").status_code == 403
    assert editor_client.post(f"/admin/languages/language/recover/{version.pk}/").status_code == 403
    assert not Language.objects.filter(pk="qq").exists()


def test_no_counselling_model_and_no_encrypted_field_is_ever_recorded():
    registered = list(get_registered_models())

    assert registered
    assert not [model for model in registered if model._meta.app_label == "counselling"]
    assert not [
        f"{model._meta.label}.{field.name}"
        for model in registered
        for field in model._meta.fields
        if isinstance(field, EncryptedMixin)
    ]
    with pytest.raises(ImproperlyConfigured, match="encrypted"):
        register(CounsellingRequest)


def test_a_counselling_request_saved_in_its_admin_leaves_no_version(counsellor_client):
    counselling_request = CounsellingRequestFactory()
    url = f"/admin/counselling/counsellingrequest/{counselling_request.pk}/change/"
    form = counsellor_client.get(url).context["adminform"].form

    response = counsellor_client.post(
        url,
        {
            **{name: value for name, value in form.initial.items() if value is not None},
            "status": "done",
            "notes-TOTAL_FORMS": "0",
            "notes-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    assert CounsellingRequest.objects.get(pk=counselling_request.pk).status == "done"
    assert not Version.objects.exists()


def test_a_restore_leaves_what_the_workflows_set_alone(mso_client):
    organisation = OrganisationFactory(name="Kulturverein Aurora e. V.", pending=True)
    first = recorded(organisation)
    organisation.status = "approved"
    organisation.name = "Kulturverein Aurora"
    organisation.link_secret = "0" * 32
    organisation.save()

    response = mso_client.post(
        f"/admin/organisations/organisation/{organisation.pk}/history/{first.pk}/"
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.name, organisation.status) == ("Kulturverein Aurora e. V.", "approved")
    # A self-service link sent since stays valid; an older one stays invalid.
    assert organisation.link_secret == "0" * 32


def test_an_organisation_leaves_no_history_behind_when_it_is_withdrawn():
    organisation = OrganisationFactory()
    recorded(organisation)

    organisation_withdraw(entry=organisation, user=UserFactory())

    assert not Version.objects.exists()


def test_a_rejected_registration_keeps_no_earlier_version_of_its_personal_data():
    registration = OrganisationFactory(pending=True, contact_name="Amina Yilmaz")
    recorded(registration)

    organisation_reject(organisation=registration, user=UserFactory(), reason="Kein Verein.")

    assert not Version.objects.exists()


def test_a_change_request_taken_over_is_a_version_of_its_own(mso_client, mso_team):
    entry = OrganisationFactory(name="Kulturverein Aurora")
    recorded(entry)
    proposal = OrganisationFactory(
        name="Kulturverein Aurora e. V.", revision_of=entry, status=Status.PENDING
    )

    organisation_approve(organisation=proposal, user=mso_team)

    history = mso_client.get(f"/admin/organisations/organisation/{entry.pk}/history/")
    [latest, _first] = history.context["entries"]
    assert latest["comment"] == "Änderungswunsch übernommen."
    changes = {change.label: change.new for change in latest["changes"]}
    assert changes["Name der Organisation"] == "Kulturverein Aurora e. V."
    # What the workflow sets, and staff cannot edit, is neither shown nor restored.
    assert "Eintrag zuletzt bestätigt am" not in changes


def test_the_demo_content_starts_with_a_first_version_of_each_entry():
    load_demo()
    versions = Version.objects.count()
    load_demo()

    field = FieldOfWork.objects.first()
    assert Version.objects.get_for_object(field).count() == 1
    assert Version.objects.count() == versions


def test_entries_from_before_the_history_get_their_first_version_once(sport):
    first, second = io.StringIO(), io.StringIO()

    call_command("record_first_versions", stdout=first)
    call_command("record_first_versions", stdout=second)

    [version] = Version.objects.get_for_object(sport)
    assert version.revision.comment == "Erste aufgezeichnete Fassung."
    assert "0 first version(s) recorded." in second.getvalue()


@pytest.mark.parametrize("edits", [1, 4])
def test_the_history_page_asks_the_same_number_of_queries_for_more_versions(
    client, erika, sport, edits, django_assert_num_queries
):
    sign_in(client, erika)
    sport.target_groups.add(TargetGroupFactory(), TargetGroupFactory())
    OfferFactory(field_of_work=sport)
    recorded(sport)
    for number in range(edits):
        client.post(f"{FIELDS}{sport.pk}/change/", field_form(sport, title=f"Sport {number}"))

    with django_assert_num_queries(QUERIES_PER_HISTORY_PAGE):
        response = client.get(f"{FIELDS}{sport.pk}/history/")

    assert len(response.context["entries"]) == edits + 1


def test_an_action_on_the_list_is_recorded_like_an_edit(client, erika, sport):
    sign_in(client, erika)
    recorded(sport)

    response = client.post(FIELDS, {"action": "unpublish", "_selected_action": [str(sport.pk)]})

    assert response.status_code == 302
    history = client.get(f"{FIELDS}{sport.pk}/history/")
    [latest, _first] = history.context["entries"]
    assert latest["person"] == "Erika Muster"
    assert latest["comment"] == "Aktion: Ausgewählte Handlungsfelder auf „Entwurf“ setzen"
    assert [(change.label, change.old, change.new) for change in latest["changes"]] == [
        ("Veröffentlicht", "ja", "nein")
    ]


def test_a_restore_that_points_to_a_deleted_entry_says_why_and_changes_nothing(
    client, erika, sport
):
    sign_in(client, erika)
    person = ContactPersonFactory(name="Dilek Aydin")
    sport.contact_persons.add(person)
    first = recorded(sport)
    client.post(f"{FIELDS}{sport.pk}/change/", field_form(sport, title="Sport verbindet"))
    person.delete()

    response = client.post(f"{FIELDS}{sport.pk}/history/{first.pk}/", follow=True)

    assert response.status_code == 200
    [message] = [str(shown) for shown in response.context["messages"] if shown.level == ERROR]
    assert "Sie verweist auf Einträge, die es nicht mehr gibt (Ansprechpersonen)" in message
    assert FieldOfWork.objects.get(pk=sport.pk).title == "Sport verbindet"


def test_a_version_that_cannot_be_read_is_not_offered_and_its_restore_says_why(
    client, erika, sport
):
    sign_in(client, erika)
    first = recorded(sport)
    client.post(f"{FIELDS}{sport.pk}/change/", field_form(sport, title="Sport verbindet"))
    client.post(f"{FIELDS}{sport.pk}/change/", field_form(sport, title="Sport für alle"))
    Version.objects.filter(pk=first.pk).update(serialized_data="[")

    history = client.get(f"{FIELDS}{sport.pk}/history/").content.decode()
    confirmation = client.get(f"{FIELDS}{sport.pk}/history/{first.pk}/").content.decode()
    response = client.post(f"{FIELDS}{sport.pk}/history/{first.pk}/", follow=True)

    unreadable = "Diese Version lässt sich nicht mehr lesen und daher nicht wiederherstellen."
    assert unreadable in history
    # Only the readable second version still offers its restore.
    assert history.count("Diese Version wiederherstellen") == 1
    assert unreadable in confirmation
    assert "Diese Version wiederherstellen" not in confirmation
    assert response.status_code == 200
    [message] = [str(shown) for shown in response.context["messages"] if shown.level == ERROR]
    assert message == unreadable
    assert FieldOfWork.objects.get(pk=sport.pk).title == "Sport für alle"


def test_an_export_from_the_list_records_nothing(mso_client):
    organisation = OrganisationFactory(name="Kulturverein Aurora")
    url = "/admin/organisations/organisation/"

    response = mso_client.post(
        url, {"action": "export_csv", "_selected_action": [organisation.pk], "index": 0}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert not Version.objects.exists()
    page = mso_client.get(f"{url}{organisation.pk}/change/").content.decode()
    assert "Zuletzt geändert: noch keine Änderung aufgezeichnet." in page


def test_the_confirmation_page_of_deleting_from_the_list_records_nothing(client, erika, sport):
    sign_in(client, erika)

    response = client.post(
        FIELDS, {"action": "delete_selected", "_selected_action": [str(sport.pk)]}
    )

    assert response.status_code == 200
    assert "admin/delete_selected_confirmation.html" in response.template_name
    assert FieldOfWork.objects.filter(pk=sport.pk).exists()
    assert not Version.objects.exists()


def test_a_publish_action_on_the_list_is_still_recorded(client, erika):
    sign_in(client, erika)
    draft = FieldOfWorkFactory(title="Entwurf", is_published=False)

    response = client.post(FIELDS, {"action": "publish", "_selected_action": [str(draft.pk)]})

    assert response.status_code == 302
    [version] = Version.objects.get_for_object(draft)
    assert version.revision.user == erika
    assert version.field_dict["is_published"] is True


def test_a_restore_keeps_the_current_image(client, erika, sport):
    sign_in(client, erika)
    FieldOfWork.objects.filter(pk=sport.pk).update(
        image="images/alt.webp", image_width=800, image_height=600, image_decorative=True
    )
    first = recorded(FieldOfWork.objects.get(pk=sport.pk))
    FieldOfWork.objects.filter(pk=sport.pk).update(
        image="images/neu.webp",
        image_width=1024,
        image_height=512,
        image_decorative=False,
    )
    FieldOfWork.translations.field.model.objects.filter(master=sport, language_code="de").update(
        title="Sport verbindet"
    )

    confirmation = client.get(f"{FIELDS}{sport.pk}/history/{first.pk}/").content.decode()
    response = client.post(f"{FIELDS}{sport.pk}/history/{first.pk}/")

    assert "Das Bild bleibt, wie es heute ist" in confirmation
    assert response.status_code == 302
    field = FieldOfWork.objects.get(pk=sport.pk)
    assert field.safe_translation_getter("title", language_code="de") == "Integration durch Sport"
    assert (field.image.name, field.image_width, field.image_height, field.image_decorative) == (
        "images/neu.webp",
        1024,
        512,
        False,
    )


def test_a_restore_keeps_a_translation_added_since_the_version(client, erika):
    sign_in(client, erika)
    field = FieldOfWorkFactory(title="Integration durch Sport", slug="sport")
    first = recorded(field)
    client.post(f"{FIELDS}{field.pk}/change/", field_form(field, title="Sport verbindet"))
    field = FieldOfWork.objects.get(pk=field.pk)
    field.set_current_language("ar")
    field.title = "الاندماج من خلال الرياضة"
    field.summary = "تدريب المدربين."
    with reversion.create_revision():
        field.save()

    confirmation = client.get(f"{FIELDS}{field.pk}/history/{first.pk}/")
    response = client.post(f"{FIELDS}{field.pk}/history/{first.pk}/")

    changes = confirmation.context["changes"]
    assert [(change.label, change.old, change.new) for change in changes] == [
        ("Titel (Deutsch)", "Sport verbindet", "Integration durch Sport")
    ]
    assert response.status_code == 302
    restored = FieldOfWork.objects.get(pk=field.pk)
    assert restored.safe_translation_getter("title", language_code="de") == (
        "Integration durch Sport"
    )
    assert restored.safe_translation_getter("title", language_code="ar") == (
        "الاندماج من خلال الرياضة"
    )


def test_a_recovered_entry_comes_back_without_the_image_deleted_with_it(admin_client):
    person = ContactPersonFactory(name="Dilek Aydin")
    ContactPerson.objects.filter(pk=person.pk).update(
        image="images/foto.webp", image_width=800, image_height=600
    )
    recorded(ContactPerson.objects.get(pk=person.pk))
    ContactPerson.objects.get(pk=person.pk).delete()
    [deleted] = Version.objects.get_deleted(ContactPerson)
    url = f"/admin/centre/contactperson/recover/{deleted.pk}/"

    confirmation = admin_client.get(url).content.decode()
    response = admin_client.post(url)

    assert "Der Eintrag kommt ohne Bild zurück" in confirmation
    assert response.status_code == 302
    recovered = ContactPerson.objects.get(pk=person.pk)
    assert recovered.name == "Dilek Aydin"
    assert (recovered.image.name, recovered.image_width, recovered.image_height) == ("", None, None)
