import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import second_factor

USERNAME = "redaktion"
PASSWORD_VARIABLE = "KI_DEMO_ADMIN_PASSWORD"


class Command(BaseCommand):
    help = (
        "Creates the local demo staff account and says how to log in. The password comes "
        f"from {PASSWORD_VARIABLE} or is generated and printed once; the account is a "
        "superuser, so it logs in with a second factor: when the account is created or has none, "
        "or with --recovery-codes, it gets new single-use recovery codes, printed once. Local runs "
        "only: refused unless DEBUG is on."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--url", default="http://127.0.0.1:8000/admin/", help="Where the admin will be."
        )
        parser.add_argument(
            "--recovery-codes",
            action="store_true",
            help="Replace the account's recovery codes by new ones and print them.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_demo_staff makes a demo account with printed credentials: local runs "
                "only (DJANGO_DEBUG=true). In production use createsuperuser (README.md)."
            )
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
        codes = []
        # An account from a demo database older than the second factor has none yet.
        if created or options["recovery_codes"] or not second_factor.has_device(user):
            codes = second_factor.new_recovery_codes(user)

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
        if codes:
            self.stdout.write(
                "  Wiederherstellungscodes / recovery codes (each works once, shown only now):"
            )
            self.stdout.write(f"    {' '.join(codes)}")
        else:
            self.stdout.write(
                "  Zweiter Faktor / second factor: your app, or a recovery code printed earlier; "
                "new ones with `DJANGO_DEBUG=true .venv/bin/python manage.py ensure_demo_staff "
                "--recovery-codes`"
            )
        self.stdout.write("")
