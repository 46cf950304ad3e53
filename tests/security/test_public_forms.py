"""Every public form against the hostile inputs of `tests/security/hostile.py`.

The forms: the organisation's registration, its change request, topic wishes, the request
for a new link (all reached without an account, the last three through a signed link from
a mail), the barrier report and the counselling request; the self-service page's buttons
(confirm, withdraw) post no fields and are checked for CSRF and methods. The directory's
search and filters are sent with GET and are tested in `test_url_parameters.py`. There is
no contact form and no newsletter: the contact page lists the centre's channels.

What is sent, and what must come back:

- Each hostile input (over-long text, a NUL byte, a right-to-left override, a name of
  zero-width characters or of blank letters (Hangul fillers) only, `<script>` and
  `"><svg onload=…>`, a spreadsheet formula, a `javascript:` address, an address with a
  `\\r\\nBcc:` header, quotes and operators of SQL and text search, a number beyond
  every integer column) into every text field of a form at once, and once more into
  every field, hidden ones included: either the form again with a translated error next
  to a field and nothing stored, or the form's success page with one record whose text
  is clean (no control, bidi or invisible characters, not only invisible ones). Never a
  500, never the markup unescaped on the page, never a value of the form or an e-mail
  address in the log (captured at DEBUG).
- "Café" registered in NFC and then in NFD: the same stored name, found as a duplicate.
- An e-mail address with `\\r\\nBcc:`: refused next to the field, no mail sent.
- A `javascript:` address as the website, a social link or the reported page: refused.
- Extra fields (`status=approved`, `is_published=1`, `reviewed=1`, …) and duplicated
  fields: ignored; the stored record has the default status.
- The same form sent twice (double click, replay of the post): one record, the same
  success page both times.
- No CSRF token: the friendly 403 page of `ki_portal.views.csrf_failure`, with a link to
  the form again, nothing stored.
- PUT, PATCH and DELETE: 405; a JSON body: the form's errors, nothing stored.
- The honeypot filled: the success page, nothing stored.
- One post more than the rate limit allows from one address: the 429 page with
  `Retry-After`, nothing stored. That the limit counts across processes (Redis shared by
  two gunicorn instances) is tested in `tests/test_shared_state.py`.
"""

import json
import logging
import time
import unicodedata
import uuid
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.core import mail
from django.test import Client

from centre.models import BarrierFeedback, CentreProfile
from counselling.models import CounsellingRequest
from counselling.models import Status as RequestStatus
from organisations.models import Organisation, QualificationTopic, Status, TopicWish
from organisations.services import manage_link
from portal.forms import form_started_token
from portal.models import OutgoingMail
from tests.centre.test_barrier_feedback import report
from tests.counselling.test_request_form import request_data
from tests.factories import OrganisationFactory
from tests.organisations.test_registration import registration_data
from tests.organisations.test_self_service import change_data, path_of
from tests.security.hostile import (
    BLANK_LETTERS_ONLY,
    CAFE_NFC,
    CAFE_NFD,
    HEADER_INJECTION,
    HOSTILE,
    JAVASCRIPT_URL,
    ZERO_WIDTH_ONLY,
    assert_no_active_markup,
    assert_not_logged,
)

pytestmark = pytest.mark.django_db

ENTRY_EMAIL = "vorstand@bruecke.example"
# The apps whose tables a public form may write to (the outbox is in portal).
WRITTEN_APPS = {"organisations", "centre", "counselling", "portal"}


@dataclass
class PublicForm:
    path: str
    data: dict
    # Free text: where a hostile input may be accepted once it is cleaned.
    text_fields: list[str]
    # Where a successful post stores its record, and the default status it gets.
    model: type
    success_path: str
    email_field: str = ""
    defaults: dict = field(default_factory=dict)
    limit: int = 0


def fresh_start():
    return {"started": form_started_token(time.time() - 30), "submission_key": str(uuid.uuid4())}


