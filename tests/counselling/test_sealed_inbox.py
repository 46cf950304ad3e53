"""Nobody joins the counselling team alone: who may change the membership of "Beratung"
and "Datenschutz", the log of every change, and the content-free mail about it."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from accounts.groups import COUNSELLING_GROUP, DATA_PROTECTION_GROUP
from counselling.models import MembershipChange, MembershipLog
from portal.models import OutgoingMail
from tests.factories import UserFactory
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

USERS = "/admin/accounts/user/"
GROUPS = "/admin/auth/group/"
MEMBERSHIP_LOG = "/admin/counselling/membershiplog/"
USER_ADMIN_PERMISSIONS = ["view_user", "change_user", "add_user", "delete_user"]


def group(name):
    return Group.objects.get(name=name)


def user_form(user, *, groups, **changes):
    """The user's change page as the browser posts it, with `groups` chosen."""
    joined = timezone.localtime(user.date_joined)
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on",
        "groups": [each.pk for each in groups],
        "date_joined_0": joined.strftime("%d.%m.%Y"),
        "date_joined_1": joined.strftime("%H:%M:%S"),
        **changes,
    }
    if user.is_superuser:
        data["is_superuser"] = "on"
    return data


def change_user(client, user, **form):
    return client.post(f"{USERS}{user.pk}/change/", user_form(user, **form))


@pytest.fixture
def user_administrators(db):
    """The role that keeps accounts (ki_portal.roles), here also allowed to change and
    delete groups: even then the sealed groups stay closed."""
    administration = Group.objects.get(name="Administration")
    administration.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["accounts", "auth"],
            codename__in=[*USER_ADMIN_PERMISSIONS, "view_group", "change_group", "delete_group"],
        )
    )
    return administration


@pytest.fixture
def user_administrator(user_administrators):
    """Keeps the accounts, belongs to neither sealed group."""
    user = UserFactory(username="it-admin", is_staff=True)
    user.groups.add(user_administrators)
    return user


@pytest.fixture
def data_protection_administrator(user_administrators):
    """The data protection officer who may also change accounts."""
    user = UserFactory(username="dpo-admin", is_staff=True)
    user.groups.add(user_administrators, group(DATA_PROTECTION_GROUP))
    return user


@pytest.fixture
def counselling_administrator(user_administrators):
    """A counsellor who may also change accounts."""
    user = UserFactory(username="lead-counsellor", is_staff=True)
    user.groups.add(user_administrators, group(COUNSELLING_GROUP))
    return user


@pytest.fixture
def newcomer(db):
    return UserFactory(username="amira.neu", first_name="Amira", is_staff=True)


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


def test_a_superuser_cannot_add_himself_to_the_team(client, superuser):
    sign_in(client, superuser)
    logged, mails = MembershipLog.objects.count(), OutgoingMail.objects.count()

    response = change_user(client, superuser, groups=[group(COUNSELLING_GROUP)])

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["groups"]
    assert "nur Mitglieder der Gruppen „Beratung“ oder „Datenschutz“" in errors["groups"][0]
    assert not superuser.groups.exists()
    assert MembershipLog.objects.count() == logged
    assert OutgoingMail.objects.count() == mails


def test_a_superuser_cannot_add_someone_else_to_the_team_either(client, superuser, newcomer):
    sign_in(client, superuser)

    response = change_user(client, newcomer, groups=[group(DATA_PROTECTION_GROUP)])

    assert response.status_code == 200
    assert "groups" in response.context["adminform"].form.errors
    assert not newcomer.groups.exists()


def test_a_user_administrator_cannot_add_someone_to_the_team(client, user_administrator, newcomer):
    sign_in(client, user_administrator)

    response = change_user(client, newcomer, groups=[group(COUNSELLING_GROUP)], first_name="Amina")

    assert response.status_code == 200
    page = response.content.decode()
    # The error stands next to the field and the form keeps what was entered.
    assert "Die Mitgliedschaft in „Beratung“ können nur Mitglieder" in page
    assert 'value="Amina"' in page
    newcomer.refresh_from_db()
    assert newcomer.first_name == "Amira"
    assert not newcomer.groups.exists()


