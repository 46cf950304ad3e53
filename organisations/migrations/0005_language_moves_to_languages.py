"""The language list now lives in the app `languages` (see `languages.0001`): only Django's
state changes here, the table and the organisations' links stay as they are."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0004_directory_search_index"),
        ("languages", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="organisation",
                    name="languages",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="organisations",
                        to="languages.language",
                        verbose_name="Sprachen",
                    ),
                ),
                migrations.DeleteModel(name="Language"),
            ],
            database_operations=[],
        ),
    ]
