"""The staff roles as groups with their permissions (`ki_portal.roles`).

It lives in the project shell because the roles grant permissions of nearly every app,
and only the shell may see them all; it runs after the latest migration of each of them,
so their permissions can be created. "Beratung" and "Datenschutz" existed before (from
`counselling` 0002 and 0006) and keep their names and members; their permissions are set
anew.
Running it again gives the same groups; reversing it leaves them as they are.
"""

from django.db import migrations

from ki_portal import roles


def create_roles(apps, schema_editor):
    roles.create_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_session_generation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("axes", "0010_accessattemptexpiration"),
        ("centre", "0010_barrierfeedback_submission_key"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("counselling", "0006_membership_log_permissions"),
        ("fields", "0003_targetgroup_entry"),
        ("languages", "0003_language_direction"),
        ("networks", "0001_initial"),
        ("news", "0001_initial"),
        ("organisations", "0009_decision_kind_deleted_unconfirmed"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
