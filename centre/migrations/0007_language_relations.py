"""The languages of the centre and of its contact persons become relations to
`languages.Language`. The typed codes move aside (`languages_text`) until 0008 has
converted them; 0009 removes them."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("centre", "0006_barrierfeedback"),
        ("languages", "0003_language_direction"),
    ]

    operations = [
        migrations.RenameField(
            model_name="centreprofile", old_name="languages", new_name="languages_text"
        ),
        migrations.RenameField(
            model_name="contactperson", old_name="languages", new_name="languages_text"
        ),
        migrations.AddField(
            model_name="centreprofile",
            name="languages",
            field=models.ManyToManyField(
                blank=True,
                related_name="centre_profiles",
                to="languages.language",
                verbose_name="Sprachen der Beratung",
            ),
        ),
        migrations.AddField(
            model_name="contactperson",
            name="languages",
            field=models.ManyToManyField(
                blank=True,
                related_name="contact_persons",
                to="languages.language",
                verbose_name="Sprachen",
            ),
        ),
    ]
