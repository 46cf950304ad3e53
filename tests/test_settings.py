import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
FERNET_KEY = "cHJvZHVjdGlvbi1rZXktZm9yLXRoZS10ZXN0cy0zMmI="


def portal_free_environment() -> dict:
    """This process's environment without the portal's own settings."""
    return {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "KI_"))
    }


def import_settings(show="DATABASES['default']", *, debug="true", **environment):
    """Import the settings module in a fresh interpreter with the given environment and
    print the setting `show`.

    A local run (DJANGO_DEBUG=true, as `make` sets it) unless `debug` says otherwise;
    `debug=None` leaves DJANGO_DEBUG unset, as in production.
    """
    env = portal_free_environment()
    if debug is not None:
        env["DJANGO_DEBUG"] = debug
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", f"import ki_portal.settings as s; print(s.{show})"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("debug", [None, "", "false"], ids=["unset", "empty", "false"])
def test_without_django_debug_the_repository_s_secret_key_is_refused(debug):
    result = import_settings(debug=debug)

    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY: production mode refuses the default key." in result.stderr


@pytest.mark.parametrize("debug", [None, "false"], ids=["unset", "false"])
def test_without_django_debug_the_repository_s_encryption_key_is_refused(debug):
    result = import_settings(debug=debug, DJANGO_SECRET_KEY="x" * 50)

    assert result.returncode != 0
    assert "Set KI_FIELD_ENCRYPTION_KEY: production mode refuses" in result.stderr


def test_without_django_debug_the_portal_runs_in_production_mode_with_its_own_keys():
    result = import_settings(
        show="DEBUG, s.SESSION_COOKIE_SECURE, s.EMAIL_BACKEND",
        debug=None,
        DJANGO_SECRET_KEY="x" * 50,
        KI_FIELD_ENCRYPTION_KEY=FERNET_KEY,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "True",
        "django.core.mail.backends.smtp.EmailBackend",
    ]


def test_django_debug_true_runs_in_debug_mode_with_the_repository_s_keys():
    result = import_settings(show="DEBUG, s.SECRET_KEY == s.DEFAULT_SECRET_KEY", debug="true")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]


def test_the_encryption_key_must_not_be_the_secret_key():
    result = import_settings(DJANGO_SECRET_KEY=FERNET_KEY, KI_FIELD_ENCRYPTION_KEY=FERNET_KEY)

    assert result.returncode != 0
    assert "must differ from DJANGO_SECRET_KEY" in result.stderr


def test_malformed_boolean_fails_loudly():
    result = import_settings(DJANGO_DEBUG="perhaps")

    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr


def test_sqlite_is_the_default_database():
    env = {"DATABASE_URL": ""}
    result = import_settings(**env)

    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout


def test_sqlite_writers_wait_for_each_other_instead_of_failing_as_locked():
    result = import_settings(DATABASE_URL="sqlite:////tmp/portal.sqlite3")

    assert result.returncode == 0, result.stderr
    assert "'transaction_mode': 'IMMEDIATE'" in result.stdout
    assert "'init_command': 'PRAGMA journal_mode=WAL;'" in result.stdout
    assert "'timeout': 5" in result.stdout


def test_a_sqlite_file_database_is_opened_in_write_ahead_log_mode(tmp_path):
    env = portal_free_environment()
    env.update(DJANGO_DEBUG="true", DATABASE_URL=f"sqlite:///{tmp_path / 'portal.sqlite3'}")
    script = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'ki_portal.settings'; "
        "django.setup(); from django.db import connection; "
        "cursor = connection.cursor(); cursor.execute('PRAGMA journal_mode'); "
        "print(cursor.fetchone()[0]); cursor.execute('PRAGMA busy_timeout'); "
        "print(cursor.fetchone()[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "5000"]


def test_postgres_url_uses_the_connection_pool():
    result = import_settings(DATABASE_URL="postgres://portal@127.0.0.1:5432/portal")

    assert result.returncode == 0, result.stderr
    assert "django.db.backends.postgresql" in result.stdout
    assert "'pool': {" in result.stdout


