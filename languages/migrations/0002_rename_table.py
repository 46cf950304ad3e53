"""The moved table gets this app's name; the links of other tables follow the rename
(PostgreSQL by reference, SQLite since 3.26 rewrites them)."""

from django.db import migrations


def move_content_type(apps, schema_editor):
    """Permissions, group rights and admin history of the list stay with it."""
    content_type = apps.get_model("contenttypes", "ContentType")
    if content_type.objects.filter(app_label="languages", model="language").exists():
        return
    content_type.objects.filter(app_label="organisations", model="language").update(
        app_label="languages"
    )


def move_content_type_back(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    if content_type.objects.filter(app_label="organisations", model="language").exists():
        return
    content_type.objects.filter(app_label="languages", model="language").update(
        app_label="organisations"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("languages", "0001_initial"),
        ("organisations", "0005_language_moves_to_languages"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="language", table=None),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
