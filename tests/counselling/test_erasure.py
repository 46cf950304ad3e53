"""Requests are erased automatically after their periods; the key can be changed."""

import datetime
import io

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.utils import timezone

from counselling.models import (
    AccessAction,
    AccessLog,
    CounsellingRequest,
    MonthlyCount,
    Note,
    Status,
)
from counselling.services import requests_erase_expired
from portal.models import OutgoingMail
from tests.factories import CounsellingRequestFactory
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 6, 15, 3, 0, tzinfo=datetime.UTC)


def days_ago(days: int) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


def closed(days: int) -> CounsellingRequest:
    """A request the team closed `days` days ago (closing counts as the last change)."""
    return CounsellingRequestFactory(
        status=Status.DONE,
        created_at=days_ago(days + 5),
        updated_at=days_ago(days),
        closed_at=days_ago(days),
    )


def untouched(days: int, status=Status.NEW) -> CounsellingRequest:
    """A request nobody has worked on for `days` days."""
    return CounsellingRequestFactory(
        status=status, created_at=days_ago(days), updated_at=days_ago(days)
    )


def remaining() -> set[str]:
    return set(CounsellingRequest.objects.values_list("reference", flat=True))


@pytest.fixture
def count():
    return MonthlyCount.objects.create(
        month=datetime.date(2027, 1, 1), topic="family", language_id="tr", channel="phone", count=5
    )


def test_a_request_closed_91_days_ago_is_erased_with_its_notes_and_89_days_stays(count):
    kept = closed(89)
    erased = closed(91)
    Note.objects.create(request=erased, text="Begleitung zum Jobcenter erledigt.")
    Note.objects.create(request=kept, text="Rückruf am Dienstag.")

    number = requests_erase_expired(now=NOW)

    assert number == 1
    assert remaining() == {kept.reference}
    assert list(Note.objects.values_list("request", flat=True)) == [kept.pk]
    entry = AccessLog.objects.get()
    assert (entry.reference, entry.action, entry.at) == (
        erased.reference,
        AccessAction.EXPIRED,
        NOW,
    )
    assert entry.user is None
    count.refresh_from_db()
    assert count.count == 5


@pytest.mark.parametrize("status", [Status.NEW, Status.IN_PROGRESS])
def test_a_request_untouched_for_181_days_is_erased_and_179_days_stays(status):
    kept = untouched(179, status)
    erased = untouched(181, status)

    requests_erase_expired(now=NOW)

    assert remaining() == {kept.reference}
    assert list(AccessLog.objects.values_list("reference", "action")) == [
        (erased.reference, "expired")
    ]


def test_an_open_request_is_not_erased_by_the_closed_period():
    kept = untouched(120, Status.IN_PROGRESS)

    assert requests_erase_expired(now=NOW) == 0
    assert remaining() == {kept.reference}
    assert not AccessLog.objects.exists()


def test_the_periods_follow_the_settings(settings):
    settings.COUNSELLING_KEEP_CLOSED_DAYS = 30
    settings.COUNSELLING_KEEP_UNTOUCHED_DAYS = 60
    kept = [closed(29), untouched(59)]
    erased = [closed(31), untouched(61)]

    assert requests_erase_expired(now=NOW) == 2

    assert remaining() == {request.reference for request in kept}
    assert set(AccessLog.objects.values_list("reference", flat=True)) == {
        request.reference for request in erased
    }


def test_the_daily_command_erases_what_is_due_at_the_current_time(monkeypatch, count):
    kept = [closed(89), untouched(179)]
    erased = [closed(91), untouched(181)]
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    out = io.StringIO()

    call_command("erase_counselling_requests", stdout=out)

    assert remaining() == {request.reference for request in kept}
    assert sorted(AccessLog.objects.values_list("reference", "action")) == sorted(
        (request.reference, "expired") for request in erased
    )
    assert "2 counselling request(s) erased" in out.getvalue()
    count.refresh_from_db()
    assert count.count == 5


def test_the_daily_command_run_twice_erases_nothing_more(monkeypatch):
    closed(91)
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    call_command("erase_counselling_requests", stdout=io.StringIO())
    out = io.StringIO()

    call_command("erase_counselling_requests", stdout=out)

    assert "0 counselling request(s) erased" in out.getvalue()
    assert AccessLog.objects.count() == 1


KEY_A, KEY_B, KEY_C = (Fernet.generate_key().decode() for _ in range(3))
ENCRYPTED_COLUMNS = {
    "counselling_counsellingrequest": [
        "contact_detail",
        "name",
        "authority",
        "appointment",
        "message",
    ],
    "counselling_note": ["text"],
    "portal_outgoingmail": ["recipient", "subject", "body"],
}
CLEAR_TEXT = [
    "0176 12345678",
    "Leyla",
    "Jobcenter",
    "2027-07-01 09:30",
    "Bitte nach 16 Uhr anrufen.",
    "Rückruf vereinbart.",
    "leyla@example.org",
    "Ihre Anfrage",
    "Ihr Zeichen: B-7",
]
UNREADABLE = "Die Daten können mit dem eingestellten Schlüssel nicht gelesen werden."


