"""Runs the test suite on a throw-away PostgreSQL server.

Loaded with `-p tests.postgres` (see pyproject.toml). Before pytest-django reads the
settings, it starts `initdb` + `pg_ctl` in a temporary directory on a free loopback
port and points DATABASE_URL at it; at the end of the run the server is stopped and
the directory removed.

- DATABASE_URL already set: that database is used, nothing is started.
- KI_TEST_DATABASE=sqlite: the suite runs on SQLite instead.
"""

import atexit
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from ki_portal.postgresql import find_program

USER = "portal"
STARTED_VARIABLE = "KI_TEST_POSTGRES_STARTED"
_server: dict = {}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_user() -> str:
    """initdb and postgres refuse to run as root: root hands them to an unprivileged user."""
    try:
        return pwd.getpwnam("postgres").pw_name
    except KeyError:
        return "nobody"


def as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", server_user(), "--", *command]
    return command


def start_server() -> str:
    initdb, pg_ctl = find_program("initdb"), find_program("pg_ctl")
    if not (initdb and pg_ctl):
        raise pytest.UsageError(
            "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them, e.g. "
            "`apt-get install postgresql`, or set KI_TEST_DATABASE=sqlite to run on SQLite."
        )
    directory = Path(tempfile.mkdtemp(prefix="ki-portal-pg-"))
    if os.geteuid() == 0:
        shutil.chown(directory, server_user())
    data, log = directory / "data", directory / "server.log"
    port = free_port()
    _server.update(pg_ctl=pg_ctl, directory=directory, data=data)
    atexit.register(stop_server)

    subprocess.run(
        as_server_user(
            [initdb, "-D", str(data), "-A", "trust", "-U", USER, "-E", "UTF8", "--no-locale"]
        ),
        check=True,
        capture_output=True,
    )
    options = (
        f"-p {port} -k {directory} -c listen_addresses=127.0.0.1 "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    started = subprocess.run(
        as_server_user([pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "start"]),
        capture_output=True,
        text=True,
    )
    if started.returncode != 0:
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else started.stderr
        raise pytest.UsageError(f"The test PostgreSQL server did not start:\n{tail}")
    _server["running"] = True
    # pytest-django creates and drops its own test_postgres database.
    return f"postgres://{USER}@127.0.0.1:{port}/postgres"


def stop_server() -> None:
    if _server.pop("running", False):
        subprocess.run(
            as_server_user(
                [_server["pg_ctl"], "-D", str(_server["data"]), "-m", "immediate", "stop"]
            ),
            capture_output=True,
        )
    directory = _server.pop("directory", None)
    if directory:
        shutil.rmtree(directory, ignore_errors=True)


@pytest.hookimpl(wrapper=True)
def pytest_load_initial_conftests(early_config, parser, args):
    # Runs before pytest-django's own implementation, which imports the settings.
    if os.environ.get("KI_TEST_DATABASE") == "sqlite":
        sqlite_dir = tempfile.mkdtemp(prefix="ki-portal-sqlite-")
        os.environ["DATABASE_URL"] = f"sqlite:///{sqlite_dir}/test.sqlite3"
    elif not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = start_server()
        os.environ[STARTED_VARIABLE] = "1"
    return (yield)


def pytest_unconfigure(config):
    stop_server()
