"""Each typed code becomes the matching language; a code the list lacks gets a new row
(names from Babel, or the code itself), so nothing typed is lost."""

from django.db import migrations

from languages.lookup import language_for_code


def codes(text: str) -> list[str]:
    return [code.strip() for code in text.split(",") if code.strip()]


def text_to_relations(apps, schema_editor):
    language_model = apps.get_model("languages", "Language")
    for model_name in ("CentreProfile", "ContactPerson"):
        for record in apps.get_model("centre", model_name).objects.exclude(languages_text=""):
            record.languages.set(
                [language_for_code(language_model, code) for code in codes(record.languages_text)]
            )


def relations_to_text(apps, schema_editor):
    for model_name in ("CentreProfile", "ContactPerson"):
        for record in apps.get_model("centre", model_name).objects.prefetch_related("languages"):
            record.languages_text = ", ".join(language.code for language in record.languages.all())
            record.save(update_fields=["languages_text"])


class Migration(migrations.Migration):
    dependencies = [("centre", "0007_language_relations")]

    operations = [migrations.RunPython(text_to_relations, relations_to_text)]
