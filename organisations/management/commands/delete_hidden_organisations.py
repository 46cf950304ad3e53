from django.conf import settings
from django.core.management.base import BaseCommand

from organisations.services import organisations_delete_hidden


class Command(BaseCommand):
    help = (
        "Deletes directory entries hidden for KI_ORGANISATION_HIDDEN_KEEP_DAYS because "
        "nobody confirmed them, with all their data, as the privacy page and the mails to "
        "representatives say. Meant to run daily."
    )

    def handle(self, *args, **options):
        deleted = organisations_delete_hidden()
        self.stdout.write(
            f"{deleted} hidden entry(ies) deleted "
            f"(kept {settings.ORGANISATION_HIDDEN_KEEP_DAYS} days after hiding)."
        )
