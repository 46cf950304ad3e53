"""The admin site: the portal's login with the second factor is its only way in."""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog

from accounts import second_factor
from accounts.views import safe_next


class PortalAdminSite(admin.AdminSite):
    # The centre's name follows in templates/admin/base_site.html (from its profile).
    site_header = site_title = _("KI-Portal – Verwaltung")
    index_title = _("Übersicht")

    def has_permission(self, request):
        """Active staff with the second factor this session, or who need none and have none.

        Asked several times per page (the view, the sidebar); the answer costs queries, so
        it is kept for the request."""
        if not hasattr(request, "_admin_allowed"):
            request._admin_allowed = second_factor.admin_allowed(request.user)
        return request._admin_allowed

    def i18n_javascript(self, request, extra_context=None):
        """The admin's JavaScript strings and the prose editor's (its dialogs ask
        `window.gettext`, which this catalogue provides); LOCALE_PATHS add what both lack."""
        return JavaScriptCatalog.as_view(packages=["django.contrib.admin", "django_prose_editor"])(
            request
        )

    def login(self, request, extra_context=None):
        """/admin/login/ leads to the portal's login with `next`, if it stays on this site:
        an over-long or foreign one would make the redirect itself fail."""
        url = reverse("accounts:login")
        if REDIRECT_FIELD_NAME in request.GET:
            url += "?" + urlencode({REDIRECT_FIELD_NAME: safe_next(request)})
        return redirect(url)
