"""Gave "Beratung" and "Datenschutz" the permission to read the membership log. The staff
roles moved to the project shell: `ki_portal/migrations/0001_roles.py` grants it on a
fresh database and sets it again on one that ran this migration."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("counselling", "0005_membership_log")]

    operations = []
