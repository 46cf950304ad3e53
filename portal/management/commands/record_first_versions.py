from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from portal.history import record_initial_versions


class Command(BaseCommand):
    help = (
        "Records a first version in the editors' history for every entry that has none "
        "(content that existed before the history did), so its first edit can be compared "
        "and undone. Idempotent: entries with a version are left alone."
    )

    def handle(self, *args, **options):
        count = record_initial_versions(comment=gettext("Erste aufgezeichnete Fassung."))
        self.stdout.write(f"{count} first version(s) recorded.")
