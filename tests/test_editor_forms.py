"""What editors see and get in the admin's forms: addresses made from German titles and
checked before saving, upload limits beside every upload field, radio groups without a
pre-checked empty choice, permissions and languages named, not coded."""

import pytest
from django.contrib.auth.models import Permission
from django.template.defaultfilters import filesizeformat

from centre.validators import LOGO_MAX_BYTES
from fields.models import FieldOfWork, TargetGroup
from news.models import NewsItem
from organisations.forms import RegistrationForm
from organisations.models import Activity
from portal.slugs import german_slugify
from tests.factories import (
    FieldOfWorkFactory,
    NewsItemFactory,
    OrganisationFactory,
)
from tests.fields.test_admin import ADD_URL, field_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Übergänge für Ältere", "uebergaenge-fuer-aeltere"),
        ("ÖFFENTLICHE Straße", "oeffentliche-strasse"),
        ("Frauen & Mädchen: Beratung!", "frauen-maedchen-beratung"),
    ],
)
def test_german_letters_are_written_out_in_addresses(title, slug):
    assert german_slugify(title) == slug


def test_an_empty_address_is_made_from_the_german_title_on_saving(editor_client):
    response = editor_client.post(ADD_URL, field_form(title="Übergänge für Ältere", slug=""))

    assert response.status_code == 302
    assert FieldOfWork.objects.get().slug == "uebergaenge-fuer-aeltere"


def test_an_address_made_from_a_taken_title_gets_a_number(editor_client):
    FieldOfWorkFactory(slug="bildung")

    editor_client.post(ADD_URL, field_form(title="Bildung", slug=""))

    assert FieldOfWork.objects.filter(slug="bildung-2").exists()


def test_a_taken_address_is_refused_beside_the_field_with_a_free_one(editor_client):
    FieldOfWorkFactory(slug="bildung")
    FieldOfWorkFactory(slug="bildung-2")

    response = editor_client.post(ADD_URL, field_form(title="Bildung", slug="bildung"))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["slug"]
    assert errors == [
        "Diese Adresse hat schon ein anderer Eintrag. Frei wäre zum Beispiel „bildung-3“."
    ]
    assert FieldOfWork.objects.count() == 2


def test_an_entry_keeps_its_own_address_when_saved_again(editor_client):
    item = NewsItemFactory(title="Frauentag", slug="frauentag")
    url = f"/admin/news/newsitem/{item.pk}/change/"

    response = editor_client.post(
        url,
        {
            "title": "Frauentag",
            "slug": "frauentag",
            "teaser": "Worum es geht.",
            "body": "<p>Text</p>",
            "published_on": "01.03.2026",
            "is_published": "on",
        },
    )

    assert response.status_code == 302
    assert NewsItem.objects.get().slug == "frauentag"


def test_the_address_is_made_from_the_german_title_while_another_language_is_edited(
    editor_client,
):
    item = NewsItemFactory(title="Frauentag", slug="frauentag")
    url = f"/admin/news/newsitem/{item.pk}/change/?language=en"

    response = editor_client.post(
        url,
        {
            "title": "Women's Day",
            "slug": "",
            "teaser": "What it is about.",
            "body": "<p>Text</p>",
            "published_on": "01.03.2026",
            "is_published": "on",
        },
    )

    assert response.status_code == 302
    assert NewsItem.objects.get().slug == "frauentag"


def test_target_groups_are_addressed_from_their_name(editor_client):
    editor_client.post(
        "/admin/fields/targetgroup/add/",
        {"name": "Geflüchtete", "slug": "", "teaser": "Für Sie.", "order": "0"},
    )

    assert TargetGroup.objects.get().slug == "gefluechtete"


def test_every_admin_with_an_address_prefills_it_with_german_letters(admin_client):
    for url in [
        "/admin/fields/fieldofwork/add/",
        "/admin/fields/targetgroup/add/",
        "/admin/news/newsitem/add/",
        "/admin/news/event/add/",
        "/admin/networks/network/add/",
        "/admin/organisations/activity/add/",
    ]:
        html = admin_client.get(url).content.decode()

        assert "prepopulated_fields" in html or "data-prepopulated-fields" in html, url
        assert html.index("admin/js/urlify.js") < html.index("js/german-slugs.js"), url


