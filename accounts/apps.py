from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Benutzerkonten")

    def ready(self):
        # Connects the login log and the logout that ends every session.
        from accounts import logins  # noqa: F401


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the portal's site as `admin.site` (accounts.admin_site)."""

    default = False
    default_site = "accounts.admin_site.PortalAdminSite"
