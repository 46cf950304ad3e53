"""`manage.py run_daily_jobs`: the one command cron runs each day."""

import datetime
import io

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ki_portal.management.commands import run_daily_jobs
from portal.models import MailStatus, OutgoingMail
from portal.tasks import deliver_mail
from tests.portal.test_mail_queue import DATABASE_TASKS, run_worker

pytestmark = pytest.mark.django_db

EVERY_DAY = [
    "delete_expired_barrier_feedback",
    "erase_unanswered_barrier_contacts",
    "erase_counselling_requests",
    "delete_unconfirmed_organisations",
    "delete_hidden_organisations",
    "delete_old_versions",
    "remind_organisations",
    "clearsessions",
    "delete_old_login_records",
    "clean_outbox",
]


def old_sent_mail():
    long_ago = timezone.now() - datetime.timedelta(days=30)
    return OutgoingMail.objects.create(
        recipient="x@example.org",
        subject="-",
        body="-",
        status=MailStatus.SENT,
        last_attempt_at=long_ago,
    )


def test_every_daily_job_runs():
    old_sent_mail()
    out = io.StringIO()

    call_command("run_daily_jobs", stdout=out)

    for name in EVERY_DAY:
        assert f"{name}:\n" in out.getvalue()
    assert "prune_db_task_results" not in out.getvalue()
    assert "10 daily jobs done." in out.getvalue()
    assert not OutgoingMail.objects.exists()


def test_a_job_that_fails_stops_none_of_the_others_and_the_command_fails(monkeypatch):
    old_sent_mail()
    monkeypatch.setattr(run_daily_jobs, "JOBS", [("no_such_job",), *run_daily_jobs.JOBS])
    out = io.StringIO()

    with pytest.raises(CommandError, match="Failed: no_such_job"):
        call_command("run_daily_jobs", stdout=out)

    for name in EVERY_DAY:
        assert f"{name}:\n" in out.getvalue()
    assert not OutgoingMail.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_with_the_database_backend_old_task_results_are_pruned(settings, clock):
    settings.TASKS = DATABASE_TASKS
    deliver_mail.enqueue(old_sent_mail().pk)
    run_worker()
    clock.advance(datetime.timedelta(days=15))
    deliver_mail.enqueue(old_sent_mail().pk)
    out = io.StringIO()

    call_command("run_daily_jobs", stdout=out)

    assert "prune_db_task_results:\n" in out.getvalue()
    # The finished task is gone, the one still waiting for the worker stays.
    assert DBTaskResult.objects.get().status == "READY"


def login_records(username):
    for model in [AccessLog, AccessFailureLog]:
        model.objects.create(username=username, ip_address="192.0.2.1", user_agent="-")
    AccessAttempt.objects.create(
        username=username, ip_address="192.0.2.1", user_agent="-", failures_since_start=1
    )


def test_login_records_go_after_90_days_and_counted_failures_after_the_cool_off(clock):
    login_records("alt")
    clock.advance(datetime.timedelta(days=89))
    login_records("neu")
    clock.advance(datetime.timedelta(days=1, minutes=1))

    call_command("run_daily_jobs", stdout=io.StringIO())

    assert list(AccessLog.objects.values_list("username", flat=True)) == ["neu"]
    assert list(AccessFailureLog.objects.values_list("username", flat=True)) == ["neu"]
    assert not AccessAttempt.objects.exists()


def test_login_records_are_kept_as_long_as_the_setting_says(clock, settings):
    settings.LOGIN_RECORDS_KEEP_DAYS = 7
    login_records("alt")
    clock.advance(datetime.timedelta(days=7, minutes=1))

    call_command("run_daily_jobs", stdout=io.StringIO())

    assert not AccessLog.objects.exists()
    assert not AccessFailureLog.objects.exists()
