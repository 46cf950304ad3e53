from django.db import migrations, models

from languages.lookup import direction_of


def fill_direction(apps, schema_editor):
    language_model = apps.get_model("languages", "Language")
    for language in language_model.objects.all():
        direction = direction_of(language.code)
        if language.direction != direction:
            language.direction = direction
            language.save(update_fields=["direction"])


class Migration(migrations.Migration):
    dependencies = [("languages", "0002_rename_table")]

    operations = [
        migrations.AddField(
            model_name="language",
            name="direction",
            field=models.CharField(
                choices=[("ltr", "von links nach rechts"), ("rtl", "von rechts nach links")],
                default="ltr",
                help_text="Arabisch, Persisch oder Urdu zum Beispiel werden von rechts nach links "
                "geschrieben.",
                max_length=3,
                verbose_name="Schreibrichtung",
            ),
        ),
        migrations.RunPython(fill_direction, migrations.RunPython.noop),
    ]
