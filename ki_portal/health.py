"""`/health/`: whether this process can serve, for a load balancer and for monitoring."""

import logging
import time

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Min, Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from portal.models import OutgoingMail
from portal.tasks import tasks_in_database

logger = logging.getLogger(__name__)

# Set once this process has found every migration applied; migrations are applied before
# a new version starts, so the answer does not turn, and loading the migration files on
# every request would cost far more than the 100 ms the check may take.
migrations_applied = False


def database_reachable() -> bool:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
    return True


def all_migrations_applied() -> bool:
    global migrations_applied
    if not migrations_applied:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        migrations_applied = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return migrations_applied


def cache_reachable() -> bool:
    key, value = "health:probe", str(time.monotonic())
    cache.set(key, value, timeout=10)
    return cache.get(key) == value


CHECKS = {
    "database": database_reachable,
    "migrations": all_migrations_applied,
    "cache": cache_reachable,
}


def oldest_waiting_task_seconds() -> int | None:
    """How long the oldest task that could run has waited; None when none waits.

    With the database backend the task table is the queue (a task deferred for a retry
    waits from its `run_after` on); with the immediate backend, only mails that wait for
    their next attempt can wait. One query.
    """
    now = timezone.now()
    if tasks_in_database():
        waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).aggregate(
            queued=Min("enqueued_at", filter=Q(run_after=get_date_max())),
            deferred=Min("run_after", filter=Q(run_after__lte=now)),
        )
        since = min(filter(None, waiting.values()), default=None)
    else:
        since = OutgoingMail.objects.due(now).aggregate(since=Min("next_attempt_at"))["since"]
    return None if since is None else int((now - since).total_seconds())


def run(check) -> bool:
    try:
        return check()
    except Exception:
        logger.exception("Health check %s failed.", check.__name__)
        return False


@never_cache
@require_GET
def health(request):
    """200 when database, migrations and cache are fine, else 503; JSON with each check
    and the age of the oldest waiting task, which alerts rather than takes the process out
    of rotation. No personal data, no session, no cookie."""
    checks = {name: run(check) for name, check in CHECKS.items()}
    healthy = all(checks.values())
    age = None
    if checks["database"]:
        try:
            age = oldest_waiting_task_seconds()
        except Exception:
            logger.exception("The age of the oldest waiting task is unknown.")
    return JsonResponse(
        {
            "status": "ok" if healthy else "failing",
            "checks": {name: "ok" if passed else "failing" for name, passed in checks.items()},
            "oldest_waiting_task_seconds": age,
        },
        status=200 if healthy else 503,
    )
