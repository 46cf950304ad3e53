import pytest
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError

from languages.lookup import direction_of, language_for_code, names_of
from languages.models import Language
from organisations.seeds import LANGUAGES
from tests.factories import CounsellingRequestFactory, UserFactory
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/languages/language/"


def test_every_seeded_language_is_in_the_list():
    assert set(Language.objects.values_list("code", flat=True)) >= {code for code, *_ in LANGUAGES}


def test_stored_direction_agrees_with_django_wherever_django_knows_the_language():
    known = [language for language in Language.objects.all() if language.code in LANG_INFO]

    assert len(known) > 30
    disagreeing = [
        language.code
        for language in known
        if (language.direction == "rtl") != (language.code in settings.LANGUAGES_BIDI)
    ]
    assert disagreeing == []


def test_the_right_to_left_languages_of_the_list():
    right_to_left = set(Language.objects.filter(direction="rtl").values_list("code", flat=True))

    # Azerbaijani is written in Latin script in Azerbaijan: left to right, as Django's
    # LANGUAGES_BIDI says, although Django's LANG_INFO marks it as bidi.
    assert right_to_left == {"ar", "ckb", "fa", "he", "prs", "ps", "ur"}


@pytest.mark.parametrize(
    ("code", "direction"),
    [
        ("ar", "rtl"),
        ("de", "ltr"),
        ("az", "ltr"),
        ("ps", "rtl"),
        ("yi", "rtl"),
        ("prs", "rtl"),
        ("xx", "ltr"),
    ],
)
def test_direction_comes_from_django_then_babel(code, direction):
    assert direction_of(code) == direction


def test_names_come_from_babel_or_are_the_code():
    assert names_of("ps") == ("پښتو", "Paschtu")
    assert names_of("rom") == ("rom", "rom")


def test_a_missing_language_is_created_once_from_babel():
    language = language_for_code(Language, "yi")

    assert (language.name, language.name_de, language.direction) == ("ייִדיש", "Jiddisch", "rtl")
    assert language_for_code(Language, "yi") == language
    assert Language.objects.filter(code="yi").count() == 1


def test_html_attributes_name_language_and_direction():
    assert Language.objects.get(code="fa").html_attrs == ' lang="fa" dir="rtl"'


def test_mso_team_keeps_the_list_and_finds_a_language_by_any_name(mso_client):
    response = mso_client.get(CHANGELIST, {"q": "Kurdisch"})

    assert response.status_code == 200
    assert {language.code for language in response.context["cl"].result_list} == {"kmr", "ckb"}
    assert mso_client.get(CHANGELIST, {"q": "Türkçe"}).context["cl"].result_count == 1


@pytest.mark.parametrize("extra", [0, 30])
def test_the_list_asks_the_same_number_of_queries_however_long_it_is(
    mso_client, django_assert_num_queries, extra
):
    for number in range(extra):
        Language.objects.create(code=f"x{number:02d}", name=f"X{number}", name_de=f"X{number}")
    mso_client.get(CHANGELIST)

    # session, user, user and group permissions, count, total count, the page of languages
    with django_assert_num_queries(9):
        response = mso_client.get(CHANGELIST)

    assert response.status_code == 200


def test_the_code_cannot_be_changed_once_other_records_point_to_it(mso_client):
    response = mso_client.get(f"{CHANGELIST}tr/change/")

    assert "code" not in response.context["adminform"].form.fields


def test_staff_outside_the_teams_may_not_touch_the_list(outsider_client):
    assert outsider_client.get(CHANGELIST).status_code == 403


def test_a_language_in_use_by_counselling_cannot_be_deleted_and_no_request_is_named(client):
    # Even a superuser outside the counselling team learns no reference of a request.
    sign_in(client, UserFactory(username="admin", is_staff=True, is_superuser=True))
    counselling_request = CounsellingRequestFactory(language=Language.objects.get(code="ti"))

    page = client.get(f"{CHANGELIST}ti/delete/").content.decode()
    client.post(f"{CHANGELIST}ti/delete/", {"post": "yes"})

    assert "<li>Beratungsanfrage</li>" in page
    assert counselling_request.reference not in page
    assert Language.objects.filter(code="ti").exists()


@pytest.mark.parametrize("code", ["de-DE", "sr-Latn-RS", "ckb"])
def test_language_codes_in_bcp_47_are_accepted(code):
    Language(code=code, name=code, name_de=code).full_clean(validate_unique=False)


@pytest.mark.parametrize("code", ["Deutsch", "EN", "de_DE", "de,en"])
def test_other_codes_are_refused(code):
    with pytest.raises(ValidationError) as refused:
        Language(code=code, name=code, name_de=code).full_clean()

    assert "Sprachcode nach BCP 47" in str(refused.value)