def test_upload_fields_show_their_types_and_limit_before_the_upload(admin_client, settings):
    settings.DOCUMENT_MAX_BYTES = 5 * 1024 * 1024
    settings.VIDEO_MAX_BYTES = 300 * 1024 * 1024

    field_page = admin_client.get(ADD_URL).content.decode()
    page = admin_client.get("/admin/centre/informationpage/add/").content.decode()
    profile = admin_client.get("/admin/centre/centreprofile/add/").content.decode()

    assert f"Erlaubt: PDF, ODT, DOCX, höchstens {filesizeformat(5 * 1024 * 1024)}." in field_page
    assert f"Erlaubt: MP4, höchstens {filesizeformat(300 * 1024 * 1024)}." in page
    assert f"Erlaubt: PNG, JPEG, höchstens {filesizeformat(LOGO_MAX_BYTES)}." in profile


def test_network_documents_show_their_upload_limit(admin_client):
    html = admin_client.get("/admin/networks/network/add/").content.decode()

    assert "Erlaubt: PDF, ODT, DOCX, höchstens" in html


def test_legal_form_starts_without_a_checked_choice_and_without_an_empty_one():
    form = RegistrationForm()

    choices = [choice.data for choice in form["legal_form"]]
    assert all(choice["value"] for choice in choices)
    assert not any(choice["selected"] for choice in choices)
    assert "---------" not in str(form["legal_form"])


def test_legal_form_in_the_admin_shows_the_stored_choice_and_no_empty_one(mso_client):
    organisation = OrganisationFactory()

    response = mso_client.get(f"/admin/organisations/organisation/{organisation.pk}/change/")

    html = response.content.decode()
    assert 'name="legal_form"' in html
    assert "---------" not in html
    radios = response.context["adminform"].form["legal_form"]
    assert [choice.data["value"] for choice in radios if choice.data["selected"]] == [
        organisation.legal_form
    ]


def test_counselling_radio_groups_have_no_empty_choice(client):
    from counselling.forms import CounsellingRequestForm

    form = CounsellingRequestForm()
    for name in ["topic", "channel", "preferred_time"]:
        assert all(choice.data["value"] for choice in form[name]), name


def test_permissions_are_chosen_by_german_names(admin_client):
    response = admin_client.get("/admin/auth/group/add/")

    field = response.context["adminform"].form.fields["permissions"]
    permission = Permission.objects.get(codename="change_fieldofwork")
    export = Permission.objects.get(codename="export_organisation")
    assert field.label_from_instance(permission) == "Handlungsfelder | Handlungsfeld ändern"
    assert field.label_from_instance(export).endswith("| Darf das Verzeichnis exportieren")
    assert "Can " not in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/admin/centre/contactperson/add/", "/admin/centre/centreprofile/add/"]
)
def test_languages_are_chosen_from_the_list_by_their_names(admin_client, url):
    response = admin_client.get(url)

    form = response.context["adminform"].form
    widget = form.fields["languages"].widget
    assert widget.__class__.__name__ == "RelatedFieldWidgetWrapper"
    assert widget.widget.__class__.__name__ == "AutocompleteSelectMultiple"
    assert 'class="admin-autocomplete' in response.content.decode()


def test_the_language_autocomplete_offers_own_and_german_names(admin_client):
    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "centre",
            "model_name": "contactperson",
            "field_name": "languages",
            "term": "Türk",
        },
    )

    assert {"id": "tr", "text": "Türkçe (Türkisch)"} in response.json()["results"]


def test_list_entries_get_an_address_from_their_name(mso_client):
    response = mso_client.post(
        "/admin/organisations/activity/add/", {"name": "Bildung & Sport", "slug": "", "order": "0"}
    )

    assert response.status_code == 302
    assert Activity.objects.filter(slug="bildung-sport").exists()
