from django.core.management.base import BaseCommand

from portal.models import OutgoingMail
from portal.tasks import enqueue_overdue


class Command(BaseCommand):
    help = (
        "Deletes sent and failed mails from the outbox KI_MAIL_KEEP_DAYS after their last "
        "attempt, and queues waiting mails that are an hour past their attempt (with the "
        "immediate task backend nothing else retries them). Meant to run daily."
    )

    def handle(self, *args, **options):
        deleted, _by_model = OutgoingMail.objects.expired().delete()
        queued = enqueue_overdue()
        self.stdout.write(f"{deleted} mail(s) deleted, {queued} waiting mail(s) queued.")
