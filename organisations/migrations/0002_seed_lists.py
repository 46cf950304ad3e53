from django.db import migrations

from organisations import seeds


def seed(apps, schema_editor):
    seeds.create_lists(apps)


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
