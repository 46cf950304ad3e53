"""Throw-away servers on free loopback ports: PostgreSQL, Redis and the portal on gunicorn.

The test suite uses them (tests/postgres.py starts the suite's database with
`PostgresServer`), and so do the load and fault runs in bench/. Each server lives in its
own temporary directory, which `stop()` removes. A missing program raises
`MissingProgram` with the Debian package that provides it: tests fail with that message
instead of being skipped.
"""

import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ki_portal import postgresql

BASE_DIR = Path(__file__).resolve().parent.parent


class MissingProgram(RuntimeError):
    pass


class ServerDidNotStart(RuntimeError):
    pass


def find_program(name: str, *, package: str) -> str:
    """The program on PATH, in /usr/sbin (nginx), or in Debian's PostgreSQL folder."""
    found = postgresql.find_program(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if found:
        return found
    raise MissingProgram(
        f"`{name}` not found. Install the Debian package `{package}` "
        f"(apt-get install {package}); .ci/run installs it when missing."
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, *, process: subprocess.Popen | None, log: Path, seconds: float):
    """Returns once the port accepts connections; raises with the log's end otherwise."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            break
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
    raise ServerDidNotStart(f"Nothing answered on port {port} after {seconds} s:\n{tail}")


def server_user() -> str:
    """PostgreSQL refuses to run as root: root hands it to the `postgres` user or nobody."""
    try:
        return pwd.getpwnam("postgres").pw_name
    except KeyError:
        return "nobody"


def unprivileged(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", server_user(), "--", *command]


def make_directory(prefix: str, *, owner_of_server: bool = False) -> Path:
    directory = Path(tempfile.mkdtemp(prefix=prefix))
    if owner_of_server and os.geteuid() == 0:
        shutil.chown(directory, server_user())
    return directory


class PostgresServer:
    """A PostgreSQL cluster with trust authentication, tuned for speed, not durability."""

    USER = "portal"

    def __init__(self) -> None:
        self.initdb = find_program("initdb", package="postgresql")
        self.pg_ctl = find_program("pg_ctl", package="postgresql")
        self.directory = make_directory("ki-portal-pg-", owner_of_server=True)
        self.data = self.directory / "data"
        self.log = self.directory / "server.log"
        self.port = free_port()
        self.running = False

    def url(self, database: str = "postgres") -> str:
        return f"postgres://{self.USER}@127.0.0.1:{self.port}/{database}"

    def start(self) -> "PostgresServer":
        if not self.data.exists():
            subprocess.run(
                unprivileged(
                    [
                        *(self.initdb, "-D", str(self.data), "-A", "trust", "-U", self.USER),
                        *("-E", "UTF8", "--no-locale"),
                    ]
                ),
                check=True,
                capture_output=True,
            )
        options = (
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        started = subprocess.run(
            unprivileged(
                [
                    *(self.pg_ctl, "-D", str(self.data), "-l", str(self.log)),
                    *("-o", options, "-w", "start"),
                ]
            ),
            capture_output=True,
            text=True,
        )
        if started.returncode != 0:
            tail = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise ServerDidNotStart(f"PostgreSQL did not start:\n{started.stderr}{tail}")
        self.running = True
        return self

    def stop(self, mode: str = "fast") -> None:
        """Stops the server and keeps its data, so that `start()` brings it back."""
        if self.running:
            subprocess.run(
                unprivileged([self.pg_ctl, "-D", str(self.data), "-m", mode, "-w", "stop"]),
                capture_output=True,
            )
            self.running = False

    def remove(self) -> None:
        self.stop(mode="immediate")
        shutil.rmtree(self.directory, ignore_errors=True)

    def create_database(self, name: str) -> str:
        psql = find_program("psql", package="postgresql-client")
        subprocess.run(
            [psql, "-q", "-d", self.url(), "-c", f'CREATE DATABASE "{name}"'],
            check=True,
            capture_output=True,
        )
        return self.url(name)


class RedisServer:
    """A Redis server that keeps nothing on disk."""

    def __init__(self) -> None:
        self.program = find_program("redis-server", package="redis-server")
        self.directory = make_directory("ki-portal-redis-")
        self.log = self.directory / "server.log"
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        self.process = subprocess.Popen(
            [
                *(self.program, "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.directory)),
                *("--logfile", str(self.log)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process, log=self.log, seconds=10)
        return self

    def remove(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
        shutil.rmtree(self.directory, ignore_errors=True)


def production_environment(*, database_url: str, redis_url: str = "", **extra: str) -> dict:
    """The environment of the portal in production mode (DJANGO_DEBUG=false) on loopback.

    Fresh keys every time; plain HTTP, as behind a proxy that ends TLS.
    """
    from cryptography.fernet import Fernet

    environment = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "KI_FIELD_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "KI_REDIS_URL": redis_url,
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    environment.update(extra)
    return environment


def collect_static(environment: dict, directory: Path) -> dict:
    """Runs collectstatic into `directory`; returns the environment that serves it."""
    environment = {**environment, "DJANGO_STATIC_ROOT": str(directory)}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=BASE_DIR,
        env=environment,
        check=True,
    )
    return environment


class Gunicorn:
    """The portal on gunicorn, as the Dockerfile starts it, on a free loopback port."""

    def __init__(self, environment: dict, *, workers: int = 2, options: tuple = ()) -> None:
        self.environment = environment
        self.workers = workers
        self.options = list(options)
        self.directory = make_directory("ki-portal-gunicorn-")
        self.log = self.directory / "gunicorn.log"
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Gunicorn":
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "gunicorn", "ki_portal.wsgi:application"),
                *("--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers)),
                *("--error-logfile", str(self.log), *self.options),
            ],
            cwd=BASE_DIR,
            env=self.environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process, log=self.log, seconds=30)
        return self

    def reload(self) -> None:
        """A graceful restart: new workers start, the old ones finish their requests."""
        self.process.send_signal(signal.SIGHUP)

    def remove(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        shutil.rmtree(self.directory, ignore_errors=True)
