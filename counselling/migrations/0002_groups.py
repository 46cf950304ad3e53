"""Created the groups "Beratung" and "Datenschutz". The staff roles moved to the project
shell: `ki_portal/migrations/0001_roles.py` creates them on a fresh database and updates
them on one that ran this migration."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("counselling", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
