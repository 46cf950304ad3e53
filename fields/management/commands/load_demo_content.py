from django.core.management.base import BaseCommand
from django.db import transaction

from centre import demo_content as centre_demo_content
from counselling import demo_content as counselling_demo_content
from fields import demo_content
from networks import demo_content as networks_demo_content
from news import demo_content as news_demo_content
from organisations import demo_content as organisations_demo_content


class Command(BaseCommand):
    help = (
        "Loads the demo centre (Oberhausen), its fields of work, offers, sample documents, "
        "information pages, accessibility statement, news and events, and the support "
        "offers, districts, a network meeting and example entries of the directory of "
        "migrant organisations, the counsellor for women and girls, and the networks the "
        "centre belongs to. "
        "Idempotent: a second run changes nothing."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = demo_content.load()
            centre_demo_content.load(counts)
            counts.update(news_demo_content.load())
            organisations_demo_content.load(counts)
            counselling_demo_content.load(counts)
            networks_demo_content.load(counts)
        kinds = dict.fromkeys(kind for kind, _status in counts)
        for kind in kinds:
            self.stdout.write(
                f"{kind}: {counts[kind, 'created']} created, {counts[kind, 'updated']} updated, "
                f"{counts[kind, 'unchanged']} unchanged"
            )
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
