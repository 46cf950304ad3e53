"""Staff sessions: 30 minutes idle, 10 hours at most, gone with the browser; a logout, a
new password or a deactivated account ends the sessions in every browser."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client

from tests.accounts.login import enter_code, log_in
from tests.accounts.otp import PASSWORD, current_code, give_app
from tests.factories import UserFactory
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

# Where the admin sends someone whose session has ended: the portal's login.
LOGIN_AGAIN = [("/admin/login/?next=/admin/", 302), ("/de/anmelden/?next=%2Fadmin%2F", 302)]


@pytest.fixture
def editor(db):
    return UserFactory(username="redaktion", is_staff=True)


@pytest.fixture
def browser(editor):
    return sign_in(Client(), editor)


def signed_in(client):
    response = client.get("/admin/")
    assert response.status_code in (200, 302)
    return response.status_code == 200


def test_29_minutes_without_activity_keep_the_session(browser, clock):
    assert signed_in(browser)

    clock.advance(datetime.timedelta(minutes=29))

    assert signed_in(browser)


def test_31_minutes_without_activity_end_it_with_a_word_on_the_login_page(browser, clock):
    assert signed_in(browser)

    clock.advance(datetime.timedelta(minutes=31))
    response = browser.get("/admin/", follow=True)

    assert response.redirect_chain == LOGIN_AGAIN
    assert "Sie wurden nach 30 Minuten ohne Aktivität abgemeldet." in response.content.decode()
    assert not signed_in(browser)


def test_the_idle_limit_is_a_setting(browser, clock, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 5
    assert signed_in(browser)

    clock.advance(datetime.timedelta(minutes=6))

    assert not signed_in(browser)


def test_active_every_20_minutes_the_session_ends_after_10_hours(browser, clock):
    assert signed_in(browser)
    for _step in range(29):
        clock.advance(datetime.timedelta(minutes=20))
        assert signed_in(browser)  # 9 hours 40 minutes after the login

    clock.advance(datetime.timedelta(minutes=20))
    response = browser.get("/admin/", follow=True)

    assert response.redirect_chain == LOGIN_AGAIN
    assert "Eine Anmeldung gilt höchstens 10 Stunden" in response.content.decode()


def test_the_session_cookie_ends_with_the_browser(client, editor):
    app = give_app(editor)
    log_in(client, "redaktion", next_url="/admin/")

    response = enter_code(client, current_code(app))

    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert (cookie["max-age"], cookie["expires"]) == ("", "")
    assert cookie["httponly"]


def test_a_logout_in_one_browser_ends_the_session_in_the_other(editor):
    first, second = sign_in(Client(), editor), sign_in(Client(), editor)
    assert signed_in(first)
    assert signed_in(second)

    first.post("/admin/logout/")

    assert not signed_in(first)
    assert not signed_in(second)
    editor.refresh_from_db()  # a login loads the account afresh
    assert signed_in(sign_in(Client(), editor))


def test_a_new_password_ends_the_other_sessions_and_keeps_this_one(editor):
    here, elsewhere = sign_in(Client(), editor), sign_in(Client(), editor)
    new = "Fahrradkette Ananas Leuchtturm"

    response = here.post(
        "/admin/password_change/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )

    assert response.status_code == 302
    assert signed_in(here)
    assert not signed_in(elsewhere)


def test_a_deactivated_account_is_signed_out_everywhere(browser, editor):
    assert signed_in(browser)

    editor.is_active = False
    editor.save()

    assert not signed_in(browser)


def test_an_anonymous_visit_to_the_admin_sets_no_session_cookie(client):
    response = client.get("/admin/login/")

    assert "sessionid" not in response.cookies


def test_clearsessions_in_the_daily_jobs_deletes_ended_sessions(browser, editor, clock):
    assert signed_in(browser)
    Client().get("/de/")
    clock.advance(datetime.timedelta(hours=10, minutes=1))
    still_open = sign_in(Client(), editor)
    assert signed_in(still_open)

    call_command("run_daily_jobs")

    assert Session.objects.count() == 1
    assert signed_in(still_open)
