"""The staff roles: one group each, with exactly the permissions the role's work needs.

This is the one definition of the roles. The data migration `ki_portal/migrations/
0001_roles.py` applies it, `tests/conftest.py` puts the test people into these groups, and
`tests/test_permission_matrix.py` visits every admin page as every role and renders the
table in docs/security.md. Why each role holds what it holds is written there.

The project shell holds it because a role spans the apps: "Redaktion" edits pages of
`centre`, `fields`, `news`, `networks` and the counsellors of `counselling`, which no app
below may import together. A change of a role is a change here plus a new migration in
`ki_portal/migrations/` that calls `create_roles` again: it sets each group's permissions
to exactly this list, whatever they were.
"""

from django.contrib.auth.management import create_permissions

from accounts.groups import (
    ADMINISTRATION_GROUP,
    COUNSELLING_GROUP,
    DATA_PROTECTION_GROUP,
    EDITORIAL_GROUP,
    MSO_GROUP,
)

EVERYTHING = ("add", "change", "delete", "view")


def grant(app_label: str, *models: str, actions=EVERYTHING) -> list[str]:
    """`app_label.action_model` for every model and action."""
    return [f"{app_label}.{action}_{model}" for model in models for action in actions]


ROLES: dict[str, list[str]] = {
    # The public content. Information pages and the accessibility statement can be
    # created and changed, not deleted: the legal pages must exist. Barrier reports come
    # from the form; the editors answer them (and delete spam). The counsellors shown on
    # the counselling page are contact persons, i.e. content. Languages are read for the
    # choosers of contact persons.
    EDITORIAL_GROUP: [
        *grant("fields", "fieldofwork", "offer", "document", "targetgroup"),
        *grant("news", "newsitem", "event"),
        *grant("networks", "network", "membership", "networkdocument", "partner", "theme"),
        *grant(
            "centre", "informationpage", "accessibilitystatement", actions=["add", "change", "view"]
        ),
        *grant("centre", "pagesection", "keyfigure"),
        *grant("centre", "location", "openinghours", "closure"),
        *grant("centre", "contactperson", "consultationhours"),
        *grant("centre", "barrierfeedback", actions=["change", "delete", "view"]),
        *grant("counselling", "counsellor"),
        *grant("languages", "language", actions=["view"]),
    ],
    # The migrant organisations: the register and its review queue (the queue asks for
    # the permissions on organisations), the export, the decision log, the lists and the
    # network meetings. Entries are never added or deleted by hand: they come from the
    # registration and leave by rejection or withdrawal. The coordination links a
    # network's partner to its directory entry, so the editors need not read the register.
    MSO_GROUP: [
        *grant("organisations", "organisation", actions=["change", "view", "export"]),
        *grant("organisations", "decision", actions=["view"]),
        *grant(
            "organisations",
            "activity",
            "audience",
            "qualificationtopic",
            "district",
            "supportoffer",
            "networkmeeting",
        ),
        *grant("languages", "language", actions=["add", "change", "view"]),
        *grant("networks", "partner", actions=["change", "view"]),
    ],
    # The sealed inbox: requests (status, erasure), notes (added, never rewritten), the
    # access log, the log of who joined or left the team, and the anonymous statistic.
    # The admin asks for the membership as well.
    COUNSELLING_GROUP: [
        *grant("counselling", "counsellingrequest", actions=["change", "delete", "view"]),
        *grant("counselling", "note", actions=["add", "view"]),
        *grant("counselling", "accesslog", "membershiplog", "monthlycount", actions=["view"]),
    ],
    # Reads who opened and erased which request, who joined or left the sealed groups, and
    # the decisions that erased an organisation's data; never a request itself.
    DATA_PROTECTION_GROUP: [
        *grant("counselling", "accesslog", "membershiplog", actions=["view"]),
        *grant("organisations", "decision", actions=["view"]),
    ],
    # Accounts and the centre's profile. Accounts are deactivated, not deleted (the logs
    # keep naming them); groups are read only, because their permissions are these roles.
    # The login records (django-axes) are read here, and a lockout is lifted by deleting
    # its failed attempts: the lockout page sends people to the administration.
    ADMINISTRATION_GROUP: [
        *grant("accounts", "user", actions=["add", "change", "view"]),
        *grant("axes", "accessattempt", actions=["delete", "view"]),
        *grant("axes", "accesslog", "accessfailurelog", actions=["view"]),
        *grant("auth", "group", actions=["view"]),
        *grant("centre", "centreprofile", actions=["add", "change", "view"]),
        *grant("languages", "language", actions=["view"]),
    ],
}


def create_roles(apps) -> None:
    """Creates or updates the groups with exactly their permissions.

    The permissions are created first: on a fresh database Django creates them only after
    all migrations ran. A permission whose model does not exist yet in the migration's
    state is left out; the later migration that names it grants it.
    """
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        # A migration's app registry has no models module, so create_permissions would skip it.
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    existing = {
        f"{permission.content_type.app_label}.{permission.codename}": permission
        for permission in Permission.objects.select_related("content_type")
    }
    for name, permissions in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set([existing[key] for key in permissions if key in existing])
