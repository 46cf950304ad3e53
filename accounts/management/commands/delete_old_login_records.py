import datetime

from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Deletes the records of logins and failed logins older than LOGIN_RECORDS_KEEP_DAYS "
        "and the failed attempts whose cool-off has passed (they no longer count)."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        before = now - datetime.timedelta(days=settings.LOGIN_RECORDS_KEEP_DAYS)
        logins, _ = AccessLog.objects.filter(attempt_time__lt=before).delete()
        failures, _ = AccessFailureLog.objects.filter(attempt_time__lt=before).delete()
        attempts, _ = AccessAttempt.objects.filter(attempt_time__lt=now - get_cool_off()).delete()
        self.stdout.write(
            f"Deleted {logins} login records, {failures} failed-login records "
            f"and {attempts} expired attempts."
        )
