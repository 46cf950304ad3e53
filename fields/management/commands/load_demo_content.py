from django.core.management.base import BaseCommand
from django.db import transaction

from centre import demo_content as centre_demo_content
from fields import demo_content
from news import demo_content as news_demo_content


class Command(BaseCommand):
    help = (
        "Loads the demo centre (Oberhausen), its fields of work, offers, sample documents, "
        "information pages, accessibility statement, news and events. "
        "Idempotent: a second run changes nothing."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = demo_content.load()
            centre_demo_content.load(counts)
            counts.update(news_demo_content.load())
        kinds = dict.fromkeys(kind for kind, _status in counts)
        for kind in kinds:
            self.stdout.write(
                f"{kind}: {counts[kind, 'created']} created, {counts[kind, 'updated']} updated, "
                f"{counts[kind, 'unchanged']} unchanged"
            )
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
