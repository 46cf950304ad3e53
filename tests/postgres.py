"""Runs the test suite on a throw-away PostgreSQL server.

Loaded with `-p tests.postgres` (see pyproject.toml). Before pytest-django reads the
settings, it starts a `PostgresServer` (tests/servers.py) on a free loopback port and
points DATABASE_URL at it; at the end of the run the server is stopped and its directory
removed.

- DATABASE_URL already set: that database is used, nothing is started.
- KI_TEST_DATABASE=sqlite: the suite runs on SQLite instead.

It also sets DJANGO_DEBUG=true unless the environment says otherwise, as `make` does for
every local command: the suite uses the repository's keys, which production mode (the
default without DJANGO_DEBUG) refuses. pytest-django turns DEBUG off for each test all
the same; the tests of production mode start it with its own environment.
"""

import os
import tempfile

import pytest

from tests.servers import MissingProgram, PostgresServer, ServerDidNotStart

STARTED_VARIABLE = "KI_TEST_POSTGRES_STARTED"
_servers: list[PostgresServer] = []


def start_server() -> str:
    try:
        server = PostgresServer()
        _servers.append(server)
        server.start()
    except MissingProgram as missing:
        raise pytest.UsageError(
            f"{missing} Or set KI_TEST_DATABASE=sqlite to run on SQLite."
        ) from None
    except ServerDidNotStart as failure:
        raise pytest.UsageError(f"The test PostgreSQL server did not start: {failure}") from None
    # pytest-django creates and drops its own test_postgres database.
    return server.url()


@pytest.hookimpl(wrapper=True)
def pytest_load_initial_conftests(early_config, parser, args):
    # Runs before pytest-django's own implementation, which imports the settings.
    os.environ.setdefault("DJANGO_DEBUG", "true")
    if os.environ.get("KI_TEST_DATABASE") == "sqlite":
        sqlite_dir = tempfile.mkdtemp(prefix="ki-portal-sqlite-")
        os.environ["DATABASE_URL"] = f"sqlite:///{sqlite_dir}/test.sqlite3"
    elif not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = start_server()
        os.environ[STARTED_VARIABLE] = "1"
    return (yield)


def pytest_unconfigure(config):
    while _servers:
        _servers.pop().remove()
