"""The two groups the counselling section relies on, with their permissions."""

from django.contrib.auth.management import create_permissions

from accounts.groups import COUNSELLING_GROUP, DATA_PROTECTION_GROUP

GROUP_PERMISSIONS = {
    COUNSELLING_GROUP: [
        "view_counsellingrequest",
        "change_counsellingrequest",
        "delete_counsellingrequest",
        "view_note",
        "add_note",
        "view_accesslog",
        "view_membershiplog",
        "view_monthlycount",
    ],
    DATA_PROTECTION_GROUP: ["view_accesslog", "view_membershiplog"],
}


def create_groups(apps) -> None:
    """Creates the groups, and the app's permissions first: on a fresh database Django
    creates permissions only after all migrations ran."""
    app_config = apps.get_app_config("counselling")
    models_module = getattr(app_config, "models_module", None)
    # A migration's app registry has no models module, so create_permissions would skip it.
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="counselling", codename__in=codenames
            )
        )
