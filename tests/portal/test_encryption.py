"""Encrypted fields: Fernet tokens in the database, any configured key reads, a wrong key
fails loudly (an error, a clear page in the admin), never with ciphertext."""

import logging
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.db import connection

from portal.encryption import UndecryptableError
from portal.models import OutgoingMail
from tests.test_settings import ROOT, portal_free_environment

pytestmark = pytest.mark.django_db

KEY_A, KEY_B = Fernet.generate_key().decode(), Fernet.generate_key().decode()
ADDRESS = "leyla@example.org"
UNREADABLE = (
    "Die Daten können mit dem eingestellten Schlüssel nicht gelesen werden. Bitte wenden Sie "
    "sich an den technischen Betrieb (KI_FIELD_ENCRYPTION_KEY)."
)


def raw_mail(mail) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT recipient, subject, body FROM portal_outgoingmail WHERE id = %s", [mail.pk]
        )
        return dict(zip(["recipient", "subject", "body"], cursor.fetchone(), strict=True))


def write_raw(mail, **columns) -> None:
    assignments = ", ".join(f"{column} = %s" for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE portal_outgoingmail SET {assignments} WHERE id = %s",
            [*columns.values(), mail.pk],
        )


@pytest.fixture
def mail(settings):
    settings.FIELD_ENCRYPTION_KEY = [KEY_A]
    return OutgoingMail.objects.create(recipient=ADDRESS, subject="Ihre Anfrage", body="")


def test_a_value_is_stored_as_a_token_of_the_first_key_and_read_as_written(settings, mail):
    settings.FIELD_ENCRYPTION_KEY = [KEY_B, KEY_A]
    mail.subject = "Ihr Termin"
    mail.save(update_fields=["subject"])

    raw = raw_mail(mail)

    assert Fernet(KEY_A).decrypt(raw["recipient"].encode()).decode() == ADDRESS
    assert Fernet(KEY_B).decrypt(raw["subject"].encode()).decode() == "Ihr Termin"
    assert ADDRESS not in raw["recipient"]
    mail = OutgoingMail.objects.get()
    assert (mail.recipient, mail.subject) == (ADDRESS, "Ihr Termin")


def test_an_empty_value_stays_empty(mail):
    assert raw_mail(mail)["body"] == ""
    assert OutgoingMail.objects.get().body == ""


def test_what_the_earlier_library_wrote_is_read_unchanged(mail):
    # django-encrypted-model-fields stored the token's text, empty strings encrypted too.
    old = Fernet(KEY_A)
    write_raw(
        mail,
        recipient=old.encrypt(ADDRESS.encode()).decode(),
        body=old.encrypt(b"").decode(),
    )

    mail = OutgoingMail.objects.get()

    assert (mail.recipient, mail.body) == (ADDRESS, "")


def test_a_value_no_configured_key_decrypts_raises_and_names_the_field_not_the_data(settings, mail):
    settings.FIELD_ENCRYPTION_KEY = [KEY_B]

    with pytest.raises(UndecryptableError) as error:
        OutgoingMail.objects.get()

    message = str(error.value)
    assert "portal.OutgoingMail.recipient" in message
    assert ADDRESS not in message
    assert raw_mail(mail)["recipient"] not in message


def test_the_length_limit_bounds_the_text_and_the_column_holds_its_token(mail):
    assert OutgoingMail._meta.get_field("recipient").formfield().max_length == 254
    longest = "a" * 242 + "@example.org"
    mail.recipient = longest
    mail.full_clean(exclude=["body"])
    mail.save()

    assert len(raw_mail(mail)["recipient"]) > 254
    assert OutgoingMail.objects.get().recipient == longest
    mail.recipient = longest + "x"
    with pytest.raises(ValidationError, match="254"):
        mail.full_clean(exclude=["body"])


def test_the_admin_answers_a_wrong_key_with_a_clear_page_and_logs_no_data(
    settings, mail, admin_client, caplog
):
    settings.FIELD_ENCRYPTION_KEY = [KEY_B]
    token = raw_mail(mail)["recipient"]
    pages = ["/admin/portal/outgoingmail/", f"/admin/portal/outgoingmail/{mail.pk}/change/"]

    for url in pages:
        with caplog.at_level(logging.INFO):
            response = admin_client.get(url)

        html = response.content.decode()
        assert response.status_code == 500, url
        assert UNREADABLE in " ".join(html.split()), url
        assert token not in html
        assert ADDRESS not in html
        assert "Traceback" not in html
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert [record.name for record in errors] == ["portal.failures", "portal.failures"]
    for record in errors:
        assert "portal.OutgoingMail.recipient" in record.getMessage()
        assert ADDRESS not in record.getMessage()
        assert token not in record.getMessage()
        assert record.exc_info is None


def test_the_admin_shows_the_data_with_the_right_key(settings, mail, admin_client):
    settings.FIELD_ENCRYPTION_KEY = [KEY_B, KEY_A]

    response = admin_client.get(f"/admin/portal/outgoingmail/{mail.pk}/change/")

    assert response.status_code == 200
    assert ADDRESS in response.content.decode()


@pytest.mark.parametrize(
    ("keys", "message"),
    [("kein-schluessel", "holds a value that is not a Fernet key"), (",", "holds no key")],
)
def test_a_malformed_or_missing_key_stops_the_start(keys, message):
    # In debug mode, so that the repository's secret key is not what stops the start.
    environment = portal_free_environment() | {
        "DJANGO_DEBUG": "true",
        "KI_FIELD_ENCRYPTION_KEY": keys,
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert f"FIELD_ENCRYPTION_KEY {message}" in result.stderr
