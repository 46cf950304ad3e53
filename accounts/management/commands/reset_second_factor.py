from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import second_factor


class Command(BaseCommand):
    help = (
        "Removes a person's second factor (app and recovery codes), e.g. after a lost phone. "
        "At the next login with the password, someone who must use a second factor sets it up "
        "again before the admin opens."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The user name of the account.")

    def handle(self, *args, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(options["username"])
        except User.DoesNotExist:
            raise CommandError(f"No account with the user name {options['username']!r}.") from None
        removed = second_factor.reset(user)
        self.stdout.write(
            f"Removed {removed} second-factor device(s) of {user.get_username()}; "
            "they set up a new app at their next login."
        )
