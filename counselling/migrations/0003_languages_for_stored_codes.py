"""Every language code stored in a request or in the statistic gets its row in
`languages.Language` (named from Babel's data, or by its code), so 0004 can turn the
columns into foreign keys without losing a value."""

from django.db import migrations

from languages.lookup import language_for_code


def add_missing_languages(apps, schema_editor):
    language_model = apps.get_model("languages", "Language")
    codes = set()
    for model_name in ("CounsellingRequest", "MonthlyCount"):
        model = apps.get_model("counselling", model_name)
        codes.update(model.objects.values_list("language", flat=True).distinct())
    for code in sorted(codes):
        language_for_code(language_model, code)


class Migration(migrations.Migration):
    dependencies = [
        ("counselling", "0002_groups"),
        ("languages", "0003_language_direction"),
        # The starting languages are there, so only codes outside them are created.
        ("organisations", "0006_seed_languages"),
    ]

    operations = [migrations.RunPython(add_missing_languages, migrations.RunPython.noop)]
