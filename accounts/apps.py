from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Benutzerkonten")

    def ready(self):
        # Connects the login log and the logout that ends every session.
        from accounts import logins  # noqa: F401
