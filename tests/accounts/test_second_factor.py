"""A person sets up their authenticator app, keeps recovery codes, replaces both; an
administrator resets a lost second factor."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import second_factor
from tests.accounts.login import log_in
from tests.accounts.otp import current_code, give_app, give_recovery_codes, wrong_code
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

SETUP = "/de/konto/zweiter-faktor/app/"
CODES = "/de/konto/zweiter-faktor/wiederherstellungscodes/"
OVERVIEW = "/de/konto/zweiter-faktor/"


def shown_codes(response) -> list[str]:
    return re.findall(r'<code dir="ltr">([a-z2-7]{8})</code>', response.content.decode())


def test_the_setup_page_shows_the_qr_code_as_svg_and_the_secret(client, counsellor):
    log_in(client, counsellor.username)

    response = client.get(SETUP)

    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<svg [^>]*role="img"', page)
    assert "<script" not in page
    device = TOTPDevice.objects.get(user=counsellor, confirmed=False)
    assert second_factor.secret_text(device) in page
    assert re.fullmatch(r"([A-Z2-7]{4} )*[A-Z2-7]{1,4}", second_factor.secret_text(device))
    # A reload keeps the secret the person may have scanned already.
    client.get(SETUP)
    assert TOTPDevice.objects.get(user=counsellor).key == device.key


def test_a_wrong_code_does_not_confirm_the_app(client, counsellor):
    log_in(client, counsellor.username)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=counsellor)

    response = client.post(SETUP, {"code": wrong_code(device)})

    assert response.status_code == 200
    assert "Der Code stimmt nicht." in response.content.decode()
    assert not second_factor.has_device(counsellor)
    assert client.get("/admin/").status_code == 302


def test_the_right_code_confirms_the_app_and_the_recovery_codes_are_shown_once(client, counsellor):
    log_in(client, counsellor.username)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=counsellor)

    response = client.post(SETUP, {"code": current_code(device)})

    assert response["Location"] == CODES
    codes = shown_codes(client.get(CODES))
    assert len(codes) == 10
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=counsellor).values_list("token", flat=True)
    )
    assert shown_codes(client.get(CODES)) == []
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_the_setup_page_is_for_logged_in_people_only(client):
    response = client.get(SETUP)

    assert response.status_code == 302
    assert response["Location"].startswith("/de/anmelden/?next=")


def test_an_editor_who_sets_up_an_app_must_use_it_at_the_next_login(client, editor):
    log_in(client, editor.username)
    client.get(SETUP)
    client.post(SETUP, {"code": current_code(TOTPDevice.objects.get(user=editor))})
    client.post("/admin/logout/")

    response = log_in(client, editor.username)

    assert response["Location"] == "/de/anmelden/code/"
    assert client.get("/admin/").status_code == 302


def test_replacing_the_app_takes_a_code_of_the_old_one(client, counsellor):
    old = give_app(counsellor)
    recovery = give_recovery_codes(counsellor, "abcdefgh", "ijklmnop")
    sign_in(client, counsellor)
    client.get(SETUP)
    new = TOTPDevice.objects.get(user=counsellor, confirmed=False)

    refused = client.post(SETUP, {"code": current_code(new), "current": "zzzzzzzz"})
    assert "Der Code stimmt nicht." in refused.content.decode()
    assert TOTPDevice.objects.get(user=counsellor, confirmed=True) == old

    # The new app's next code and the end of the pause after a wrong code, without waiting.
    new.refresh_from_db()
    new.last_t -= 1
    new.save()
    recovery.throttle_reset()
    response = client.post(SETUP, {"code": current_code(new), "current": "abcdefgh"})

    assert response["Location"] == OVERVIEW
    assert list(TOTPDevice.objects.filter(user=counsellor)) == [new]
    assert TOTPDevice.objects.get().confirmed


def test_new_recovery_codes_take_a_current_code_and_replace_the_old_ones(client, counsellor):
    app = give_app(counsellor)
    give_recovery_codes(counsellor, "abcdefgh")
    sign_in(client, counsellor)

    refused = client.post(CODES, {"code": wrong_code(app)})
    assert "Der Code stimmt nicht." in refused.content.decode()

    app.throttle_reset()
    response = client.post(CODES, {"code": current_code(app)})

    assert response["Location"] == CODES
    codes = shown_codes(client.get(CODES))
    assert len(codes) == 10
    assert "abcdefgh" not in codes
    assert second_factor.remaining_recovery_codes(counsellor) == 10


def test_a_person_with_a_second_factor_reaches_its_pages_only_after_using_it(client, editor):
    give_app(editor)
    client.force_login(editor)

    response = client.get(OVERVIEW)

    assert response.status_code == 302
    assert response["Location"] == f"/de/anmelden/?next={OVERVIEW.replace('/', '%2F')}"


def test_the_overview_says_what_is_set_up(client, counsellor):
    give_app(counsellor)
    give_recovery_codes(counsellor, "abcdefgh", "ijklmnop")
    sign_in(client, counsellor)

    page = client.get(OVERVIEW).content.decode()

    assert "Eine App ist eingerichtet." in page
    assert "Sie haben noch 2 unbenutzte Codes." in page


def test_an_administrator_resets_a_lost_second_factor(client, counsellor):
    give_app(counsellor)
    give_recovery_codes(counsellor, "abcdefgh")
    sign_in(client, counsellor)
    output = StringIO()

    call_command("reset_second_factor", "counsellor", stdout=output)

    assert "Removed 2 second-factor device(s) of counsellor" in output.getvalue()
    assert not second_factor.has_device(counsellor)
    # The session verified with the removed device no longer opens the admin.
    assert client.get("/admin/").status_code == 302
    assert log_in(client, counsellor.username)["Location"] == SETUP


def test_resetting_an_unknown_account_says_so():
    with pytest.raises(CommandError, match="No account"):
        call_command("reset_second_factor", "niemand")


def test_the_admin_links_to_the_second_factor_page(editor_client):
    page = editor_client.get("/admin/").content.decode()

    assert f'<a href="{OVERVIEW}">Zweiter Faktor</a>' in page


@pytest.mark.parametrize("model", ["otp_totp/totpdevice", "otp_static/staticdevice"])
def test_no_admin_account_adds_or_removes_someone_elses_second_factor(admin_client, model):
    """Not even a superuser: that takes access to the server (reset_second_factor)."""
    assert admin_client.get(f"/admin/{model}/").status_code == 404
    assert admin_client.get(f"/admin/{model}/add/").status_code == 404
