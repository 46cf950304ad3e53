from django.db import migrations

from organisations import seeds


def name_lists_in_every_language(apps, schema_editor):
    """The lists seeded before the portal spoke ten languages get the new languages' names."""
    seeds.create_named_lists(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0013_clearer_source_strings"),
    ]

    operations = [
        migrations.RunPython(name_lists_in_every_language, migrations.RunPython.noop),
    ]
