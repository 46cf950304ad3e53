"""The migrations that move every language to `languages.Language` keep what was stored.

Each test migrates the test database back to the state before them, stores rows the old
way through the historical models, migrates forward and checks the relations. They run
on whichever database the suite runs on (PostgreSQL by default, SQLite with
KI_TEST_DATABASE=sqlite); the marker `migrations` selects them. They ask for the fixture
`transactional_db` rather than the django_db marker, so conftest seeds the lists again
after the previous test emptied the tables.
"""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from centre.models import CentreProfile, ContactPerson
from counselling.models import CounsellingRequest, MonthlyCount
from languages.models import Language
from organisations.models import Organisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.migrations

BEFORE = [
    ("organisations", "0004_directory_search_index"),
    ("centre", "0006_barrierfeedback"),
    ("counselling", "0002_groups"),
]


def migrate_back():
    """The database and the historical apps as they were before the language migrations."""
    executor = MigrationExecutor(connection)
    executor.migrate([*BEFORE, ("languages", None)])
    return executor.loader.project_state(BEFORE).apps


def migrate_forward():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_typed_codes_and_stored_codes_become_relations_without_losing_one(transactional_db):
    try:
        old = migrate_back()
        old_profile = old.get_model("centre", "CentreProfile").objects.create(
            languages="de, en, qaa"
        )
        old_person = old.get_model("centre", "ContactPerson").objects.create(languages="de,tr , yi")
        old.get_model("centre", "ContactPerson").objects.create(languages="")
        old_request = old.get_model("counselling", "CounsellingRequest").objects.create(
            topic="family",
            language="tr",
            channel="phone",
            contact_detail="0176 12345678",
            confirmation_requested=False,
            page_language="de",
        )
        old.get_model("counselling", "MonthlyCount").objects.create(
            month=datetime.date(2026, 1, 1), topic="family", language="sd", channel="sms", count=3
        )
    finally:
        migrate_forward()

    profile = CentreProfile.objects.get(pk=old_profile.pk)
    person = ContactPerson.objects.get(pk=old_person.pk)
    assert sorted(profile.languages.values_list("code", flat=True)) == ["de", "en", "qaa"]
    assert sorted(person.languages.values_list("code", flat=True)) == ["de", "tr", "yi"]
    assert ContactPerson.objects.exclude(pk=person.pk).get().languages.count() == 0
    assert CounsellingRequest.objects.get(pk=old_request.pk).language.name_de == "Türkisch"
    assert CounsellingRequest.objects.get(pk=old_request.pk).contact_detail == "0176 12345678"
    assert MonthlyCount.objects.get().language.name_de == "Sindhi"
    # Codes the list lacked got a row: names from Babel, or the code itself.
    created = {
        language.code: (language.name, language.name_de, language.direction)
        for language in Language.objects.filter(code__in=["qaa", "yi", "sd"])
    }
    assert created == {
        "qaa": ("qaa", "qaa", "ltr"),
        "yi": ("ייִדיש", "Jiddisch", "rtl"),
        "sd": ("سنڌي", "Sindhi", "rtl"),
    }
    # The seeded languages kept their names; only the direction was added.
    assert Language.objects.get(code="kmr").name == "Kurmancî"
    assert Language.objects.get(code="ar").direction == "rtl"


def test_the_moved_table_keeps_the_organisations_links_and_the_permissions(transactional_db):
    organisation = OrganisationFactory()
    organisation.languages.set(Language.objects.filter(code__in=["tr", "ar"]))
    permission = Permission.objects.get(codename="change_language")
    try:
        old = migrate_back()
        tables = connection.introspection.table_names()
        assert "organisations_language" in tables
        assert "languages_language" not in tables
        old_language = old.get_model("organisations", "Language")
        assert old_language.objects.filter(organisations=organisation.pk).count() == 2
    finally:
        migrate_forward()

    tables = connection.introspection.table_names()
    assert "languages_language" in tables
    assert "organisations_language" not in tables
    organisation = Organisation.objects.get(pk=organisation.pk)
    assert sorted(organisation.languages.values_list("code", flat=True)) == ["ar", "tr"]
    moved = Permission.objects.get(codename="change_language")
    assert (moved.pk, moved.content_type.app_label) == (permission.pk, "languages")
