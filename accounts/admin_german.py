"""What the account pages of the admin would otherwise show in English: Django stores the
names of the model permissions in English ("Can add …") when it creates them, and writes
one warning of the password page in English only."""

from django.contrib.auth import forms as auth_forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# The model permissions Django creates for every model, by the start of their codename.
MODEL_PERMISSIONS = {
    "add": _("%(model)s anlegen"),
    "change": _("%(model)s ändern"),
    "delete": _("%(model)s löschen"),
    "view": _("%(model)s ansehen"),
}


def permission_label(permission) -> str:
    """ "Das Zentrum | Standort ändern" for a model permission, the stored (German) name
    for one a model declares itself. Needs the permission's content type (the admin
    selects it with the permission)."""
    content_type = permission.content_type
    model = content_type.model_class()
    action = permission.codename.partition("_")[0]
    if model is None:
        return str(permission)
    if action in MODEL_PERMISSIONS and permission.codename == f"{action}_{model._meta.model_name}":
        name = MODEL_PERMISSIONS[action] % {"model": model._meta.verbose_name}
    else:
        name = permission.name
    return f"{model._meta.app_config.verbose_name} | {name}"


class GermanPermissionsMixin:
    """For the admin of users and groups: permissions chosen by their German names."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in {"permissions", "user_permissions"}:
            field.label_from_instance = permission_label
        return field


class AdminPasswordChangeForm(auth_forms.AdminPasswordChangeForm):
    """Django's form to set a password in the admin, with its warning translated."""

    usable_password_help_text = format_lazy(
        "{}{}",
        auth_forms.SetUnusablePasswordMixin.usable_password_help_text,
        format_lazy(
            '<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
            _("Wenn Sie das ausschalten, geht das bisherige Passwort der Person verloren."),
        ),
    )