def test_a_user_administrator_still_changes_other_groups_and_other_fields(
    client, user_administrator, newcomer, counsellor
):
    editors, _created = Group.objects.get_or_create(name="Redaktion")
    sign_in(client, user_administrator)

    joined = change_user(client, newcomer, groups=[editors])
    # A counsellor's other details stay open to the user administration, her team stays.
    renamed = change_user(client, counsellor, groups=[group(COUNSELLING_GROUP)], last_name="Yilmaz")

    assert joined.status_code == renamed.status_code == 302
    assert list(newcomer.groups.all()) == [editors]
    counsellor.refresh_from_db()
    assert counsellor.last_name == "Yilmaz"


def test_a_user_administrator_cannot_take_someone_out_of_the_team(
    client, user_administrator, counsellor
):
    sign_in(client, user_administrator)

    response = change_user(client, counsellor, groups=[])

    assert response.status_code == 200
    assert list(counsellor.groups.values_list("name", flat=True)) == [COUNSELLING_GROUP]


def test_the_data_protection_officer_adds_another_person_and_the_change_is_logged_and_mailed(
    client,
    data_protection_administrator,
    newcomer,
    counsellor,
    django_capture_on_commit_callbacks,
):
    sign_in(client, data_protection_administrator)

    with django_capture_on_commit_callbacks(execute=True):
        response = change_user(client, newcomer, groups=[group(COUNSELLING_GROUP)])

    assert response.status_code == 302
    assert list(newcomer.groups.values_list("name", flat=True)) == [COUNSELLING_GROUP]
    entry = MembershipLog.objects.latest("pk")
    assert (
        entry.actor,
        entry.actor_name,
        entry.member,
        entry.member_name,
        entry.group,
        entry.change,
    ) == (
        data_protection_administrator,
        "dpo-admin",
        newcomer,
        "amira.neu",
        COUNSELLING_GROUP,
        MembershipChange.ADDED,
    )
    # Both groups hear of it, the new member included; nobody outside them.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [counsellor.email, data_protection_administrator.email, newcomer.email]
    )
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        assert "Mitgliedschaft in der Gruppe Beratung" in text
        assert f"{settings.SITE_URL}{MEMBERSHIP_LOG}" in message.body
        for personal in ["amira", "Amira", "dpo-admin", "counsellor"]:
            assert personal not in text, personal


def test_a_counsellor_adds_another_person_but_not_herself(
    client, counselling_administrator, newcomer
):
    sign_in(client, counselling_administrator)
    own_groups = list(counselling_administrator.groups.all())

    herself = change_user(
        client,
        counselling_administrator,
        groups=[*own_groups, group(DATA_PROTECTION_GROUP)],
    )
    other = change_user(client, newcomer, groups=[group(COUNSELLING_GROUP)])

    assert herself.status_code == 200
    assert "Ihre eigene Mitgliedschaft in „Datenschutz“" in herself.content.decode()
    assert not counselling_administrator.groups.filter(name=DATA_PROTECTION_GROUP).exists()
    assert other.status_code == 302
    assert newcomer.groups.filter(name=COUNSELLING_GROUP).exists()


def test_nobody_leaves_the_team_on_their_own_in_the_admin(client, counselling_administrator):
    sign_in(client, counselling_administrator)

    response = change_user(client, counselling_administrator, groups=[group("Administration")])

    assert response.status_code == 200
    assert counselling_administrator.groups.filter(name=COUNSELLING_GROUP).exists()


def test_an_inactive_member_cannot_change_the_team(client, data_protection_administrator, newcomer):
    sign_in(client, data_protection_administrator)
    data_protection_administrator.is_active = False
    data_protection_administrator.save()

    client.post(f"{USERS}{newcomer.pk}/change/", user_form(newcomer, groups=[]))

    assert not newcomer.groups.exists()


