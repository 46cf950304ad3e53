"""The GIN index behind the directory's full-text search, on PostgreSQL only.

SQLite has no tsvector; there the search reads the (few) rows instead. The expression
must stay the same as `organisations.models.search_vector()`, or PostgreSQL cannot use
the index: tests/organisations/test_directory.py checks that the search query uses it.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

SEARCH_INDEX = GinIndex(
    SearchVector("name", weight="A", config="simple")
    + SearchVector("description", weight="B", config="simple"),
    name="organisation_search",
)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("organisations", "Organisation"), SEARCH_INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("organisations", "Organisation"), SEARCH_INDEX)


class Migration(migrations.Migration):
    dependencies = [("organisations", "0003_review_queue")]

    operations = [migrations.RunPython(add_index, remove_index)]
