"""Staff log in with user name and password, then a code of their second factor."""

import datetime

import pytest
from django.contrib.auth.signals import user_login_failed

from tests.accounts.login import CODE, LOGIN, enter_code, log_in, logged_in
from tests.accounts.otp import current_code, give_app, give_recovery_codes, wrong_code
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SETUP = "/de/konto/zweiter-faktor/app/"


@pytest.fixture
def superuser(db):
    return UserFactory(username="betrieb", is_staff=True, is_superuser=True)


def test_password_alone_does_not_log_in_a_superuser_with_an_app(client, superuser):
    give_app(superuser)

    response = log_in(client, superuser.username)

    assert response.status_code == 302
    assert response["Location"] == CODE
    assert not logged_in(client)
    admin = client.get("/admin/")
    assert admin.status_code == 302
    assert admin["Location"] == "/admin/login/?next=/admin/"


def test_the_password_step_starts_a_new_session(client, counsellor):
    give_app(counsellor)
    session = client.session
    session["planted"] = True
    session.save()

    log_in(client, counsellor.username)

    assert client.session.session_key != session.session_key
    assert "planted" not in client.session


def test_counsellor_logs_in_with_password_and_the_app_code(client, counsellor):
    app = give_app(counsellor)
    log_in(client, counsellor.username, next_url="/admin/counselling/counsellingrequest/")

    response = enter_code(client, current_code(app))

    assert response.status_code == 302
    assert response["Location"] == "/admin/counselling/counsellingrequest/"
    assert logged_in(client)
    assert client.get("/admin/counselling/counsellingrequest/").status_code == 200


def test_a_wrong_code_does_not_log_in(client, counsellor):
    app = give_app(counsellor)
    log_in(client, counsellor.username)

    response = enter_code(client, wrong_code(app))

    assert response.status_code == 200
    assert "Der Code stimmt nicht." in response.content.decode()
    assert not logged_in(client)
    assert client.get("/admin/").status_code == 302


def test_codes_are_throttled_after_a_wrong_one(client, counsellor):
    app = give_app(counsellor)
    log_in(client, counsellor.username)
    enter_code(client, wrong_code(app))

    response = enter_code(client, current_code(app))

    assert "Zu viele falsche Codes." in response.content.decode()
    assert not logged_in(client)


def test_a_recovery_code_works_once(client, superuser):
    give_app(superuser)
    give_recovery_codes(superuser, "abcdefgh", "ijklmnop")
    log_in(client, superuser.username)

    response = enter_code(client, "ABCD EFGH")

    assert response.status_code == 302
    assert logged_in(client)
    client.post("/admin/logout/")
    assert not logged_in(client)
    log_in(client, superuser.username)
    again = enter_code(client, "abcdefgh")
    assert again.status_code == 200
    assert not logged_in(client)
    assert superuser.staticdevice_set.get().token_set.get().token == "ijklmnop"


def test_the_step_between_password_and_code_expires(client, counsellor, clock):
    app = give_app(counsellor)
    log_in(client, counsellor.username)
    clock.advance(datetime.timedelta(minutes=6))

    response = enter_code(client, current_code(app))

    assert "Anmeldung abgelaufen" in response.content.decode()
    assert not logged_in(client)


def test_the_code_step_without_a_password_step_logs_nobody_in(client, counsellor):
    app = give_app(counsellor)

    response = enter_code(client, current_code(app))

    assert "Anmeldung abgelaufen" in response.content.decode()
    assert not logged_in(client)


def test_a_wrong_password_gets_one_message_for_both_fields(client, editor):
    response = log_in(client, "editor", "falsch")
    unknown = log_in(client, "niemand")

    for page in (response, unknown):
        assert page.status_code == 200
        assert "Benutzername oder Passwort sind falsch." in page.content.decode()
    assert not logged_in(client)


def test_the_login_throttling_sees_the_request_of_every_attempt(client, editor):
    requests = []

    def record(sender, credentials, request, **kwargs):
        requests.append(request)

    user_login_failed.connect(record)
    try:
        log_in(client, "editor", "falsch")
    finally:
        user_login_failed.disconnect(record)

    assert len(requests) == 1
    assert requests[0] is not None
    assert requests[0].path == LOGIN


def test_a_wrong_code_counts_as_a_failed_login_for_the_throttling(client, counsellor):
    app = give_app(counsellor)
    log_in(client, counsellor.username)
    failures = []

    def record(sender, credentials, request, **kwargs):
        failures.append((credentials, request.path))

    user_login_failed.connect(record)
    try:
        enter_code(client, wrong_code(app))
    finally:
        user_login_failed.disconnect(record)

    assert failures == [({"username": "counsellor"}, CODE)]


def test_people_who_are_not_staff_cannot_log_in(client):
    person = UserFactory(username="buerger", is_staff=False)

    response = log_in(client, person.username)

    assert "Benutzername oder Passwort sind falsch." in response.content.decode()
    assert not logged_in(client)


def test_an_editor_without_a_second_factor_logs_in_with_the_password(client, editor):
    response = log_in(client, editor.username)

    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_an_editor_who_set_up_an_app_must_use_it(client, editor):
    give_app(editor)

    response = log_in(client, editor.username)

    assert response["Location"] == CODE
    assert not logged_in(client)
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)"],
)
def test_next_leads_nowhere_outside_the_portal(client, editor, target):
    response = log_in(client, editor.username, next_url=target)

    assert response["Location"] == "/admin/"


def test_next_is_kept_through_the_code_step(client, superuser):
    app = give_app(superuser)
    client.get("/admin/login/?next=/admin/fields/fieldofwork/")
    log_in(client, superuser.username, next_url="/admin/fields/fieldofwork/")

    response = enter_code(client, current_code(app))

    assert response["Location"] == "/admin/fields/fieldofwork/"


def test_the_admin_login_leads_to_the_portal_login_with_next(client):
    response = client.get("/admin/login/?next=/admin/news/")

    assert response.status_code == 302
    assert response["Location"] == "/de/anmelden/?next=%2Fadmin%2Fnews%2F"


def test_a_person_who_must_use_a_second_factor_is_led_to_set_it_up(client, counsellor):
    response = log_in(client, counsellor.username)

    assert response["Location"] == SETUP
    for path in ["/admin/", "/admin/counselling/counsellingrequest/", "/admin/password_change/"]:
        refused = client.get(path)
        assert refused.status_code == 302, path
        assert refused["Location"].startswith("/admin/login/"), path
    assert client.get("/admin/login/", follow=True).redirect_chain[-1] == (SETUP, 302)


def test_admin_logout_still_works(admin_client):
    response = admin_client.post("/admin/logout/")

    assert response.status_code == 200
    assert not logged_in(admin_client)
    assert admin_client.get("/admin/").status_code == 302
