from django.core.management.base import BaseCommand

from organisations.services import organisations_delete_unconfirmed


class Command(BaseCommand):
    help = (
        "Deletes registrations of migrant organisations whose e-mail address was not "
        "confirmed within seven days, as the registration form promises. Meant to run daily."
    )

    def handle(self, *args, **options):
        deleted = organisations_delete_unconfirmed()
        self.stdout.write(f"{deleted} unconfirmed registration(s) deleted.")