def test_a_visitor_waits_seconds_not_minutes_for_a_database_that_is_down():
    result = import_settings(DATABASE_URL="postgres://portal@127.0.0.1:5432/portal")

    assert result.returncode == 0, result.stderr
    assert "'connect_timeout': 3" in result.stdout
    assert "'timeout': 3, 'reconnect_timeout': 2" in result.stdout
    assert "'CONN_HEALTH_CHECKS': True" in result.stdout


def test_the_database_url_can_give_its_own_connect_timeout():
    result = import_settings(DATABASE_URL="postgres://portal@db.example/portal?connect_timeout=10")

    assert result.returncode == 0, result.stderr
    assert "'connect_timeout': 10" in result.stdout


def test_without_redis_each_process_keeps_its_cache_in_memory():
    result = import_settings(show="CACHES['default']['BACKEND']")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"


def test_ki_redis_url_puts_the_cache_in_redis_with_short_timeouts():
    result = import_settings(show="CACHES['default']", KI_REDIS_URL="redis://cache.internal:6379/2")

    assert result.returncode == 0, result.stderr
    assert "'BACKEND': 'portal.cache.RedisCache'" in result.stdout
    assert "'LOCATION': 'redis://cache.internal:6379/2'" in result.stdout
    assert "'socket_connect_timeout': 0.25, 'socket_timeout': 0.25" in result.stdout


def test_retention_periods_have_defaults_and_come_from_the_environment():
    periods = "BARRIER_UNANSWERED_KEEP_DAYS, s.ORGANISATION_HIDDEN_KEEP_DAYS, s.SERVER_LOG_DAYS"
    default = import_settings(show=periods)
    chosen = import_settings(
        show=periods,
        KI_BARRIER_UNANSWERED_KEEP_DAYS="180",
        KI_ORGANISATION_HIDDEN_KEEP_DAYS="90",
        KI_SERVER_LOG_DAYS="7",
    )

    assert default.stdout.split() == ["365", "183", "14"]
    assert chosen.stdout.split() == ["180", "90", "7"]


@pytest.mark.parametrize("value", ["12a", "1.5"])
def test_malformed_number_fails_loudly(value):
    result = import_settings(DJANGO_EMAIL_PORT=value)

    assert result.returncode != 0
    assert "DJANGO_EMAIL_PORT must be a whole number" in result.stderr


def deployment_checklist(**environment):
    env = portal_free_environment()
    env.update(
        DJANGO_SECRET_KEY="a-long-random-production-key-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="ki.example.org",
        KI_FIELD_ENCRYPTION_KEY=FERNET_KEY,
        **environment,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deployment_checklist():
    result = deployment_checklist(
        KI_SITE_URL="https://ki.example.org",
        KI_REDIS_URL="redis://127.0.0.1:6379/0",
        KI_CLIENT_ADDRESS_HEADER="HTTP_X_REAL_IP",
    )

    assert result.returncode == 0, result.stderr


def test_tasks_run_immediately_unless_the_database_backend_is_chosen():
    local = import_settings(show="TASKS['default']['BACKEND']")
    production = import_settings(show="TASKS['default']['BACKEND']", KI_TASK_BACKEND="database")

    assert local.stdout.strip() == "django_tasks.backends.immediate.ImmediateBackend"
    assert production.stdout.strip() == "django_tasks_db.DatabaseBackend"


def test_an_unknown_task_backend_is_refused():
    result = import_settings(KI_TASK_BACKEND="celery")

    assert result.returncode != 0
    assert "KI_TASK_BACKEND must be one of immediate, database, not 'celery'" in result.stderr


def test_production_with_local_defaults_fails_the_deployment_checklist_loudly():
    result = deployment_checklist(
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend"
    )

    assert result.returncode != 0
    for variable in [
        "KI_SITE_URL",
        "DJANGO_EMAIL_BACKEND",
        "KI_REDIS_URL",
        "KI_CLIENT_ADDRESS_HEADER",
    ]:
        assert variable in result.stderr


@pytest.mark.django_db
def test_postgresql_compiles_no_query_just_in_time():
    """JIT compiling made the admin's translation counts take seconds (ki_portal/settings.py)."""
    if connection.vendor != "postgresql":
        pytest.skip("a setting of PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
