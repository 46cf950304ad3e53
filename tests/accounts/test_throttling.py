"""Failed logins are counted per user name and per address (django-axes), logged and locked
out for a while; the records of logins are read-only in the admin."""

import datetime
import logging

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import authenticate
from django.contrib.auth.models import Permission
from django.db.models import F
from django.test import Client, RequestFactory

from tests.accounts import login
from tests.accounts.login import CODE, enter_code, logged_in
from tests.accounts.otp import PASSWORD, current_code, give_app, wrong_code
from tests.factories import UserFactory
from tests.staff import sign_in
from tests.test_html_validity import html_errors

pytestmark = pytest.mark.django_db

WRONG = "ein-falsches-passwort-4711"


@pytest.fixture
def editor(db):
    return UserFactory(username="redaktion", is_staff=True)


def log_in(client, username, password, address="192.0.2.1", **request):
    """The password step of the portal's login, from `address`."""
    return login.log_in(client, username, password, REMOTE_ADDR=address, **request)


def signed_in(client):
    return client.get("/admin/").status_code == 200


def fail(client, username, times, address="192.0.2.1"):
    return [log_in(client, username, WRONG, address).status_code for _attempt in range(times)]


def test_four_failures_then_the_right_password_logs_in(client, editor):
    assert fail(client, "redaktion", 4) == [200] * 4  # the form again, with its error

    response = log_in(client, "redaktion", PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


def test_after_five_failures_even_the_right_password_is_refused_with_the_lockout_page(
    client, editor
):
    # The fifth failure already answers with the lockout page.
    assert fail(client, "redaktion", 5) == [200, 200, 200, 200, 429]

    response = log_in(client, "redaktion", PASSWORD)

    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    html = response.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in html
    assert "Bitte versuchen Sie es in 15 Minuten noch einmal." in html
    assert "Administration des Portals" in html
    assert not signed_in(client)


def test_a_wrong_code_of_the_second_factor_counts_as_a_failure(client, editor):
    app = give_app(editor)
    fail(client, "redaktion", 4)
    assert log_in(client, "redaktion", PASSWORD)["Location"] == CODE

    response = enter_code(client, wrong_code(app), REMOTE_ADDR="192.0.2.1")

    assert response.status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in response.content.decode()
    assert log_in(client, "redaktion", PASSWORD).status_code == 429
    assert not logged_in(client)


def test_a_lockout_after_the_password_step_refuses_even_the_right_code(client, editor):
    app = give_app(editor)
    assert log_in(client, "redaktion", PASSWORD)["Location"] == CODE
    # Meanwhile someone tries the user name from elsewhere.
    fail(Client(), "redaktion", 5, address="198.51.100.7")

    response = enter_code(client, current_code(app), REMOTE_ADDR="192.0.2.1")

    assert response.status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in response.content.decode()
    assert not logged_in(client)
    assert not signed_in(client)


def test_the_lockout_ends_after_the_cool_off(client, editor, settings):
    fail(client, "redaktion", 5)
    assert log_in(client, "redaktion", PASSWORD).status_code == 429
    # The last failure (the refused right password counts too) was 16 minutes ago.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=16))

    response = log_in(client, "redaktion", PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


def test_a_user_name_is_locked_out_from_every_address(client, editor):
    for number in range(1, 6):
        fail(client, "redaktion", 1, address=f"192.0.2.{number}")

    assert log_in(client, "redaktion", PASSWORD, address="198.51.100.7").status_code == 429


def test_an_address_is_locked_out_for_every_user_name_and_no_other(client, editor):
    for name in ["anna", "bernd", "carla", "dieter", "emil"]:
        fail(client, name, 1, address="192.0.2.66")

    assert log_in(client, "redaktion", PASSWORD, address="192.0.2.66").status_code == 429
    assert log_in(client, "redaktion", PASSWORD, address="192.0.2.67").status_code == 302


def test_behind_the_proxy_the_forwarded_address_counts(client, editor, settings):
    settings.CLIENT_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR"
    proxy = "10.0.0.1"
    for name in ["anna", "bernd", "carla", "dieter", "emil"]:
        log_in(client, name, WRONG, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.9")

    attacker = log_in(
        client, "redaktion", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    colleague = log_in(
        client, "redaktion", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.10"
    )

    assert attacker.status_code == 429
    assert colleague.status_code == 302
    assert set(AccessFailureLog.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}


def test_authenticate_with_a_request_is_throttled_whichever_view_calls_it(editor):
    def attempt(password):
        request = RequestFactory().post("/anmelden/", REMOTE_ADDR="192.0.2.1")
        return authenticate(request, username="redaktion", password=password)

    for _attempt in range(5):
        assert attempt(WRONG) is None

    assert attempt(PASSWORD) is None
    assert AccessAttempt.objects.get().failures_since_start == 6


def test_failed_and_successful_logins_are_logged_without_the_password(client, editor, caplog):
    caplog.set_level(logging.INFO, logger="accounts.logins")

    log_in(client, "redaktion", WRONG, address="192.0.2.5")
    log_in(client, "redaktion", PASSWORD, address="192.0.2.5")

    lines = [record.getMessage() for record in caplog.records if record.name == "accounts.logins"]
    assert lines[0].startswith("Failed login: user name 'redaktion', address 192.0.2.5, at 20")
    assert lines[1].startswith("Login: user name 'redaktion', address 192.0.2.5, at 20")
    assert WRONG not in caplog.text
    assert PASSWORD not in caplog.text
    failure = AccessFailureLog.objects.get()
    assert (failure.username, failure.ip_address) == ("redaktion", "192.0.2.5")
    assert AccessLog.objects.get().username == "redaktion"
    stored = AccessAttempt.objects.get()
    assert WRONG not in stored.post_data


def test_a_lockout_is_logged(client, editor, caplog):
    caplog.set_level(logging.INFO, logger="accounts.logins")

    fail(client, "redaktion", 5)

    assert "Login locked out: user name 'redaktion', address 192.0.2.1" in caplog.text


def test_a_user_name_with_a_line_break_stays_on_one_log_line(client, caplog):
    caplog.set_level(logging.INFO, logger="accounts.logins")

    log_in(client, "redaktion\nLogin: user name 'admin'", WRONG)

    assert "\n" not in caplog.records[-1].getMessage()


@pytest.fixture
def login_records(editor):
    client = Client()
    fail(client, "redaktion", 1)
    log_in(client, "redaktion", PASSWORD)
    return editor


@pytest.fixture
def reader(db):
    """Holds the view permissions of django-axes' records, as the role that reads them."""
    user = UserFactory(username="reader", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="axes",
            codename__in=["view_accessattempt", "view_accesslog", "view_accessfailurelog"],
        )
    )
    return user


@pytest.mark.parametrize("model", ["accessattempt", "accesslog", "accessfailurelog"])
def test_the_login_records_are_readable_with_the_view_permission_and_not_changeable(
    client, login_records, reader, model
):
    sign_in(client, reader)
    changelist = client.get(f"/admin/axes/{model}/")
    record = changelist.context["cl"].result_list[0]

    change = client.get(f"/admin/axes/{model}/{record.pk}/change/")
    post = client.post(f"/admin/axes/{model}/{record.pk}/change/", {"username": "x"})

    assert changelist.status_code == 200
    assert "redaktion" in changelist.content.decode()
    assert change.status_code == 200
    assert 'name="_save"' not in change.content.decode()
    assert post.status_code == 403
    assert client.get(f"/admin/axes/{model}/{record.pk}/delete/").status_code == 403


@pytest.mark.parametrize("model", ["accessattempt", "accesslog", "accessfailurelog"])
def test_staff_without_the_view_permission_see_no_login_records(
    outsider_client, login_records, model
):
    assert outsider_client.get(f"/admin/axes/{model}/").status_code == 403


@pytest.mark.parametrize("model", ["accesslog", "accessfailurelog"])
def test_not_even_a_superuser_deletes_a_login_record(admin_client, login_records, model):
    records = {"accesslog": AccessLog, "accessfailurelog": AccessFailureLog}[model].objects
    record = records.get(username="redaktion")

    response = admin_client.post(f"/admin/axes/{model}/{record.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert type(record).objects.filter(pk=record.pk).exists()


def test_deleting_an_attempt_in_the_admin_lifts_the_lockout(admin_client, editor):
    visitor = Client()
    fail(visitor, "redaktion", 5)
    attempt = AccessAttempt.objects.get()

    admin_client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})

    assert log_in(visitor, "redaktion", PASSWORD).status_code == 302


@pytest.mark.parametrize("language", ["de", "en", "ar"])
def test_the_lockout_page_is_translated_and_has_no_html_errors(client, editor, tmp_path, language):
    fail(client, "redaktion", 5)

    response = log_in(client, "redaktion", PASSWORD, language=language)

    assert response.status_code == 429
    assert f'<html lang="{language}"' in response.content.decode()
    errors = html_errors({f"locked-out-{language}": response}, tmp_path)
    assert not errors, "\n".join(errors)
