from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from accounts.models import User
from portal.admin import ReadOnlyAdminMixin


@admin.register(User)
class StaffAdmin(UserAdmin):
    """Accounts, kept by the role "Administration" (docs/security.md).

    Roles are given through groups. Only a superuser sets the superuser flag, gives single
    permissions or changes a superuser's account (and so its password): otherwise keeping
    the accounts would be a way to every permission.
    """

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            return fields
        return [*fields, "is_superuser", "user_permissions"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)


# django-axes' records of logins, read-only for whoever holds its view permissions
# (axes.view_accessattempt, axes.view_accesslog, axes.view_accessfailurelog). They are
# registered here instead of by axes (AXES_ENABLE_ADMIN = False) to make them read-only.
@admin.register(AccessAttempt)
class AccessAttemptAdmin(ReadOnlyAdminMixin, axes_admin.AccessAttemptAdmin):
    """Failed logins still counting towards a lockout. Deleting one lifts its lockout, for
    whoever holds axes.delete_accessattempt."""

    allow_by_hand = ["delete"]
    # axes' action for expired attempts needs a login request; the daily jobs do its work.
    actions = []


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdminMixin, axes_admin.AccessLogAdmin):
    """Every login with its logout, kept for LOGIN_RECORDS_KEEP_DAYS."""


@admin.register(AccessFailureLog)
class AccessFailureLogAdmin(ReadOnlyAdminMixin, axes_admin.AccessFailureLogAdmin):
    """Every failed login, kept for LOGIN_RECORDS_KEEP_DAYS."""
