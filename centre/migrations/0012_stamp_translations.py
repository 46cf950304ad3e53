"""Existing translations start up to date: every row gets the same stamp."""

from django.db import migrations
from django.utils import timezone

TRANSLATION_MODELS = [
    "accessibilitystatementtranslation",
    "centreprofiletranslation",
    "closuretranslation",
    "contactpersontranslation",
    "informationpagetranslation",
    "keyfiguretranslation",
    "locationtranslation",
    "pagesectiontranslation",
]


def stamp(apps, schema_editor):
    now = timezone.now()
    for name in TRANSLATION_MODELS:
        apps.get_model("centre", name).objects.update(source_changed_at=now)


class Migration(migrations.Migration):
    dependencies = [("centre", "0011_translation_status")]

    operations = [migrations.RunPython(stamp, migrations.RunPython.noop)]