@pytest.fixture
def entry(db):
    """An approved entry whose representative reaches the self-service pages by mail."""
    CentreProfile.objects.create(
        name="Kommunales Integrationszentrum Musterstadt",
        email="integrationszentrum@musterstadt.example",
    )
    return OrganisationFactory(
        name="Elternverein Brücke e. V.", contact_name="Vorsitz", contact_email=ENTRY_EMAIL
    )


def public_form(name: str, entry) -> PublicForm:
    manage_path = path_of(manage_link(entry))
    organisation_text = [
        "name",
        "register_court",
        "street",
        "city",
        "description",
        "contact_name",
        "contact_role",
    ]
    match name:
        case "registration":
            return PublicForm(
                path="/de/migrantenorganisationen/anmelden/",
                data=registration_data(**fresh_start()),
                text_fields=organisation_text,
                model=Organisation,
                success_path="/de/migrantenorganisationen/anmelden/danke/",
                email_field="contact_email",
                defaults={"status": Status.UNCONFIRMED},
                limit=10,
            )
        case "change-request":
            return PublicForm(
                path=f"{manage_path}aendern/",
                data=change_data(**fresh_start()),
                text_fields=organisation_text,
                model=Organisation,
                success_path=f"{manage_path}?gespeichert=aenderung",
                email_field="contact_email",
                defaults={"status": Status.PENDING},
                limit=20,
            )
        case "topic-wishes":
            return PublicForm(
                path=f"{manage_path}themen/",
                data={"topics": [QualificationTopic.objects.first().pk]},
                text_fields=[],
                model=TopicWish,
                success_path=f"{manage_path}?gespeichert=themen",
            )
        case "new-link":
            return PublicForm(
                path="/de/migrantenorganisationen/eintrag/link/",
                data={"email": ENTRY_EMAIL, **fresh_start()},
                text_fields=[],
                model=OutgoingMail,
                success_path="/de/migrantenorganisationen/eintrag/link/gesendet/",
                email_field="email",
                limit=5,
            )
        case "barrier-report":
            return PublicForm(
                path="/de/barrierefreiheit/rueckmeldung/",
                data=report(**fresh_start()),
                text_fields=["description", "name"],
                model=BarrierFeedback,
                success_path="/de/barrierefreiheit/rueckmeldung/danke/",
                email_field="email",
                defaults={"answered_on": None},
                limit=10,
            )
        case "counselling-request":
            return PublicForm(
                path="/de/beratung/anfrage/",
                data=request_data(topic="accompaniment", authority="Jobcenter", **fresh_start()),
                text_fields=["name", "authority", "message"],
                model=CounsellingRequest,
                success_path="/de/beratung/anfrage/gesendet/",
                defaults={"status": RequestStatus.NEW},
                limit=5,
            )
    raise ValueError(name)


FORMS = [
    "registration",
    "change-request",
    "topic-wishes",
    "new-link",
    "barrier-report",
    "counselling-request",
]
# The forms with a honeypot, a fill-time check and a submission key.
PROTECTED_FORMS = [name for name in FORMS if name != "topic-wishes"]


@pytest.fixture
def send(client, django_capture_on_commit_callbacks, caplog):
    """Posts like a browser, runs what waits for the commit (mails) and logs at DEBUG."""
    caplog.set_level(logging.DEBUG)

    def post(path, data, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(path, data, **kwargs)

    return post


def row_counts() -> dict[str, int]:
    """The number of rows in every table a public form may write to."""
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in WRITTEN_APPS and not model._meta.proxy
    }


def assert_clean_text(value: str) -> None:
    """Stored text has no control, bidi or invisible character and is not only invisible."""
    assert not any(
        unicodedata.category(c) in {"Cc", "Cf"} and c not in "\t\n\u200c\u200d" for c in value
    )
    assert not value or value.strip(ZERO_WIDTH_ONLY + BLANK_LETTERS_ONLY), repr(value)


def assert_error_page(response, before):
    assert response.status_code == 200
    page = response.content.decode()
    # The error summary on top, each message next to its field, in German.
    assert "kern-error" in page
    assert "<title>Fehler:" in page
    assert row_counts() == before


