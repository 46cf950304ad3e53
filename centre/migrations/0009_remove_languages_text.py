from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("centre", "0008_convert_language_codes")]

    operations = [
        migrations.RemoveField(model_name="centreprofile", name="languages_text"),
        migrations.RemoveField(model_name="contactperson", name="languages_text"),
    ]
