"""Every mail goes through the outbox and a task: stored with its record, retried with
back-off while the mail server is down, failed mails shown to staff and sent again."""

import datetime
import io
import re
import socket

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from organisations.models import Organisation
from portal.mail import send_templated_mail
from portal.models import MAX_ATTEMPTS, MailStatus, OutgoingMail
from portal.tasks import deliver_mail
from tests.factories import UserFactory
from tests.mail import REFUSING_BACKEND
from tests.organisations.test_registration import register
from tests.staff import sign_in

LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
pytestmark = pytest.mark.django_db

CHANGELIST_URL = "/admin/portal/outgoingmail/"
ADDRESS = "vorstand@kulturverein.example"


def run_worker():
    """What `manage.py db_worker` does, once: every task that is due, then stop."""
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def outgoing(**fields):
    """A mail in the outbox, waiting for its first attempt."""
    return OutgoingMail.objects.create(
        **{"recipient": ADDRESS, "subject": "Bitte bestätigen", "body": "Guten Tag", **fields}
    )


@pytest.fixture
def mail_team(db):
    """Staff who look after the outbox: the permission to view it, nothing else."""
    user = UserFactory(username="postausgang", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_outgoingmail"))
    return user


@pytest.mark.django_db(transaction=True)
def test_a_registration_survives_a_mail_server_that_is_down_and_its_mail_leaves_later(
    settings, clock
):
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = REFUSING_BACKEND
    settings.SITE_URL = "https://ki.musterstadt.example"
    settings.ALLOWED_HOSTS = ["anderer-host.example"]
    client = Client(HTTP_HOST="anderer-host.example")

    response = register(client)
    run_worker()

    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert Organisation.objects.get().contact_email == ADDRESS
    waiting = OutgoingMail.objects.get()
    assert (waiting.status, waiting.attempts) == (MailStatus.WAITING, 1)
    assert waiting.last_error == "ConnectionRefusedError: [Errno 111] Connection refused"
    assert waiting.next_attempt_at == waiting.last_attempt_at + datetime.timedelta(minutes=1)
    assert mail.outbox == []
    # The task table names the mail by its number only.
    for task in DBTaskResult.objects.all():
        assert ADDRESS not in str(task.args_kwargs)

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    clock.advance(datetime.timedelta(minutes=2))
    run_worker()

    (message,) = mail.outbox
    assert message.to == [ADDRESS]
    links = re.findall(r"https?://\S+", message.body)
    assert links
    assert all(link.startswith("https://ki.musterstadt.example/de/") for link in links)
    sent = OutgoingMail.objects.get()
    assert (sent.status, sent.attempts, sent.last_error) == (MailStatus.SENT, 2, "")
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


@pytest.mark.django_db(transaction=True)
def test_retries_wait_one_four_sixteen_sixty_four_and_256_minutes_then_the_mail_fails(
    settings, clock
):
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = REFUSING_BACKEND
    waiting = outgoing()
    deliver_mail.enqueue(waiting.pk)

    waits = []
    for _attempt in range(MAX_ATTEMPTS):
        run_worker()
        waiting.refresh_from_db()
        waits.append(waiting.next_attempt_at - waiting.last_attempt_at)
        clock.advance(waits[-1])

    assert waits[:-1] == [datetime.timedelta(minutes=m) for m in [1, 4, 16, 64, 256]]
    assert (waiting.status, waiting.attempts) == (MailStatus.FAILED, MAX_ATTEMPTS)
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    assert mail.outbox == []


def test_a_mail_is_stored_with_its_record_and_leaves_only_after_the_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        stored = send_templated_mail(
            template="organisations/mail/manage_link",
            context={"manage_link": "https://ki.example/link/", "valid_days": 60},
            recipient=ADDRESS,
            language="en",
        )
        assert mail.outbox == []

    (message,) = mail.outbox
    assert message.to == [ADDRESS]
    assert "https://ki.example/link/" in message.body
    stored.refresh_from_db()
    assert (stored.status, stored.attempts) == (MailStatus.SENT, 1)


def test_a_mail_rolled_back_with_its_record_is_never_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                send_templated_mail(
                    template="organisations/mail/manage_link",
                    context={"manage_link": "https://ki.example/link/", "valid_days": 60},
                    recipient=ADDRESS,
                    language="de",
                )
                raise RuntimeError("the record could not be stored")
        except RuntimeError:
            pass

    assert mail.outbox == []
    assert not OutgoingMail.objects.exists()


def test_without_a_worker_a_refused_mail_waits_for_the_daily_jobs(
    client, settings, clock, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING_BACKEND
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client)

    assert response.status_code == 302
    waiting = OutgoingMail.objects.get()
    assert (waiting.status, waiting.attempts) == (MailStatus.WAITING, 1)

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    clock.advance(datetime.timedelta(minutes=30))
    call_command("clean_outbox", stdout=io.StringIO())
    assert mail.outbox == []
    clock.advance(datetime.timedelta(hours=1))
    out = io.StringIO()
    call_command("clean_outbox", stdout=out)

    assert len(mail.outbox) == 1
    assert OutgoingMail.objects.get().status == MailStatus.SENT
    assert "1 waiting mail(s) queued" in out.getvalue()


def test_a_mail_server_that_accepts_and_says_nothing_costs_one_timeout(
    client, settings, django_capture_on_commit_callbacks
):
    with socket.socket() as silent_server:
        silent_server.bind(("127.0.0.1", 0))
        silent_server.listen()
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = silent_server.getsockname()
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_TIMEOUT = 1
        with django_capture_on_commit_callbacks(execute=True):
            response = register(client)

    assert response.status_code == 302
    waiting = OutgoingMail.objects.get()
    assert (waiting.status, waiting.attempts) == (MailStatus.WAITING, 1)
    assert "timed out" in waiting.last_error


def test_a_task_that_runs_twice_sends_the_mail_once():
    sent = outgoing()

    deliver_mail.enqueue(sent.pk)
    deliver_mail.enqueue(sent.pk)

    assert len(mail.outbox) == 1


def test_the_error_shown_to_staff_leaves_out_the_recipients_address(settings):
    settings.EMAIL_BACKEND = "tests.mail.RefusingRecipientBackend"
    refused = outgoing()

    deliver_mail.enqueue(refused.pk)

    refused.refresh_from_db()
    assert ADDRESS not in refused.last_error
    assert "550" in refused.last_error


def test_sent_and_failed_mails_are_deleted_after_the_retention_period(settings, clock):
    settings.MAIL_KEEP_DAYS = 14
    long_ago = timezone.now() - datetime.timedelta(days=15)
    old_sent = outgoing(status=MailStatus.SENT, last_attempt_at=long_ago)
    old_failed = outgoing(status=MailStatus.FAILED, last_attempt_at=long_ago)
    recent = outgoing(status=MailStatus.SENT, last_attempt_at=timezone.now())
    still_waiting = outgoing(attempts=1, last_attempt_at=long_ago, next_attempt_at=long_ago)
    settings.EMAIL_BACKEND = REFUSING_BACKEND

    call_command("clean_outbox", stdout=io.StringIO())

    remaining = set(OutgoingMail.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, still_waiting.pk}
    assert old_sent.pk not in remaining
    assert old_failed.pk not in remaining


def test_staff_see_a_failed_mail_with_its_error_and_send_it_again(
    client, mail_team, django_capture_on_commit_callbacks, django_assert_num_queries
):
    failed = outgoing(
        status=MailStatus.FAILED,
        attempts=MAX_ATTEMPTS,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    for number in range(30):
        outgoing(status=MailStatus.SENT, subject=f"Erinnerung {number}")
    sign_in(client, mail_team)

    # Session, user, its and its groups' permissions, the filtered and the whole count,
    # the rows (however many), the centre's profile and location for the frame.
    with django_assert_num_queries(11):
        page = client.get(CHANGELIST_URL, {"status__exact": "failed"}).content.decode()

    assert "SMTPServerDisconnected: Connection unexpectedly closed" in page
    assert ADDRESS in page
    assert "Erinnerung" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            CHANGELIST_URL, {"action": "requeue", "_selected_action": [failed.pk]}, follow=True
        )

    assert "1 fehlgeschlagene E-Mail wird erneut gesendet." in response.content.decode()
    (message,) = mail.outbox
    assert message.to == [ADDRESS]
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (MailStatus.SENT, 1)


def test_a_confidential_mail_shows_staff_neither_address_nor_subject_nor_text(client, mail_team):
    confidential = outgoing(confidential=True, status=MailStatus.FAILED)
    sign_in(client, mail_team)

    pages = (
        client.get(CHANGELIST_URL).content.decode()
        + client.get(f"{CHANGELIST_URL}{confidential.pk}/change/").content.decode()
    )

    for secret in [ADDRESS, "Bitte bestätigen", "Guten Tag"]:
        assert secret not in pages
    assert "vertraulich" in pages


def test_a_confidential_mail_keeps_nothing_of_what_it_said_once_sent():
    confidential = outgoing(confidential=True)

    deliver_mail.enqueue(confidential.pk)

    (message,) = mail.outbox
    assert message.to == [ADDRESS]
    confidential.refresh_from_db()
    assert confidential.status == MailStatus.SENT
    assert (confidential.recipient, confidential.subject, confidential.body) == ("", "", "")


def test_the_outbox_cannot_be_edited_by_hand(client, mail_team):
    waiting = outgoing()
    sign_in(client, mail_team)

    assert client.get(f"{CHANGELIST_URL}add/").status_code == 403
    assert client.get(f"{CHANGELIST_URL}{waiting.pk}/delete/").status_code == 403
    client.post(f"{CHANGELIST_URL}{waiting.pk}/change/", {"recipient": "x@example.org"})
    waiting.refresh_from_db()
    assert waiting.recipient == ADDRESS


def test_staff_without_the_permission_are_refused_the_outbox(outsider_client):
    outgoing(status=MailStatus.FAILED)

    assert outsider_client.get(CHANGELIST_URL).status_code == 403


def test_the_string_form_of_a_mail_names_no_person():
    assert str(outgoing()) == f"E-Mail Nr. {OutgoingMail.objects.get().pk}"
