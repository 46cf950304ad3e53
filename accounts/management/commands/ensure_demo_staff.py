import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "redaktion"
PASSWORD_VARIABLE = "KI_DEMO_ADMIN_PASSWORD"


class Command(BaseCommand):
    help = (
        "Creates the local demo staff account and says how to log in. The password comes "
        f"from {PASSWORD_VARIABLE} or is generated and printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--url", default="http://127.0.0.1:8000/admin/", help="Where the admin will be."
        )

    def handle(self, *args, **options):
        User = get_user_model()
        password = os.environ.get(PASSWORD_VARIABLE)
        user = User.objects.filter(username=USERNAME).first()
        created = user is None
        if created:
            user = User(username=USERNAME, is_staff=True, is_superuser=True)
            password = password or secrets.token_urlsafe(12)
        if password:
            user.set_password(password)
        user.save()

        self.stdout.write("")
        self.stdout.write(f"Admin: {options['url']}")
        self.stdout.write(f"  Benutzername / user name: {USERNAME}")
        if password:
            self.stdout.write(f"  Passwort / password:      {password}")
            if created and not os.environ.get(PASSWORD_VARIABLE):
                self.stdout.write("  (shown only this once)")
        else:
            self.stdout.write(
                f"  Passwort / password: as printed when the account was created; set a new one "
                f"with {PASSWORD_VARIABLE}=... make run"
            )
        self.stdout.write("")
