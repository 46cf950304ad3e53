"""The stored codes become foreign keys to `languages.Language`: the column keeps its
values (the language's primary key is its code) and is renamed to `language_id`."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("counselling", "0003_languages_for_stored_codes"),
        ("languages", "0003_language_direction"),
    ]

    operations = [
        migrations.AlterField(
            model_name="counsellingrequest",
            name="language",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="counselling_requests",
                to="languages.language",
                verbose_name="Gewünschte Sprache",
            ),
        ),
        migrations.AlterField(
            model_name="monthlycount",
            name="language",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="counselling_counts",
                to="languages.language",
                verbose_name="Sprache",
            ),
        ),
    ]
