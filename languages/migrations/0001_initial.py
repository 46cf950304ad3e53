"""The language list moves here from `organisations` without touching the data: this
migration only tells Django's state that the model lives here, on the existing table
`organisations_language`; `organisations.0005` removes it from that app's state, and
`0002` renames the table."""

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("organisations", "0004_directory_search_index")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Language",
                    fields=[
                        (
                            "code",
                            models.CharField(
                                max_length=35,
                                primary_key=True,
                                serialize=False,
                                validators=[
                                    django.core.validators.RegexValidator(
                                        "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                                        "Bitte geben Sie einen Sprachcode nach BCP 47 an, "
                                        "z. B. „tr“ oder „ckb“.",
                                    )
                                ],
                                verbose_name="Sprachcode (BCP 47)",
                            ),
                        ),
                        (
                            "name",
                            models.CharField(
                                help_text="So, wie Sprechende der Sprache sie nennen, z. B. „Türkçe“.",
                                max_length=100,
                                verbose_name="Name in der Sprache selbst",
                            ),
                        ),
                        (
                            "name_de",
                            models.CharField(
                                help_text="Für die Sortierung und das Admin.",
                                max_length=100,
                                verbose_name="Deutscher Name",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Sprache",
                        "verbose_name_plural": "Sprachen",
                        "ordering": ["name_de"],
                        "db_table": "organisations_language",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
