from django.db import migrations

from counselling import seeds


def grant_membership_log(apps, schema_editor):
    # Both groups read who joined or left them.
    seeds.create_groups(apps)


class Migration(migrations.Migration):
    dependencies = [("counselling", "0005_membership_log")]

    operations = [migrations.RunPython(grant_membership_log, migrations.RunPython.noop)]
