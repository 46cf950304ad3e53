"""Existing translations start up to date: every row gets the same stamp."""

from django.db import migrations
from django.utils import timezone

TRANSLATION_MODELS = [
    "eventtranslation",
    "newsitemtranslation",
]


def stamp(apps, schema_editor):
    now = timezone.now()
    for name in TRANSLATION_MODELS:
        apps.get_model("news", name).objects.update(source_changed_at=now)


class Migration(migrations.Migration):
    dependencies = [("news", "0002_translation_status")]

    operations = [migrations.RunPython(stamp, migrations.RunPython.noop)]