@pytest.mark.parametrize("person", ["superuser", "user_administrator"])
def test_nobody_outside_both_groups_sets_a_members_password(client, request, counsellor, person):
    sign_in(client, request.getfixturevalue(person))
    new_password = "ein ganz neues Passwort 2026"

    page = client.get(f"{USERS}{counsellor.pk}/password/")
    response = client.post(
        f"{USERS}{counsellor.pk}/password/",
        {"password1": new_password, "password2": new_password, "usable_password": "true"},
    )

    assert page.status_code == response.status_code == 403
    counsellor.refresh_from_db()
    assert not counsellor.check_password(new_password)


def test_a_member_may_set_a_colleagues_password_and_admins_anyone_elses(
    client, data_protection_administrator, user_administrator, counsellor, newcomer
):
    new_password = "ein ganz neues Passwort 2026"
    form = {"password1": new_password, "password2": new_password, "usable_password": "true"}

    sign_in(client, data_protection_administrator)
    colleague = client.post(f"{USERS}{counsellor.pk}/password/", form)
    sign_in(client, user_administrator)
    outsider = client.post(f"{USERS}{newcomer.pk}/password/", form)

    assert colleague.status_code == outsider.status_code == 302
    counsellor.refresh_from_db()
    newcomer.refresh_from_db()
    assert counsellor.check_password(new_password)
    assert newcomer.check_password(new_password)


def test_the_add_form_gives_no_membership(client, superuser):
    sign_in(client, superuser)

    response = client.post(
        f"{USERS}add/",
        {
            "username": "heimlich",
            "usable_password": "false",
            "groups": [group(COUNSELLING_GROUP).pk],
        },
    )

    assert response.status_code == 302
    assert not Group.objects.filter(user__username="heimlich").exists()


def test_a_change_in_a_shell_is_logged_as_made_by_the_system(newcomer):
    mails = OutgoingMail.objects.count()

    newcomer.groups.add(group(COUNSELLING_GROUP))
    group(DATA_PROTECTION_GROUP).user_set.add(newcomer)
    newcomer.groups.add(group(COUNSELLING_GROUP))

    entries = MembershipLog.objects.filter(member=newcomer).order_by("pk")
    assert [(entry.actor, entry.actor_name, entry.group, entry.change) for entry in entries] == [
        (None, "", COUNSELLING_GROUP, "added"),
        (None, "", DATA_PROTECTION_GROUP, "added"),
    ]
    # Two changes, each told to the two members (she now among them) with an address.
    assert OutgoingMail.objects.count() == mails + 2


def test_leaving_in_a_shell_is_logged_for_each_group_actually_left(newcomer):
    editors, _created = Group.objects.get_or_create(name="Redaktion")
    newcomer.groups.add(group(COUNSELLING_GROUP), editors)

    newcomer.groups.remove(group(DATA_PROTECTION_GROUP), editors)
    group(COUNSELLING_GROUP).user_set.remove(newcomer)
    newcomer.groups.add(group(DATA_PROTECTION_GROUP))
    newcomer.groups.clear()

    assert list(
        MembershipLog.objects.filter(member=newcomer).order_by("pk").values_list("group", "change")
    ) == [
        (COUNSELLING_GROUP, "added"),
        (COUNSELLING_GROUP, "removed"),
        (DATA_PROTECTION_GROUP, "added"),
        (DATA_PROTECTION_GROUP, "removed"),
    ]


def test_a_change_in_a_migration_is_logged_too(newcomer):
    """A data migration works with historical models; the change is caught all the same."""
    migrations = MigrationExecutor(connection).loader.project_state().apps
    historical_user = migrations.get_model("accounts", "User").objects.get(pk=newcomer.pk)
    historical_group = migrations.get_model("auth", "Group").objects.get(name=COUNSELLING_GROUP)

    historical_user.groups.add(historical_group)

    entry = MembershipLog.objects.get(member=newcomer)
    assert (entry.actor_name, entry.group, entry.change) == ("", COUNSELLING_GROUP, "added")


@pytest.fixture
def entry(counsellor):
    return MembershipLog.objects.get(member=counsellor)


