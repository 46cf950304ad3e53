"""Existing translations start up to date: every row gets the same stamp."""

from django.db import migrations
from django.utils import timezone

TRANSLATION_MODELS = [
    "fieldofworktranslation",
    "offertranslation",
    "targetgrouptranslation",
]


def stamp(apps, schema_editor):
    now = timezone.now()
    for name in TRANSLATION_MODELS:
        apps.get_model("fields", name).objects.update(source_changed_at=now)


class Migration(migrations.Migration):
    dependencies = [("fields", "0004_translation_status")]

    operations = [migrations.RunPython(stamp, migrations.RunPython.noop)]
