"""`/health/` tells a load balancer whether this process can serve, and monitoring how long
the oldest task has waited."""

import datetime
import runpy

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError
from django.utils import timezone

from ki_portal import health
from portal.models import MailStatus, OutgoingMail
from portal.tasks import deliver_mail
from tests.portal.test_mail_queue import DATABASE_TASKS
from tests.servers import BASE_DIR

pytestmark = pytest.mark.django_db

URL = "/health/"
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1",
    }
}


def test_a_healthy_portal_answers_200_with_every_check_and_no_cookie(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "cache": "ok"},
        "oldest_waiting_task_seconds": None,
    }
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert not Session.objects.exists()


def test_the_answer_costs_two_queries_once_the_migrations_were_checked(
    client, django_assert_num_queries
):
    client.get(URL)

    # SELECT 1 and the oldest waiting mail.
    with django_assert_num_queries(2):
        assert client.get(URL).status_code == 200


def test_a_cache_that_cannot_be_reached_answers_503(client, settings):
    settings.CACHES = UNREACHABLE_REDIS

    response = client.get(URL)

    assert response.status_code == 503
    assert response.json()["status"] == "failing"
    assert response.json()["checks"] == {"database": "ok", "migrations": "ok", "cache": "failing"}


def test_a_database_that_cannot_be_reached_answers_503_without_the_task_age(client, monkeypatch):
    def unreachable():
        raise OperationalError("connection refused")

    monkeypatch.setitem(health.CHECKS, "database", unreachable)

    response = client.get(URL)

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "failing"
    assert response.json()["oldest_waiting_task_seconds"] is None


def test_unapplied_migrations_answer_503(client, monkeypatch):
    monkeypatch.setitem(health.CHECKS, "migrations", lambda: False)

    response = client.get(URL)

    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "failing"


def test_without_a_worker_the_oldest_waiting_task_is_the_oldest_mail_due(client):
    due = timezone.now() - datetime.timedelta(minutes=5)
    OutgoingMail.objects.create(
        recipient="vorstand@kulturverein.example",
        subject="Bitte bestätigen",
        body="Guten Tag",
        attempts=1,
        next_attempt_at=due,
    )
    OutgoingMail.objects.create(
        recipient="x@example.org", subject="-", body="-", status=MailStatus.SENT
    )

    response = client.get(URL)

    assert response.status_code == 200
    assert response.json()["oldest_waiting_task_seconds"] == 300
    assert "kulturverein" not in response.content.decode()


def test_with_the_database_backend_the_oldest_waiting_task_is_the_oldest_ready_one(
    client, settings, clock
):
    settings.TASKS = DATABASE_TASKS
    deliver_mail.enqueue(1)
    clock.advance(datetime.timedelta(minutes=10))
    deliver_mail.using(run_after=timezone.now() + datetime.timedelta(hours=1)).enqueue(2)

    response = client.get(URL)

    assert response.status_code == 200
    assert response.json()["oldest_waiting_task_seconds"] == 600


def test_a_new_gunicorn_worker_reads_the_migrations_before_its_first_request(monkeypatch):
    monkeypatch.setattr(health, "migrations_applied", False)
    configuration = runpy.run_path(str(BASE_DIR / "deploy" / "gunicorn.conf.py"))

    configuration["post_worker_init"](worker=None)

    assert health.migrations_applied is True