def assert_harmless(response, form: PublicForm, before: dict):
    """A translated error and nothing stored, or the success page and one clean record."""
    assert response.status_code in {200, 302}, response.status_code
    assert_no_active_markup(response.content)
    if response.status_code == 200:
        assert_error_page(response, before)
        return
    assert response["Location"] == form.success_path
    after = row_counts()
    assert after[form.model._meta.label] == before[form.model._meta.label] + 1
    record = form.model._base_manager.latest("pk")
    for name in form.text_fields:
        assert_clean_text(getattr(record, name))


def every_text_field(form: PublicForm, value: str) -> dict:
    return {**form.data, **dict.fromkeys(form.text_fields, value)}


def every_field(form: PublicForm, value: str) -> dict:
    return dict.fromkeys([*form.data, "fax_number"], value) | {"fax_number": ""}


# Each form once per input with the input in every text field, and once with it in every field.
FILLS = [
    pytest.param(name, fill, id=f"{name}-{fill.__name__}")
    for name in FORMS
    for fill in [every_text_field, every_field]
    if fill is every_field or name not in {"topic-wishes", "new-link"}
]


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize(("name", "fill"), FILLS)
def test_a_hostile_input_gets_an_error_or_a_clean_record(send, entry, caplog, name, value, fill):
    form = public_form(name, entry)
    before = row_counts()

    response = send(form.path, fill(form, value))

    assert_harmless(response, form, before)
    assert_not_logged(caplog, value, ENTRY_EMAIL, form.data.get(form.email_field, ""))


def test_a_name_in_nfd_is_stored_as_in_nfc_and_found_as_a_duplicate(send, entry):
    form = public_form("registration", entry)
    send(form.path, form.data | {"name": CAFE_NFC})
    send(form.path, form.data | fresh_start() | {"name": CAFE_NFD})

    first, second = Organisation.objects.filter(status=Status.UNCONFIRMED).order_by("pk")
    assert first.name == second.name == CAFE_NFC
    first.status = Status.PENDING
    first.save()
    assert list(second.possible_duplicates()) == [first]


@pytest.mark.parametrize("name", [name for name in FORMS if name != "topic-wishes"])
def test_an_address_with_a_second_header_is_refused_and_nothing_mailed(send, entry, name):
    form = public_form(name, entry)
    field = form.email_field or "contact_detail"
    data = form.data | {field: HEADER_INJECTION}
    if name == "counselling-request":
        data |= {"channel": "email", "wants_confirmation": "on"}
    before = row_counts()

    response = send(form.path, data)

    assert_error_page(response, before)
    assert f'id="id_{field}-error"' in response.content.decode()
    assert mail.outbox == []


def test_mails_carry_no_header_from_a_form(send, entry):
    """What a person types ends up in mails only as text: one recipient, no extra header."""
    form = public_form("registration", entry)
    send(form.path, form.data | {"name": "Verein\r\nBcc: x@evil.example"})

    (message,) = mail.outbox
    assert message.recipients() == [form.data["contact_email"]]
    assert "evil.example" not in str(message.message()).split("\n\n", 1)[0]


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("registration", "website"),
        ("registration", "social_links"),
        ("change-request", "website"),
        ("barrier-report", "page_url"),
    ],
)
def test_a_javascript_address_is_refused(send, entry, name, field):
    form = public_form(name, entry)
    before = row_counts()

    response = send(form.path, form.data | {field: JAVASCRIPT_URL})

    assert_error_page(response, before)
    assert f'id="id_{field}-error"' in response.content.decode()


EXTRA_FIELDS = {
    "status": "approved",
    "is_published": "1",
    "reviewed": "1",
    "answered_on": "2026-01-01",
    "confirmed_at": "2026-01-01 10:00",
    "link_secret": "chosen",
    "revision_of": "1",
    "id": "1",
    "consent_version": "0",
}


