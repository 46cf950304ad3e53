"""Background work of the bottom layer: delivering the outbox."""

import datetime

from django.db import transaction
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task, task_backends
from django_tasks_db import DatabaseBackend

from portal.models import MailStatus, OutgoingMail

# How long past its attempt a waiting mail has to be before the daily jobs queue it again.
OVERDUE = datetime.timedelta(hours=1)


def tasks_in_database() -> bool:
    """Whether tasks wait in the database for the worker (`manage.py db_worker`)."""
    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)


@task()
def deliver_mail(mail_id: int) -> None:
    """Sends one waiting mail of the outbox whose time has come, and schedules its retry.

    The task carries only the mail's number, so the task table holds no personal data.
    A mail that is not due (already sent, failed, deleted, or waiting for a later attempt
    that has its own task) is left alone, so a task that runs twice sends nothing twice.
    A backend that can run a task later (the database backend) gets the retry with
    `run_after`; with the immediate backend the mail waits for the daily jobs or staff.
    """
    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().due().filter(pk=mail_id).first()
        if mail is None:
            return
        mail.deliver()
    if mail.status == MailStatus.WAITING and deliver_mail.get_backend().supports_defer:
        deliver_mail.using(run_after=mail.next_attempt_at).enqueue(mail.pk)


def enqueue_after_commit(mail: OutgoingMail) -> None:
    """Queues the mail's delivery once the current transaction has committed.

    `robust`: a queue that refuses is logged; the mail stays waiting in the outbox, and
    the daily jobs queue it again.
    """
    transaction.on_commit(lambda: deliver_mail.enqueue(mail.pk), robust=True)


def enqueue_overdue() -> int:
    """Queues every waiting mail an hour past its attempt; returns how many.

    Such a mail has no task that will run it: its backend cannot run tasks later (the
    immediate backend), or its task was lost. A mail that has a task after all is sent
    once, because `deliver_mail` sends only a mail that is due.
    """
    overdue = OutgoingMail.objects.due(timezone.now() - OVERDUE).values_list("pk", flat=True)
    mail_ids = list(overdue)
    for mail_id in mail_ids:
        deliver_mail.enqueue(mail_id)
    return len(mail_ids)
