from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def can_log_in(password):
    # django-axes needs the request a login comes with.
    request = RequestFactory().post("/admin/login/")
    return authenticate(request, username="redaktion", password=password) is not None


def run_command():
    output = StringIO()
    call_command("ensure_demo_staff", stdout=output)
    return output.getvalue()


def test_generated_password_is_printed_once_and_works(monkeypatch):
    monkeypatch.delenv("KI_DEMO_ADMIN_PASSWORD", raising=False)

    first = run_command()
    second = run_command()

    password = first.split("Passwort / password:")[1].split()[0]
    assert can_log_in(password)
    assert password not in second
    assert get_user_model().objects.filter(username="redaktion", is_staff=True).count() == 1


def test_password_from_the_environment_is_used(monkeypatch):
    monkeypatch.setenv("KI_DEMO_ADMIN_PASSWORD", "ein-langes-demo-passwort")

    run_command()

    assert can_log_in("ein-langes-demo-passwort")
