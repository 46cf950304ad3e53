"""The load run's forms are filled in as the portal expects, and its report counts right.

The runs themselves take minutes (`make load`, `make fault`); this checks in seconds what
they rely on: each form, sent as the run sends it, reaches its success page and is found
by its marker; the count tells lost and duplicated submissions apart; the fault report
times the outage from the answers; the health checks are timed by answer.
"""

import time

import pytest
from django.test import Client

from bench.load import fault_table, health_table, timeline_table
from bench.submissions import FORMS, new_marker, stored_markers, tally
from portal.forms import form_started_token


@pytest.mark.django_db
@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.name)
def test_a_submission_of_the_load_run_is_stored_under_its_marker(form, settings):
    settings.DEBUG = False  # the run's server answers in production mode
    client = Client(enforce_csrf_checks=True)
    page = client.get(form.path).content.decode()
    marker = new_marker()
    # The run waits the minimum fill time; the test backdates the form instead.
    data = form.data(page, marker) | {"started": form_started_token(time.time() - 30)}

    response = client.post(form.path, data, follow=True)

    assert response.redirect_chain[-1][0] == form.success_path
    assert stored_markers()[form.name] == [marker]


def test_the_count_tells_lost_duplicated_and_unacknowledged_submissions_apart():
    result = tally(acknowledged=["a", "b", "c"], stored=["a", "a", "b", "d"])

    assert result.acknowledged == 3
    assert result.stored == 4
    assert result.lost == 1  # c
    assert result.duplicates == 1  # a twice
    assert result.stored_unacknowledged == 1  # d


def test_every_acknowledged_submission_stored_once_is_the_goal():
    result = tally(acknowledged=["a", "b"], stored=["b", "a"])

    assert (result.acknowledged, result.stored, result.lost, result.duplicates) == (2, 2, 0, 0)


def answer(at: float, status: int, ms: float = 100) -> dict:
    return {"t": at - ms / 1000, "ms": ms, "method": "GET", "status": status, "error": None}


def test_the_fault_report_times_the_outage_and_the_restart_from_the_answers():
    faults = {"database stopped": 100.0, "database back": 110.0, "gunicorn SIGHUP": 200.0}
    requests = [
        answer(99, 200),
        answer(101, 503),
        answer(102, 500),
        answer(111, 200),
        answer(113, 503),
        answer(115, 200),
        answer(201, 200, ms=900),
    ]

    rows = fault_table(requests, faults)

    assert "| first error or 503 after the stop | +1.0 s |" in rows
    assert "| first 503 after the stop | +1.0 s |" in rows
    assert "| first successful answer after PostgreSQL returned | +1.0 s |" in rows
    assert "| recovery: last error after PostgreSQL returned | +3.0 s |" in rows
    assert "| errors within 30 s of the graceful restart (SIGHUP) | none |" in rows
    assert "| slowest answer within 30 s of the restart | 900 ms |" in rows


def test_the_timeline_shows_the_answers_of_each_ten_seconds_with_the_faults():
    faults = {"database stopped": 105.0}
    requests = [answer(101, 200, ms=300), answer(103, 200, ms=100), answer(112, 503)]

    rows = timeline_table(requests, faults, started=100.0)

    assert rows[2:] == [
        "| 0–10 s | 2 | 200 | 300 | – | database stopped at 5 s |",
        "| 10–20 s | 1 | 100 | 100 | 503 (outage page): 1 |  |",
    ]


def test_the_health_report_times_the_checks_by_answer_against_the_100_ms():
    checks = [answer(t, 200, ms=20) for t in range(18)] + [
        answer(20, 503, ms=3000),
        {"t": 21, "ms": 5, "method": "GET", "status": 0, "error": "ConnectionError"},
    ]

    rows = health_table(checks)

    assert rows[2:6] == [
        "| all | 20 | 20 | 169 | 2434 | 3000 |",
        "| 200 | 18 | 20 | 20 | 20 | 20 |",
        "| 503 | 1 | 3000 | 3000 | 3000 | 3000 |",
        "| no answer (ConnectionError) | 1 | 5 | 5 | 5 | 5 |",
    ]
    assert rows[-1] == (
        "The 95th percentile of all health checks was 169 ms: above the 100 ms the check "
        "may take under load; 1 of 20 checks took longer."
    )
