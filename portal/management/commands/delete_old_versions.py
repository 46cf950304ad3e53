import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.history import prune


class Command(BaseCommand):
    help = (
        "Deletes from the editors' history the versions of entries deleted more than "
        "HISTORY_DELETED_KEEP_DAYS ago and the versions older than HISTORY_KEEP_DAYS, "
        "except each entry's latest one."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        deleted, old = prune(
            deleted_before=now - datetime.timedelta(days=settings.HISTORY_DELETED_KEEP_DAYS),
            older_than=now - datetime.timedelta(days=settings.HISTORY_KEEP_DAYS),
        )
        self.stdout.write(f"Deleted {deleted} versions of deleted entries and {old} old versions.")
