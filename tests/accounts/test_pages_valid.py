"""The login and second-factor pages are valid HTML (Nu HTML checker) in German and Arabic."""

import datetime

import pytest
from django.test import Client

from tests.accounts.otp import PASSWORD, give_app
from tests.pages import LANGUAGES
from tests.staff import sign_in
from tests.test_html_validity import html_errors


@pytest.mark.django_db
def test_login_and_second_factor_pages_have_no_html_errors(counsellor, editor, tmp_path, clock):
    give_app(editor)
    pages = {}
    for language in LANGUAGES:
        idle = sign_in(Client(), editor)
        visitor = Client()
        pages[f"{language}-login"] = visitor.get(f"/{language}/anmelden/")
        pages[f"{language}-login-error"] = visitor.post(
            f"/{language}/anmelden/", {"username": "editor", "password": "falsch"}
        )
        visitor.post(f"/{language}/anmelden/", {"username": "editor", "password": PASSWORD})
        pages[f"{language}-code"] = visitor.get(f"/{language}/anmelden/code/")
        pages[f"{language}-code-error"] = visitor.post(f"/{language}/anmelden/code/", {"code": "x"})
        pages[f"{language}-expired"] = Client().get(f"/{language}/anmelden/code/")
        team = Client()
        team.post(f"/{language}/anmelden/", {"username": "counsellor", "password": PASSWORD})
        pages[f"{language}-setup"] = team.get(f"/{language}/konto/zweiter-faktor/app/")
        pages[f"{language}-setup-error"] = team.post(
            f"/{language}/konto/zweiter-faktor/app/", {"code": "1"}
        )
        pages[f"{language}-overview"] = team.get(f"/{language}/konto/zweiter-faktor/")
        clock.advance(datetime.timedelta(minutes=31))
        pages[f"{language}-login-after-idle"] = idle.get(f"/{language}/anmelden/")
        assert "kern-alert" in pages[f"{language}-login-after-idle"].content.decode()
    for name, response in pages.items():
        assert response.status_code == 200, name

    assert html_errors(pages, tmp_path) == []
