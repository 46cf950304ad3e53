"""Translations stored before the translation status existed start up to date."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from news.models import NewsItem
from portal.translations import Status

pytestmark = pytest.mark.migrations

BEFORE = [("news", "0001_initial")]


def test_existing_translations_start_up_to_date(transactional_db):
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        item = old.get_model("news", "NewsItem").objects.create(
            slug="frauentag", published_on=datetime.date(2026, 3, 8)
        )
        translations = old.get_model("news", "NewsItemTranslation").objects
        translations.create(master=item, language_code="de", title="Frauentag", teaser="")
        translations.create(master=item, language_code="en", title="Women's Day", teaser="")
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    item = NewsItem.objects.get(slug="frauentag")
    assert item.translation_status("en") == Status.CURRENT
    assert item.translation_status("ar") == Status.MISSING

    item.teaser = "Rund 120 Frauen feierten."
    item.save()

    assert NewsItem.objects.get(pk=item.pk).translation_status("en") == Status.OUTDATED
