from collections import Counter

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext

from centre import demo_content as centre
from counselling import demo_content as counselling
from fields import demo_content as fields
from networks import demo_content as networks
from news import demo_content as news
from organisations import demo_content as organisations
from portal.history import record_initial_versions

# Bottom layer first: an app's demo content may refer to what the apps below it loaded.
APPS = [centre, fields, news, organisations, networks, counselling]


class Command(BaseCommand):
    help = (
        "Loads the demo centre (Oberhausen), its fields of work, offers, sample documents, "
        "information pages, accessibility statement, news and events, and the support "
        "offers, districts, a network meeting and example entries of the directory of "
        "migrant organisations, the counsellor for women and girls, and the networks the "
        "centre belongs to, each with its first version in the history. "
        "Idempotent: a second run changes nothing."
    )

    def handle(self, *args, **options):
        counts = Counter()
        with transaction.atomic():
            for app in APPS:
                app.load(counts)
            # The first edit in the admin then has a version to compare with and go back to.
            versions = record_initial_versions(comment=gettext("Demo-Inhalt geladen."))
        kinds = dict.fromkeys(kind for kind, _status in counts)
        for kind in kinds:
            self.stdout.write(
                f"{kind}: {counts[kind, 'created']} created, {counts[kind, 'updated']} updated, "
                f"{counts[kind, 'unchanged']} unchanged"
            )
        self.stdout.write(f"history: {versions} first versions recorded")
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
