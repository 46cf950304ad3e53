"""A database outage: while the database is down, visitors get the 503 page at once instead
of a hang or a server error; a form sent meanwhile is answered with that page, so nothing
was acknowledged that could be lost; the portal recovers by itself when the database is
back.

The first tests refuse every query of the test client's thread (Django's execute
wrapper); the last one stops and starts a real PostgreSQL server under the portal on
gunicorn in production mode.
"""

import logging
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
import pytest
from django.db import OperationalError, connection
from django.utils import translation

from centre.models import BarrierFeedback
from counselling.models import CounsellingRequest
from portal.failures import RETRY_AFTER
from portal.forms import MINIMUM_FILL_SECONDS
from portal.middleware import DatabaseUnavailableMiddleware
from tests.centre.test_barrier_feedback import report
from tests.concurrency import on_postgresql
from tests.counselling.test_request_form import request_data
from tests.pages import LANGUAGES
from tests.servers import (
    BASE_DIR,
    Gunicorn,
    PostgresServer,
    Response,
    Visitor,
    collect_static,
    production_environment,
)

TITLE = "Vorübergehend nicht erreichbar"
NOT_STORED = "Ihre Angaben wurden nicht gespeichert."
HELPLINE = 'href="tel:116016"'
FEEDBACK_URL = "/de/barrierefreiheit/rueckmeldung/"
COUNSELLING_URL = "/de/beratung/anfrage/"
# What a visitor may wait for the 503 page after the database stopped, and for pages
# again after it is back (issue 13).
ANSWER_SECONDS = 10
RECOVERY_SECONDS = 5


def translated(language, text):
    with translation.override(language):
        return translation.gettext(text)


@contextmanager
def database_down():
    """Every query of this thread fails as with a stopped server; yields the queries tried."""
    tried = []

    def refuse(execute, sql, params, many, context):
        tried.append(sql)
        raise OperationalError('connection to server at "127.0.0.1" failed: Connection refused')

    with connection.execute_wrapper(refuse):
        yield tried


def assert_unavailable_page(response, language="de"):
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER)
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    assert f'<h1 class="kern-heading-x-large">{translated(language, TITLE)}</h1>' in page
    assert "Traceback" not in page
    assert response.cookies == {}
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["", "handlungsfelder/", "gibt-es-nicht/"])
def test_a_page_gets_the_503_page_while_the_database_is_down(client, language, path):
    with database_down() as queries:
        response = client.get(f"/{language}/{path}")

    page = assert_unavailable_page(response, language)
    assert translated(language, NOT_STORED) not in page
    assert HELPLINE not in page
    assert len(queries) == 1, "the 503 page asks the database nothing"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_counselling_section_keeps_helpline_and_quick_exit_on_the_503_page(client, language):
    with database_down():
        response = client.get(f"/{language}/beratung/")

    page = assert_unavailable_page(response, language)
    assert HELPLINE in page
    assert "data-quick-exit" in page
    assert response["Referrer-Policy"] == "no-referrer"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("url", "data", "model"),
    [
        (FEEDBACK_URL, report, BarrierFeedback),
        (COUNSELLING_URL, request_data, CounsellingRequest),
    ],
)
def test_a_form_sent_while_the_database_is_down_is_not_stored_and_the_page_says_so(
    client, url, data, model
):
    with database_down():
        response = client.post(url, data())

    assert NOT_STORED in assert_unavailable_page(response)
    assert not model.objects.exists()


@pytest.mark.django_db
def test_the_outage_is_logged_as_one_warning_without_traceback_or_address(client, caplog):
    with database_down():
        client.get("/de/beratung/anfrage/?name=Leyla")

    records = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert [record.getMessage() for record in records] == [
        "Database unavailable, answered 503: OperationalError: "
        'connection to server at "127.0.0.1" failed: Connection refused'
    ]
    assert records[0].exc_info is None


@pytest.mark.django_db
def test_after_the_server_did_not_answer_the_next_requests_get_the_page_without_waiting(
    client, monkeypatch
):
    monkeypatch.setattr(DatabaseUnavailableMiddleware, "PAUSE_SECONDS", 0.5)
    with database_down() as queries:
        first = client.get("/de/")
        soon_after = client.get("/de/handlungsfelder/")

    assert_unavailable_page(first)
    assert_unavailable_page(soon_after)
    assert len(queries) == 1, "the second request did not wait for the database"

    time.sleep(0.5)
    assert client.get("/de/").status_code == 200


