from django.db import migrations

from organisations import seeds


def seed(apps, schema_editor):
    # The languages are seeded by 0006, once their list lives in the app `languages`.
    seeds.create_named_lists(apps)


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
