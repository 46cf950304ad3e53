from django.db import migrations

from counselling import seeds


def create_groups(apps, schema_editor):
    seeds.create_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("counselling", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