@pytest.mark.django_db
def test_an_error_the_server_reported_about_one_statement_pauses_nothing(client):
    def deadlock(execute, sql, params, many, context):
        raise OperationalError("deadlock detected") from psycopg.errors.DeadlockDetected()

    with connection.execute_wrapper(deadlock):
        assert_unavailable_page(client.get("/de/"))

    assert client.get("/de/").status_code == 200


@dataclass
class OpenForm:
    """The barrier feedback form as a browser holds it: its fields and the visitor's cookie."""

    url: str
    visitor: Visitor
    data: dict
    opened_at: float

    @classmethod
    def open(cls, url: str) -> "OpenForm":
        visitor = Visitor()
        filled_in = {
            key: value
            for key, value in report().items()
            if key in {"page_url", "description", "name", "email"}
        }
        return cls(url, visitor, visitor.form(url) | filled_in, time.monotonic())

    def send(self) -> Response:
        time.sleep(max(0.0, self.opened_at + MINIMUM_FILL_SECONDS - time.monotonic()))
        return self.visitor.post(self.url, self.data)


@dataclass
class Deployment:
    database: PostgresServer
    database_url: str
    portal: Gunicorn

    def stored_reports(self) -> int:
        with psycopg.connect(self.database_url) as db:
            return db.execute("SELECT count(*) FROM centre_barrierfeedback").fetchone()[0]


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    """The portal on gunicorn in production mode (two sync workers), on its own PostgreSQL
    server with the migrations applied."""
    database = PostgresServer().start()
    portal = None
    try:
        database_url = database.create_database("ki_portal")
        environment = production_environment(database_url=database_url)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
            cwd=BASE_DIR,
            env=environment,
            check=True,
        )
        environment = collect_static(environment, tmp_path_factory.mktemp("static"))
        portal = Gunicorn(environment, workers=2).start()
        yield Deployment(database, database_url, portal)
    finally:
        if portal is not None:
            portal.remove()
        database.remove()


def get_both(deployment, paths) -> dict:
    """The pages at once, as visitors of both workers ask for them."""
    with ThreadPoolExecutor(len(paths)) as pool:
        answers = pool.map(lambda path: Visitor().get(deployment.portal.url + path), paths)
        return dict(zip(paths, answers, strict=True))


@on_postgresql
def test_while_the_database_is_down_visitors_get_the_503_page_and_the_portal_recovers(
    deployment,
):
    pages = ["/de/", "/de/beratung/"]
    assert {answer.status for answer in get_both(deployment, pages).values()} == {200}
    form = OpenForm.open(deployment.portal.url + FEEDBACK_URL)

    deployment.database.stop()
    stopped = time.monotonic()
    answers = get_both(deployment, pages)
    unavailable_after = time.monotonic() - stopped
    sent = form.send()

    for path, answer in answers.items():
        assert answer.status == 503, path
        assert answer.headers["Retry-After"] == str(RETRY_AFTER)
        assert "no-store" in answer.headers["Cache-Control"]
        assert f'<h1 class="kern-heading-x-large">{TITLE}</h1>' in answer.text
        assert "Traceback" not in answer.text
    assert HELPLINE in answers["/de/beratung/"].text
    assert unavailable_after <= ANSWER_SECONDS
    assert sent.status == 503
    assert NOT_STORED in sent.text

    deployment.database.start()
    started = time.monotonic()
    # Both workers, each with its own pool that may still be waiting out a reconnect pause.
    while {answer.status for answer in get_both(deployment, pages).values()} != {200}:
        assert time.monotonic() - started <= RECOVERY_SECONDS, "the portal did not recover"
        time.sleep(0.1)
    recovered_after = time.monotonic() - started
    assert deployment.stored_reports() == 0
    for _round in range(3):
        assert {answer.status for answer in get_both(deployment, pages).values()} == {200}
    assert time.monotonic() - started <= RECOVERY_SECONDS

    assert form.send().status == 302
    assert form.send().status == 302, "the same form sent twice"
    assert deployment.stored_reports() == 1
    print(f"503 after {unavailable_after:.1f} s, recovered after {recovered_after:.1f} s")
