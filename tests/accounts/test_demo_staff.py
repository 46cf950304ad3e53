from io import StringIO

import pytest
from django.contrib.auth import SESSION_KEY, authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from accounts import second_factor

pytestmark = pytest.mark.django_db


def can_log_in(password):
    # django-axes needs the request a login comes with.
    request = RequestFactory().post("/de/anmelden/")
    return authenticate(request, username="redaktion", password=password) is not None


@pytest.fixture(autouse=True)
def _local_run(settings):
    """`make run` runs with DJANGO_DEBUG=true."""
    settings.DEBUG = True


def run_command(*args):
    output = StringIO()
    call_command("ensure_demo_staff", *args, stdout=output)
    return output.getvalue()


def printed(output, label) -> list[str]:
    """The words on the line after `label` (recovery codes) or behind it (the password)."""
    after = output.split(label)[1].split("\n")
    return (after[1] if not after[0].strip(" :") else after[0].strip(" :")).split()


def test_generated_password_is_printed_once_and_works(monkeypatch):
    monkeypatch.delenv("KI_DEMO_ADMIN_PASSWORD", raising=False)

    first = run_command()
    second = run_command()

    password = printed(first, "Passwort / password")[0]
    assert can_log_in(password)
    assert password not in second
    assert get_user_model().objects.filter(username="redaktion", is_staff=True).count() == 1


def test_password_from_the_environment_is_used(monkeypatch):
    monkeypatch.setenv("KI_DEMO_ADMIN_PASSWORD", "ein-langes-demo-passwort")

    run_command()

    assert can_log_in("ein-langes-demo-passwort")


def test_a_newcomer_logs_in_with_a_printed_recovery_code(client, monkeypatch):
    monkeypatch.delenv("KI_DEMO_ADMIN_PASSWORD", raising=False)
    output = run_command()
    password = printed(output, "Passwort / password")[0]
    codes = printed(output, "recovery codes (each works once, shown only now)")
    assert len(codes) == 10

    client.post("/de/anmelden/", {"username": "redaktion", "password": password})
    response = client.post("/de/anmelden/code/", {"code": codes[0]})

    assert response["Location"] == "/admin/"
    assert SESSION_KEY in client.session
    assert client.get("/admin/").status_code == 200


def test_recovery_codes_are_printed_when_the_account_is_made_or_when_asked():
    first = printed(run_command(), "shown only now)")

    again = run_command()
    asked = printed(run_command("--recovery-codes"), "shown only now)")

    assert "shown only now" not in again
    assert set(asked).isdisjoint(first)
    user = get_user_model().objects.get(username="redaktion")
    assert second_factor.remaining_recovery_codes(user) == 10


def test_an_account_from_a_demo_database_without_a_second_factor_gets_codes(monkeypatch):
    monkeypatch.setenv("KI_DEMO_ADMIN_PASSWORD", "ein-langes-demo-passwort")
    get_user_model().objects.create_user(
        "redaktion", password="ein-langes-demo-passwort", is_staff=True, is_superuser=True
    )

    codes = printed(run_command(), "shown only now)")

    assert len(codes) == 10
    assert "shown only now" not in run_command()


def test_refuses_to_run_in_production(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="local runs only"):
        run_command()

    assert not get_user_model().objects.filter(username="redaktion").exists()
