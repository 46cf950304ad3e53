"""Passwords: Argon2 hashes, and validators that refuse the passwords guessed first."""

import secrets
import string

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from accounts.passwords import PredictablePasswordValidator
from tests.factories import UserFactory

PREDICTABLE = "Dieses Passwort ist leicht zu erraten"


def problems(password, user=None):
    try:
        validate_password(password, user)
    except ValidationError as error:
        return error.messages
    return []


@pytest.mark.parametrize(
    "password",
    [
        "Sommer2026",
        "Sommer2026!!",
        "Willkommen123!",
        "Passwort12345",
        "2026-Frühling-2026",
        "MAERZ 2026 !!!!",
        "Herbst Winter 1999",
        "Integration2026!",
        "KommunalesIntegrationszentrum1",
    ],
)
def test_a_known_word_with_digits_is_refused_in_plain_german(password):
    assert any(message.startswith(PREDICTABLE) for message in problems(password))


def test_local_words_are_refused_too():
    validator = PredictablePasswordValidator(extra_words=["Osterfeld"])

    with pytest.raises(ValidationError):
        validator.validate("Osterfeld2026!!")


def test_a_passphrase_passes():
    assert problems("correct horse battery staple") == []


def test_a_random_password_of_14_characters_passes():
    alphabet = string.ascii_letters + string.digits + "!#$%&*+-=?@"
    password = "".join(secrets.choice(alphabet) for _character in range(14))

    assert problems(password) == []


def test_a_word_of_its_own_next_to_a_known_one_passes():
    assert problems("Sommerfest am Kanal 2026") == []


def test_fewer_than_12_characters_are_refused():
    assert problems("k7#Qm2!xTp9") == [
        "Dieses Passwort ist zu kurz. Es muss mindestens 12 Zeichen enthalten."
    ]


@pytest.mark.django_db
def test_a_password_like_the_user_name_is_refused():
    user = UserFactory.build(username="sabine.osterkamp", email="s.osterkamp@example.org")

    assert problems("sabine.osterkamp!", user)


def test_a_common_password_and_digits_only_are_refused():
    assert problems("1qaz2wsx3edc")
    assert problems("739184026571")


@pytest.mark.django_db
def test_a_new_password_is_hashed_with_argon2():
    user = UserFactory()

    user.set_password("correct horse battery staple")

    assert user.password.startswith("argon2$")


@pytest.mark.django_db
def test_an_older_pbkdf2_hash_becomes_argon2_at_the_next_login():
    user = UserFactory(password=None)
    user.password = make_password("correct horse battery staple", hasher="pbkdf2_sha256")
    user.save()
    request = RequestFactory().post("/admin/login/", REMOTE_ADDR="192.0.2.1")

    assert authenticate(request, username=user.username, password="correct horse battery staple")

    user.refresh_from_db()
    assert user.password.startswith("argon2$")


@pytest.mark.django_db
def test_the_admin_refuses_a_predictable_password_with_the_reason(admin_client):
    user = UserFactory(username="redaktion", is_staff=True)
    hashed = user.password

    response = admin_client.post(
        f"/admin/accounts/user/{user.pk}/password/",
        {"password1": "Sommer2026!!", "password2": "Sommer2026!!"},
    )

    assert response.status_code == 200
    assert PREDICTABLE in response.content.decode()
    user.refresh_from_db()
    assert user.password == hashed
