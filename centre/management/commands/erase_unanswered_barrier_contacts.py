from django.conf import settings
from django.core.management.base import BaseCommand

from centre.models import BarrierFeedback


class Command(BaseCommand):
    help = (
        "Erases the name and e-mail address of barrier reports nobody answered within "
        "KI_BARRIER_UNANSWERED_KEEP_DAYS of their arrival, as the privacy page states; "
        "the description and the page stay. Meant to run daily."
    )

    def handle(self, *args, **options):
        erased = BarrierFeedback.objects.contact_kept_too_long().update(name="", email="")
        self.stdout.write(
            f"Contact data of {erased} unanswered barrier report(s) erased "
            f"(kept {settings.BARRIER_UNANSWERED_KEEP_DAYS} days)."
        )
