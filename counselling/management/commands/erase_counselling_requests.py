from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from counselling.services import requests_erase_expired


class Command(BaseCommand):
    help = (
        "Erases counselling requests closed more than KI_COUNSELLING_KEEP_CLOSED_DAYS days "
        "ago or untouched for more than KI_COUNSELLING_KEEP_UNTOUCHED_DAYS days, with their "
        "notes; the anonymous monthly statistic stays. Meant to run daily."
    )

    def handle(self, *args, **options):
        erased = requests_erase_expired(now=timezone.now())
        self.stdout.write(
            f"{erased} counselling request(s) erased (closed: after "
            f"{settings.COUNSELLING_KEEP_CLOSED_DAYS} days, untouched: after "
            f"{settings.COUNSELLING_KEEP_UNTOUCHED_DAYS} days)."
        )
