from django.conf import settings
from django.db import migrations
from django.utils import translation

from organisations import seeds


def add_named_entries(apps, model_name, entries):
    model = apps.get_model("organisations", model_name)
    translation_model = apps.get_model("organisations", f"{model_name}Translation")
    for order, (slug, name) in enumerate(entries):
        entry, created = model.objects.get_or_create(slug=slug, defaults={"order": order})
        if not created:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            german = str(name)
        for language, _label in settings.LANGUAGES:
            with translation.override(language):
                translated = str(name)
            # A language without a translation yet falls back to German on the pages.
            if language == settings.LANGUAGE_CODE or translated != german:
                translation_model.objects.create(
                    master=entry, language_code=language, name=translated
                )


def seed(apps, schema_editor):
    language_model = apps.get_model("organisations", "Language")
    for code, name, name_de in seeds.LANGUAGES:
        language_model.objects.get_or_create(code=code, defaults={"name": name, "name_de": name_de})
    add_named_entries(apps, "Activity", seeds.ACTIVITIES)
    add_named_entries(apps, "Audience", seeds.AUDIENCES)
    add_named_entries(apps, "QualificationTopic", seeds.QUALIFICATION_TOPICS)


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