@pytest.mark.parametrize("person", ["counsellor", "data_protection_officer"])
def test_both_groups_read_the_membership_log(client, request, entry, person):
    sign_in(client, request.getfixturevalue(person))

    listed = client.get(MEMBERSHIP_LOG)
    shown = client.get(f"{MEMBERSHIP_LOG}{entry.pk}/change/")

    assert listed.status_code == shown.status_code == 200
    assert "counsellor" in listed.content.decode()
    assert "System (Shell oder Migration)" in listed.content.decode()
    assert MEMBERSHIP_LOG in client.get("/admin/").content.decode()


@pytest.mark.parametrize("changes", [1, 8])
def test_the_membership_log_asks_the_same_number_of_queries_for_more_entries(
    client, data_protection_officer, django_assert_num_queries, changes
):
    for number in range(changes):
        UserFactory(username=f"beraterin-{number}").groups.add(group(COUNSELLING_GROUP))
    sign_in(client, data_protection_officer)
    client.get(MEMBERSHIP_LOG)

    with django_assert_num_queries(12):
        response = client.get(MEMBERSHIP_LOG)

    # Her own entry too.
    assert len(response.context["cl"].result_list) == changes + 1
    assert response.content.decode().count("beraterin-") == changes


@pytest.mark.parametrize("person", ["outsider", "editor", "superuser", "user_administrator"])
def test_people_outside_both_groups_cannot_read_the_membership_log(client, request, entry, person):
    sign_in(client, request.getfixturevalue(person))

    responses = [client.get(MEMBERSHIP_LOG), client.get(f"{MEMBERSHIP_LOG}{entry.pk}/change/")]

    assert [response.status_code for response in responses] == [403, 403]
    assert MEMBERSHIP_LOG not in client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    "person", ["counsellor", "data_protection_officer", "data_protection_administrator"]
)
def test_nobody_adds_changes_or_deletes_membership_log_entries(client, request, entry, person):
    sign_in(client, request.getfixturevalue(person))
    kept = list(MembershipLog.objects.values_list("pk", "member_name", "group", "change"))
    forged = {"member_name": "jemand", "group": COUNSELLING_GROUP, "change": "removed"}

    responses = [
        client.get(f"{MEMBERSHIP_LOG}add/"),
        client.post(f"{MEMBERSHIP_LOG}add/", forged),
        client.post(f"{MEMBERSHIP_LOG}{entry.pk}/change/", forged),
        client.get(f"{MEMBERSHIP_LOG}{entry.pk}/delete/"),
        client.post(f"{MEMBERSHIP_LOG}{entry.pk}/delete/", {"post": "yes"}),
        client.post(
            MEMBERSHIP_LOG,
            {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
        ),
    ]

    assert [response.status_code for response in responses[:5]] == [403] * 5
    assert list(MembershipLog.objects.values_list("pk", "member_name", "group", "change")) == [
        *kept
    ]


@pytest.mark.parametrize("name", [COUNSELLING_GROUP, DATA_PROTECTION_GROUP])
@pytest.mark.parametrize("person", ["superuser", "data_protection_administrator"])
def test_the_sealed_groups_cannot_be_renamed_deleted_or_given_permissions(
    client, request, name, person
):
    sign_in(client, request.getfixturevalue(person))
    sealed = group(name)
    permissions = set(sealed.permissions.all())
    everything = Permission.objects.values_list("pk", flat=True)

    page = client.get(f"{GROUPS}{sealed.pk}/change/")
    renamed = client.post(
        f"{GROUPS}{sealed.pk}/change/", {"name": "Alle", "permissions": list(everything)}
    )
    deleted = client.post(f"{GROUPS}{sealed.pk}/delete/", {"post": "yes"})
    client.post(
        GROUPS, {"action": "delete_selected", "_selected_action": [sealed.pk], "post": "yes"}
    )

    # Shown read only to those who may see groups.
    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    assert renamed.status_code == deleted.status_code == 403
    sealed.refresh_from_db()
    assert sealed.name == name
    assert set(sealed.permissions.all()) == permissions


def test_other_groups_stay_open_to_the_user_administration(client, user_administrator):
    press = Group.objects.create(name="Presse")
    sign_in(client, user_administrator)

    response = client.post(f"{GROUPS}{press.pk}/change/", {"name": "Presse und Medien"})

    assert response.status_code == 302
    press.refresh_from_db()
    assert press.name == "Presse und Medien"
