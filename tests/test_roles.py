"""The staff roles: made by a migration, with exactly their permissions, and no way from
keeping the accounts to every permission."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.groups import ADMINISTRATION_GROUP, EDITORIAL_GROUP
from ki_portal.roles import ROLES, create_roles
from tests.factories import UserFactory
from tests.staff import sign_in

ROLES_MIGRATION = ("ki_portal", "0001_roles")


def granted(name: str) -> set[str]:
    permissions = Group.objects.get(name=name).permissions.select_related("content_type")
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissions}


@pytest.mark.django_db
def test_each_role_holds_exactly_the_permissions_it_names():
    for name, permissions in ROLES.items():
        assert granted(name) == set(permissions), name


@pytest.mark.django_db
def test_creating_the_roles_again_sets_hand_made_changes_back_and_keeps_the_members():
    editors = Group.objects.get(name=EDITORIAL_GROUP)
    editors.permissions.add(Permission.objects.get(codename="view_counsellingrequest"))
    editors.permissions.remove(Permission.objects.get(codename="add_newsitem"))
    editor = UserFactory(is_staff=True)
    editor.groups.add(editors)

    create_roles(apps)

    assert granted(EDITORIAL_GROUP) == set(ROLES[EDITORIAL_GROUP])
    assert list(editors.user_set.all()) == [editor]
    assert Group.objects.filter(name__in=ROLES).count() == len(ROLES)


@pytest.mark.migrations
def test_the_migration_runs_again_and_reverses_to_nothing(transactional_db):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORIAL_GROUP))
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([("ki_portal", None)])

        assert granted(EDITORIAL_GROUP) == set(ROLES[EDITORIAL_GROUP])
        assert editor.groups.get().name == EDITORIAL_GROUP
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate([ROLES_MIGRATION])

    for name, permissions in ROLES.items():
        assert granted(name) == set(permissions), name
    assert editor.groups.get().name == EDITORIAL_GROUP


@pytest.fixture
def administration_client(client, administrator):
    return sign_in(client, administrator)


@pytest.mark.django_db
def test_administration_gives_roles_but_neither_the_superuser_flag_nor_single_permissions(
    administration_client,
):
    staff = UserFactory(username="neu", is_staff=True)
    editors = Group.objects.get(name=EDITORIAL_GROUP)

    response = administration_client.post(
        f"/admin/accounts/user/{staff.pk}/change/",
        {
            "username": "neu",
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "groups": [editors.pk],
            "user_permissions": [Permission.objects.get(codename="add_group").pk],
            "date_joined_0": "2026-12-01",
            "date_joined_1": "09:00:00",
        },
    )

    assert response.status_code == 302
    staff.refresh_from_db()
    assert list(staff.groups.all()) == [editors]
    assert not staff.is_superuser
    assert not staff.user_permissions.exists()


@pytest.mark.django_db
def test_administration_may_read_but_not_change_a_superusers_account(
    administration_client, admin_user
):
    change = administration_client.get(f"/admin/accounts/user/{admin_user.pk}/change/")
    password = administration_client.get(f"/admin/accounts/user/{admin_user.pk}/password/")

    assert change.status_code == 200
    assert 'name="_save"' not in change.content.decode()
    assert password.status_code == 403


@pytest.mark.django_db
def test_administration_keeps_to_its_own_role(administration_client, administrator):
    """Its members cannot widen their group: groups are read only to them."""
    group = Group.objects.get(name=ADMINISTRATION_GROUP)

    response = administration_client.post(
        f"/admin/auth/group/{group.pk}/change/",
        {"name": ADMINISTRATION_GROUP, "permissions": [p.pk for p in Permission.objects.all()]},
    )

    assert response.status_code == 403
    assert granted(ADMINISTRATION_GROUP) == set(ROLES[ADMINISTRATION_GROUP])
