from django.core.management.base import BaseCommand

from organisations.services import organisations_remind_and_hide


class Command(BaseCommand):
    help = (
        "Asks representatives to confirm entries last confirmed a year ago, and tells staff "
        "which entries left the directory because they were not confirmed for 13 months. "
        "Meant to run daily; each representative is asked once per year."
    )

    def handle(self, *args, **options):
        asked, hidden = organisations_remind_and_hide()
        self.stdout.write(f"{asked} asked to confirm, {hidden} hidden.")
