from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from accounts.models import User
from portal.admin import ReadOnlyAdminMixin

admin.site.register(User, UserAdmin)


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
