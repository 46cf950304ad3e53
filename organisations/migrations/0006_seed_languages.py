"""The starting languages, now in `languages.Language`. Databases seeded by the former
0002 already have them; this only adds what is missing."""

from django.db import migrations

from organisations import seeds


def seed(apps, schema_editor):
    seeds.create_languages(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0005_language_moves_to_languages"),
        ("languages", "0003_language_direction"),
    ]

    # Codes typed for the centre and its contact persons then find the seeded names.
    run_before = [("centre", "0008_convert_language_codes")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
