from django.core.management.base import BaseCommand

from fields import demo_content


class Command(BaseCommand):
    help = "Loads the demo centre, its fields of work, offers and sample documents (idempotent)."

    def handle(self, *args, **options):
        counts = demo_content.load()
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"Demo content ready: {summary}.")
