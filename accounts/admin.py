"""Staff accounts and groups in the admin, with the sealed groups nobody joins alone.

Whoever may change accounts may still change every other group of an account; the
membership of "Beratung" and "Datenschutz" changes only when a member of one of them does
it for someone else. The two groups themselves keep the name and the permissions their
migrations give them. django-axes' login records are shown read only.
"""

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.admin_german import AdminPasswordChangeForm, GermanPermissionsMixin
from accounts.groups import (
    SEALED_GROUPS,
    may_change_sealed_memberships,
    memberships_changed_by,
)
from accounts.models import User
from portal.admin import ReadOnlyAdminMixin


def sealed_names(groups) -> str:
    return ", ".join(f"„{name}“" for name in sorted(groups))


class UserChangeForm(auth_forms.UserChangeForm):
    # Who fills in the form; UserAdmin.get_form sets it on the class it makes per request.
    actor = None

    def clean_groups(self):
        groups = self.cleaned_data["groups"]
        before = set(
            self.instance.groups.filter(name__in=SEALED_GROUPS).values_list("name", flat=True)
        )
        changed = before ^ {group.name for group in groups if group.name in SEALED_GROUPS}
        if not changed:
            return groups
        if not may_change_sealed_memberships(self.actor):
            raise ValidationError(
                _(
                    "Die Mitgliedschaft in %(groups)s können nur Mitglieder der Gruppen "
                    "„Beratung“ oder „Datenschutz“ ändern."
                ),
                code="sealed_group",
                params={"groups": sealed_names(changed)},
            )
        if self.instance.pk == self.actor.pk:
            raise ValidationError(
                _(
                    "Ihre eigene Mitgliedschaft in %(groups)s kann nur eine andere "
                    "berechtigte Person ändern."
                ),
                code="own_sealed_group",
                params={"groups": sealed_names(changed)},
            )
        return groups


@admin.register(User)
class UserAdmin(GermanPermissionsMixin, auth_admin.UserAdmin):
    """Accounts, kept by the role "Administration" (docs/security.md).

    Roles are given through groups. Only a superuser sets the superuser flag, gives single
    permissions or changes a superuser's account (and so its password): otherwise keeping
    the accounts would be a way to every permission.
    """

    # The add form has no groups: a new account joins a group on its change page.
    form = UserChangeForm
    change_password_form = AdminPasswordChangeForm

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            return fields
        return [*fields, "is_superuser", "user_permissions"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        # modelform_factory made this class for this request alone.
        form.actor = request.user
        return form

    def save_related(self, request, form, formsets, change):
        # The membership log names the person, not "system".
        with memberships_changed_by(request.user):
            super().save_related(request, form, formsets, change)

    def user_change_password(self, request, id, form_url=""):
        # Setting a member's password would be joining the team through her account.
        user = self.get_object(request, unquote(id))
        if (
            user is not None
            and user != request.user
            and user.groups.filter(name__in=SEALED_GROUPS).exists()
            and not may_change_sealed_memberships(request.user)
        ):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(GermanPermissionsMixin, auth_admin.GroupAdmin):
    """Groups as Django keeps them, but the sealed ones are read only and never deleted:
    their name is what the portal checks, their permissions come from migrations."""

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not is_sealed(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not is_sealed(obj)


def is_sealed(group) -> bool:
    return group is not None and group.name in SEALED_GROUPS


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


# django-otp's own admin of devices would let an admin account add a known key to someone
# else's account or remove their second factor. A person sets up and replaces their own on
# the portal's pages; only someone with access to the server resets it
# (`manage.py reset_second_factor`).
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)