def raw_values() -> list[str]:
    """Every encrypted column of the one request, note and mail, as stored."""
    values = []
    with connection.cursor() as cursor:
        for table, columns in ENCRYPTED_COLUMNS.items():
            cursor.execute(f"SELECT {', '.join(columns)} FROM {table}")
            values.extend(value for row in cursor.fetchall() for value in row)
    return values


def decrypted(values: list[str], key: str) -> list[str]:
    return sorted(Fernet(key).decrypt(value.encode()).decode() for value in values)


def reencrypt() -> tuple[int, str]:
    """Runs the command; the status it exits with (a CommandError's `returncode`) and what
    it wrote."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("reencrypt_counselling_data", stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, str(error)
    return 0, out.getvalue()


@pytest.fixture
def sealed(settings, counsellor):
    """A request with a note, and a mail in the outbox, all encrypted with key A."""
    # Without the notice that the counsellor joined the team: one mail is enough here.
    OutgoingMail.objects.all().delete()
    settings.FIELD_ENCRYPTION_KEY = [KEY_A]
    counselling_request = CounsellingRequestFactory(
        name="Leyla",
        contact_detail="0176 12345678",
        authority="Jobcenter",
        appointment="2027-07-01 09:30",
        message="Bitte nach 16 Uhr anrufen.",
    )
    Note.objects.create(request=counselling_request, text="Rückruf vereinbart.")
    OutgoingMail.objects.create(
        recipient="leyla@example.org", subject="Ihre Anfrage", body="Ihr Zeichen: B-7"
    )
    return counselling_request


def test_a_rotation_moves_everything_to_the_new_key_and_one_with_a_wrong_key_changes_nothing(
    settings, sealed, counsellor, admin_user
):
    assert decrypted(raw_values(), KEY_A) == sorted(CLEAR_TEXT)
    settings.FIELD_ENCRYPTION_KEY = [KEY_B, KEY_A]

    status, output = reencrypt()

    assert status == 0
    assert "1 request(s), 1 note(s) and 1 mail(s)" in output
    rotated = raw_values()
    assert decrypted(rotated, KEY_B) == sorted(CLEAR_TEXT)
    for value in rotated:
        with pytest.raises(InvalidToken):
            Fernet(KEY_A).decrypt(value.encode())

    # Only a new key, without the one the data is under: refused, nothing encrypted twice.
    settings.FIELD_ENCRYPTION_KEY = [KEY_C]

    status, output = reencrypt()

    assert status == 1
    assert "Nothing was changed" in output
    assert "counselling.CounsellingRequest" in output
    assert raw_values() == rotated

    # With the new key alone, the team reads everything, in the admin too.
    settings.FIELD_ENCRYPTION_KEY = [KEY_B]
    counselling_request = CounsellingRequest.objects.get()
    assert counselling_request.name == "Leyla"
    assert counselling_request.notes.get().text == "Rückruf vereinbart."
    assert OutgoingMail.objects.get().recipient == "leyla@example.org"
    team, operator = sign_in(Client(), counsellor), sign_in(Client(), admin_user)
    request_page = f"/admin/counselling/counsellingrequest/{sealed.pk}/change/"
    mail_page = f"/admin/portal/outgoingmail/{OutgoingMail.objects.get().pk}/change/"
    response = team.get(request_page)
    assert response.status_code == 200
    assert "Bitte nach 16 Uhr anrufen." in response.content.decode()
    assert "Rückruf vereinbart." in response.content.decode()
    assert "leyla@example.org" in operator.get(mail_page).content.decode()

    # With a wrong key, the admin says so and shows no ciphertext.
    settings.FIELD_ENCRYPTION_KEY = [KEY_A]
    pages = [
        (team, "/admin/counselling/counsellingrequest/"),
        (team, request_page),
        (operator, "/admin/portal/outgoingmail/"),
        (operator, mail_page),
    ]
    for client, url in pages:
        response = client.get(url)
        html = " ".join(response.content.decode().split())
        assert response.status_code == 500, url
        assert UNREADABLE in html, url
        assert not any(value in html for value in rotated), url


def test_running_again_with_the_first_key_alone_keeps_everything_readable(settings, sealed):
    settings.FIELD_ENCRYPTION_KEY = [KEY_A]

    assert reencrypt()[0] == 0
    assert reencrypt()[0] == 0

    assert decrypted(raw_values(), KEY_A) == sorted(CLEAR_TEXT)


def test_reencrypting_leaves_the_dates_the_erasure_counts_from(settings):
    counselling_request = untouched(100)
    settings.FIELD_ENCRYPTION_KEY = [KEY_B, *settings.FIELD_ENCRYPTION_KEY]

    call_command("reencrypt_counselling_data", stdout=io.StringIO())

    counselling_request.refresh_from_db()
    assert counselling_request.updated_at == days_ago(100)


def test_the_erasure_does_not_need_the_key(settings):
    erased = closed(91)
    Note.objects.create(request=erased, text="Rückruf am Dienstag.")
    settings.FIELD_ENCRYPTION_KEY = [KEY_C]

    assert requests_erase_expired(now=NOW) == 1

    assert remaining() == set()
    assert not Note.objects.exists()