@pytest.mark.parametrize(
    "name", ["registration", "change-request", "barrier-report", "counselling-request"]
)
def test_extra_and_duplicated_fields_are_ignored(send, entry, name):
    form = public_form(name, entry)
    first_text = form.text_fields[0]
    data = form.data | EXTRA_FIELDS | {first_text: ["Erster Wert", "Zweiter Wert"]}

    response = send(form.path, data)

    assert response.status_code == 302
    record = form.model._base_manager.latest("pk")
    for attribute, default in form.defaults.items():
        assert getattr(record, attribute) == default
    assert getattr(record, first_text) == "Zweiter Wert"
    if form.model is Organisation:
        assert record.link_secret != "chosen"
        assert record.consent_version != "0"
    if name == "registration":
        assert record.confirmed_at is None


@pytest.mark.parametrize("name", PROTECTED_FORMS)
def test_the_same_form_sent_twice_is_stored_once_with_the_same_answer(send, entry, name):
    form = public_form(name, entry)
    before = row_counts()

    first = send(form.path, form.data)
    replay = send(form.path, form.data)

    assert first.status_code == replay.status_code == 302
    assert first["Location"] == replay["Location"] == form.success_path
    assert row_counts()[form.model._meta.label] == before[form.model._meta.label] + 1


MANAGE_STEPS = ["", "zurueckziehen/"]


@pytest.mark.parametrize("name", FORMS)
def test_a_form_without_csrf_token_gets_the_friendly_page_and_stores_nothing(entry, name):
    form = public_form(name, entry)
    before = row_counts()

    response = Client(enforce_csrf_checks=True).post(form.path, form.data)

    assert response.status_code == 403
    page = response.content.decode()
    assert "Formular bitte neu öffnen" in page
    assert f'href="{form.path}"' in page
    assert row_counts() == before


@pytest.mark.parametrize("step", MANAGE_STEPS)
def test_a_self_service_button_without_csrf_token_changes_nothing(entry, step):
    path = path_of(manage_link(entry)) + step

    response = Client(enforce_csrf_checks=True).post(path)

    assert response.status_code == 403
    assert "Formular bitte neu öffnen" in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == Status.APPROVED


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
@pytest.mark.parametrize("name", FORMS)
def test_other_methods_are_not_allowed(client, entry, name, method):
    form = public_form(name, entry)
    before = row_counts()

    response = getattr(client, method)(
        form.path, json.dumps(form.data), content_type="application/json"
    )

    assert response.status_code == 405
    assert row_counts() == before


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
@pytest.mark.parametrize("step", MANAGE_STEPS)
def test_other_methods_on_a_self_service_button_change_nothing(client, entry, step, method):
    response = getattr(client, method)(path_of(manage_link(entry)) + step)

    assert response.status_code == 405
    entry.refresh_from_db()
    assert entry.status == Status.APPROVED


@pytest.mark.parametrize("name", PROTECTED_FORMS)
def test_a_json_body_gets_the_form_errors_and_stores_nothing(send, entry, name):
    form = public_form(name, entry)
    before = row_counts()

    response = send(form.path, json.dumps(form.data), content_type="application/json")

    assert_error_page(response, before)


@pytest.mark.parametrize("name", PROTECTED_FORMS)
def test_a_filled_honeypot_looks_sent_and_stores_nothing(send, entry, name):
    form = public_form(name, entry)
    before = row_counts()

    response = send(form.path, form.data | {"fax_number": "+49 30 1234567"})

    assert response.status_code == 302
    assert response["Location"] == form.success_path
    assert row_counts() == before
    assert mail.outbox == []


@pytest.mark.parametrize("name", PROTECTED_FORMS)
def test_one_post_over_the_limit_gets_the_429_page_and_is_not_stored(send, entry, name):
    form = public_form(name, entry)
    for _ in range(form.limit):
        send(form.path, {})
    before = row_counts()

    response = send(form.path, form.data)

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Zu viele Anfragen" in response.content.decode()
    assert row_counts() == before
