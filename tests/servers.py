"""Throw-away servers on free loopback ports: PostgreSQL, Redis, the portal on gunicorn
and nginx in front of it.

The test suite uses them (tests/postgres.py starts the suite's database with
`PostgresServer`), and so do the load and fault runs in bench/. Each server lives in its
own temporary directory, which `stop()` removes. A missing program raises
`MissingProgram` with the Debian package that provides it: tests fail with that message
instead of being skipped.
"""

import html.parser
import http.client
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
import urllib.parse
from dataclasses import dataclass
from email.message import Message
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


class BackgroundServer:
    """A program that serves on `self.port` until `remove()`, its files in `self.directory`."""

    # How long the program may take to listen.
    START_SECONDS = 10

    def __init__(self, prefix: str, log_name: str) -> None:
        self.directory = make_directory(prefix)
        self.log = self.directory / log_name
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def launch(self, command: list[str], **options) -> None:
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **options
        )
        wait_for_port(self.port, process=self.process, log=self.log, seconds=self.START_SECONDS)

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


class RedisServer(BackgroundServer):
    """A Redis server that keeps nothing on disk."""

    def __init__(self) -> None:
        self.program = find_program("redis-server", package="redis-server")
        super().__init__("ki-portal-redis-", "server.log")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        self.launch(
            [
                *(self.program, "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.directory)),
                *("--logfile", str(self.log)),
            ]
        )
        return self


def production_environment(*, database_url: str, redis_url: str = "", **extra: str) -> dict:
    """The environment of the portal in production mode (DJANGO_DEBUG unset) on loopback.

    Fresh keys every time; plain HTTP, as behind a proxy that ends TLS.
    """
    from cryptography.fernet import Fernet

    environment = {
        **{name: value for name, value in os.environ.items() if name != "DJANGO_DEBUG"},
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


class Gunicorn(BackgroundServer):
    """The portal on gunicorn with deploy/gunicorn.conf.py, as the Dockerfile starts it, on
    a free loopback port."""

    START_SECONDS = 30

    def __init__(self, environment: dict, *, workers: int = 2, options: tuple = ()) -> None:
        self.environment = environment
        self.workers = workers
        self.options = list(options)
        super().__init__("ki-portal-gunicorn-", "gunicorn.log")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Gunicorn":
        self.launch(
            [
                *(sys.executable, "-m", "gunicorn", "ki_portal.wsgi:application"),
                *("--config", str(BASE_DIR / "deploy" / "gunicorn.conf.py")),
                *("--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers)),
                *("--error-logfile", str(self.log), *self.options),
            ],
            cwd=BASE_DIR,
            env=self.environment,
        )
        return self

    def reload(self) -> None:
        """A graceful restart: new workers start, the old ones finish their requests."""
        self.process.send_signal(signal.SIGHUP)


class Nginx(BackgroundServer):
    """nginx with the site configuration the portal ships (deploy/nginx.conf), its
    placeholders filled with loopback values, in front of `upstream` (host:port)."""

    SITE = BASE_DIR / "deploy" / "nginx.conf"
    MIME_TYPES = Path("/etc/nginx/mime.types")

    def __init__(self, *, upstream: str, static_root: Path) -> None:
        self.program = find_program("nginx", package="nginx")
        self.upstream = upstream
        self.static_root = static_root
        super().__init__("ki-portal-nginx-", "error.log")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def access_log(self) -> Path:
        """The site's access log, in the format deploy/nginx.conf gives it."""
        return self.directory / "access.log"

    def site(self) -> str:
        """deploy/nginx.conf filled in, as deploy/README.md tells the operator to."""
        site = self.SITE.read_text()
        for placeholder, value in {
            "__LISTEN__": f"127.0.0.1:{self.port}",
            "__SERVER_NAME__": "127.0.0.1 localhost",
            "__UPSTREAM__": self.upstream,
            "__STATIC_ROOT__": str(self.static_root),
            "__CACHE_DIR__": str(self.directory / "cache"),
            "__ACCESS_LOG__": str(self.access_log),
        }.items():
            site = site.replace(placeholder, value)
        return site

    def main_configuration(self, site: Path) -> str:
        """What /etc/nginx/nginx.conf is on a server, kept inside this directory."""
        directory = self.directory
        # Workers run as the user who started the test (root in CI, where nginx would
        # otherwise switch to nobody), so they read the collected files and write here.
        user = "user root;" if os.geteuid() == 0 else ""
        return f"""
{user}
worker_processes 1;
pid {directory}/nginx.pid;
error_log {self.log} warn;
events {{ worker_connections 1024; }}
http {{
    include {self.MIME_TYPES};
    default_type application/octet-stream;
    access_log {directory}/server-access.log;
    client_body_temp_path {directory}/client_body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    include {site};
}}
"""

    def start(self) -> "Nginx":
        if not self.MIME_TYPES.exists():
            raise MissingProgram(
                f"{self.MIME_TYPES} not found. Install the Debian package `nginx` "
                "(apt-get install nginx); .ci/run installs it when missing."
            )
        site = self.directory / "ki-portal.conf"
        site.write_text(self.site())
        configuration = self.directory / "nginx.conf"
        configuration.write_text(self.main_configuration(site))
        self.launch(
            [
                *(self.program, "-p", str(self.directory), "-c", str(configuration)),
                *("-e", str(self.log), "-g", "daemon off;"),
            ]
        )
        return self


@dataclass
class Response:
    status: int
    headers: Message
    text: str


class Visitor:
    """A browser without JavaScript for the servers above, by the standard library.

    It keeps the cookies of every loopback server (as browsers do, across ports), also
    those marked Secure, which production sets and which plain HTTP must send back here.
    It follows no redirect. `address` is the loopback address it connects from, so two
    visitors can come from different addresses.
    """

    def __init__(self, *, address: str = "127.0.0.1", timeout: float = 30) -> None:
        self.address = address
        self.timeout = timeout
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, url: str, *, data: dict | None = None, headers: dict | None = None
    ) -> Response:
        parts = urllib.parse.urlsplit(url)
        connection = http.client.HTTPConnection(
            parts.hostname, parts.port, timeout=self.timeout, source_address=(self.address, 0)
        )
        sent = dict(headers or {})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, f"{parts.path}?{parts.query}".rstrip("?"), body, sent)
            answer = connection.getresponse()
            text = answer.read().decode(errors="replace")
        finally:
            connection.close()
        for cookie in answer.headers.get_all("Set-Cookie") or []:
            name, _equals, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return Response(answer.status, answer.headers, text)

    def get(self, url: str, **options) -> Response:
        return self.request("GET", url, **options)

    def post(self, url: str, data: dict, **options) -> Response:
        return self.request("POST", url, data=data, **options)

    def form(self, url: str, *, form_id: str | None = None) -> dict[str, list[str]]:
        """The fields of the page's form (the one with `form_id`, or the first that posts)
        as a browser would send them unchanged, CSRF token included."""
        page = self.get(url)
        if page.status != 200:
            raise AssertionError(f"GET {url} answered {page.status}")
        parser = FormParser(form_id)
        parser.feed(page.text)
        return parser.fields


class FormParser(html.parser.HTMLParser):
    UNSENT_INPUTS = {"submit", "button", "image", "reset", "file"}

    def __init__(self, form_id: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.done = False
        self.fields: dict[str, list[str]] = {}
        self.select: str | None = None
        self.select_is_multiple = False
        self.first_option: str | None = None
        self.textarea: str | None = None
        self.text: list[str] = []

    def add(self, name: str, value: str) -> None:
        self.fields.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        name = attributes.get("name")
        if tag == "form" and not self.done:
            wanted = attributes.get("id") == self.form_id if self.form_id else True
            self.inside = wanted and attributes.get("method", "get").lower() == "post"
        elif not self.inside:
            return
        elif tag == "input" and name and attributes.get("type") not in self.UNSENT_INPUTS:
            if attributes.get("type") in {"checkbox", "radio"}:
                if "checked" in attributes:
                    self.add(name, attributes.get("value") or "on")
            else:
                self.add(name, attributes.get("value") or "")
        elif tag == "textarea" and name:
            self.textarea, self.text = name, []
        elif tag == "select" and name:
            self.select, self.select_is_multiple = name, "multiple" in attributes
            self.first_option = None
        elif tag == "option" and self.select:
            value = attributes.get("value") or ""
            if self.first_option is None:
                self.first_option = value
            if "selected" in attributes:
                self.add(self.select, value)

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "form":
            self.inside, self.done = False, True
        elif tag == "textarea" and self.textarea:
            # A newline right after <textarea> belongs to the markup, not to the value.
            self.add(self.textarea, "".join(self.text).removeprefix("\n"))
            self.textarea = None
        elif tag == "select" and self.select:
            # A browser sends a single select's first option when none is selected.
            if self.select not in self.fields and not self.select_is_multiple:
                self.add(self.select, self.first_option or "")
            self.select = None
