from django.core.management.base import BaseCommand

from centre.models import BarrierFeedback


class Command(BaseCommand):
    help = (
        "Deletes barrier reports answered more than twelve months ago, as the privacy notice "
        "at the form promises. Meant to run daily."
    )

    def handle(self, *args, **options):
        deleted, _by_model = BarrierFeedback.objects.expired().delete()
        self.stdout.write(f"{deleted} barrier report(s) deleted.")
