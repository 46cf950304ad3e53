"""The start-time token of the public forms: valid for a day, and for one submission key."""

import datetime
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core import signing
from django.db import models

from centre.models import BarrierFeedback
from counselling.models import CounsellingRequest
from organisations.models import Organisation
from portal.forms import STARTED_SALT, form_started_token
from tests.centre.test_barrier_feedback import report
from tests.counselling.test_request_form import request_data
from tests.organisations.test_registration import registration_data
from tests.test_kern_pack import Elements

pytestmark = pytest.mark.django_db

EXPIRED = "Dieses Formular ist abgelaufen."


@dataclass
class PublicForm:
    url: str
    data: Callable[..., dict]
    model: type[models.Model]


FORMS = {
    "barrier-feedback": PublicForm("/de/barrierefreiheit/rueckmeldung/", report, BarrierFeedback),
    "counselling-request": PublicForm("/de/beratung/anfrage/", request_data, CounsellingRequest),
    "organisation-register": PublicForm(
        "/de/migrantenorganisationen/anmelden/", registration_data, Organisation
    ),
}


@pytest.fixture(params=FORMS.values(), ids=FORMS.keys())
def form(request):
    return request.param


def test_the_same_post_sent_again_gets_the_stored_result(client, form):
    data = form.data(submission_key=str(uuid.uuid4()))

    first = client.post(form.url, data)
    again = client.post(form.url, data)

    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert form.model.objects.count() == 1


def test_a_token_replayed_with_a_new_submission_key_is_refused(client, form):
    started = form_started_token(time.time() - 30)
    client.post(form.url, form.data(started=started, submission_key=str(uuid.uuid4())))

    replayed = client.post(form.url, form.data(started=started, submission_key=str(uuid.uuid4())))

    assert replayed.status_code == 200
    assert EXPIRED in replayed.content.decode()
    assert form.model.objects.count() == 1


def test_a_token_without_a_submission_key_is_used_once(client, form):
    data = form.data(started=form_started_token(time.time() - 30))
    data.pop("submission_key", None)

    first = client.post(form.url, data)
    replayed = client.post(form.url, data)

    assert first.status_code == 302
    assert EXPIRED in replayed.content.decode()
    assert form.model.objects.count() == 1


def shown_token(client, url) -> tuple[str, str]:
    page = Elements(client.get(url).content.decode())
    return page.by_id("id_started")["value"], page.by_id("id_submission_key")["value"]


def test_a_form_open_for_longer_than_a_day_is_shown_again_and_then_accepted(client, form, clock):
    started, key = shown_token(client, form.url)
    clock.advance(datetime.timedelta(days=1, minutes=1))

    expired = client.post(form.url, form.data(started=started, submission_key=key))

    assert expired.status_code == 200
    assert EXPIRED in expired.content.decode()
    assert not form.model.objects.exists()
    # The page shows a fresh token with the same key: sent a little later, it is stored.
    fresh = Elements(expired.content.decode())
    assert fresh.by_id("id_submission_key")["value"] == key
    clock.advance(datetime.timedelta(seconds=10))
    sent = client.post(
        form.url, form.data(started=fresh.by_id("id_started")["value"], submission_key=key)
    )
    assert sent.status_code == 302
    assert form.model.objects.count() == 1


def test_a_form_open_for_most_of_a_day_is_accepted(client, form, clock):
    started, key = shown_token(client, form.url)
    clock.advance(datetime.timedelta(hours=23))

    response = client.post(form.url, form.data(started=started, submission_key=key))

    assert response.status_code == 302
    assert form.model.objects.count() == 1


def test_a_token_of_the_old_kind_is_refused_as_too_fast(client):
    old = signing.dumps(time.time() - 30, salt=STARTED_SALT)

    response = client.post(FORMS["barrier-feedback"].url, report(started=old))

    assert response.status_code == 200
    assert "so schnell" in response.content.decode()
    assert not BarrierFeedback.objects.exists()
