"""A woman or girl sends a counselling request; bad input, spam and replays are refused."""

import datetime
import html
import re
import time
import uuid

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone

from counselling.forms import MESSAGE_CONSENT
from counselling.models import CounsellingRequest, MonthlyCount, Status
from portal.encryption import decrypt
from portal.forms import form_started_token
from tests.concurrency import on_postgresql, post_at_once

pytestmark = pytest.mark.django_db

FORM_URL = "/de/beratung/anfrage/"
SENT_URL = "/de/beratung/anfrage/gesendet/"
MESSAGE = "Mein Mann liest meine Briefe. Ich brauche Hilfe mit dem Jobcenter."


def request_data(**overrides):
    """What a woman who asks to be called back sends, with a name and a message."""
    data = {
        "topic": "family",
        "channel": "phone",
        "contact_detail": "0208 825-1234",
        "name": "Leyla",
        "language": "tr",
        "preferred_days": ["0", "2"],
        "preferred_time": "morning",
        "message": MESSAGE,
        "message_consent": "on",
        "started": form_started_token(time.time() - 30),
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def send(client, in_language="de", **overrides):
    return client.post(f"/{in_language}/beratung/anfrage/", request_data(**overrides))


def field_error(page: str, field: str) -> str:
    """The error shown right below the field (the element its aria-describedby names)."""
    match = re.search(
        rf'<p class="kern-error" id="id_{field}-error">.*?<span class="kern-body">(.*?)</span>',
        page,
        re.DOTALL,
    )
    assert match, f"no error next to {field}"
    return html.unescape(match.group(1))


def in_the_future(days=14):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_a_request_is_stored_with_what_she_chose_and_she_sees_the_sent_page(client):
    response = send(client)

    assert response.status_code == 302
    assert response["Location"] == SENT_URL
    stored = CounsellingRequest.objects.get()
    assert stored.status == Status.NEW
    assert stored.topic == "family"
    assert stored.channel == "phone"
    assert stored.contact_detail == "0208 825-1234"
    assert stored.name == "Leyla"
    assert stored.language_id == "tr"
    assert stored.preferred_days == [0, 2]
    assert stored.preferred_time == "morning"
    assert stored.message == MESSAGE
    assert stored.message_consent_at is not None
    assert stored.message_consent_text == str(MESSAGE_CONSENT)
    assert stored.authority == stored.appointment == ""
    assert not stored.confirmation_requested
    assert stored.page_language == "de"
    assert stored.closed_at is None
    assert re.fullmatch(r"B-[A-HJ-NP-Z2-9]{6}", stored.reference)
    count = MonthlyCount.objects.get()
    assert (count.topic, count.language_id, count.channel, count.count) == (
        "family",
        "tr",
        "phone",
        1,
    )
    assert count.month == timezone.localdate().replace(day=1)


def test_a_request_without_name_and_message_is_enough(client):
    response = send(client, channel="visit", contact_detail="", name="", message="")

    assert response.status_code == 302
    stored = CounsellingRequest.objects.get()
    assert stored.contact_detail == stored.name == stored.message == ""
    assert stored.message_consent_at is None
    assert stored.message_consent_text == ""


def test_an_accompaniment_keeps_the_authority_and_the_appointment(client):
    day = in_the_future()

    send(
        client,
        topic="accompaniment",
        authority="Ausländerbehörde",
        appointment_date=day.isoformat(),
        appointment_time="09:30",
    )

    stored = CounsellingRequest.objects.get()
    assert stored.authority == "Ausländerbehörde"
    assert stored.appointment == f"{day.isoformat()} 09:30"


def test_accompaniment_details_are_dropped_for_another_topic(client):
    send(
        client,
        topic="health",
        authority="Gesundheitsamt",
        appointment_date=in_the_future().isoformat(),
        appointment_time="09:30",
    )

    stored = CounsellingRequest.objects.get()
    assert stored.authority == stored.appointment == ""


def test_a_request_from_the_arabic_page_remembers_the_page_language(client):
    response = send(client, in_language="ar")

    assert response["Location"] == "/ar/beratung/anfrage/gesendet/"
    assert CounsellingRequest.objects.get().page_language == "ar"


def test_the_same_form_sent_twice_stores_one_request_and_tells_the_team_once(
    client, counsellor, django_capture_on_commit_callbacks
):
    key = str(uuid.uuid4())
    with django_capture_on_commit_callbacks(execute=True):
        first = send(client, submission_key=key)
        second = send(client, submission_key=key)

    assert first.status_code == second.status_code == 302
    assert second["Location"] == SENT_URL
    assert CounsellingRequest.objects.count() == 1
    assert MonthlyCount.objects.get().count == 1
    assert len(mail.outbox) == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_same_form_sent_three_times_at_once_stores_one_request_counted_once(counsellor):
    # The notice that she joined the team went out already.
    mail.outbox.clear()
    responses = post_at_once(FORM_URL, request_data(), times=3)

    assert [(response.status_code, response["Location"]) for response in responses] == [
        (302, SENT_URL)
    ] * 3
    assert CounsellingRequest.objects.count() == 1
    assert MonthlyCount.objects.get().count == 1
    assert [message.to for message in mail.outbox] == [[counsellor.email]]


@pytest.mark.parametrize(
    ("channel", "number"),
    [
        ("phone", "0208 825-1234"),
        ("phone", "+49 176 12345678"),
        ("phone", "0049 30 1234567"),
        ("phone", "+90 532 123 45 67"),
        ("phone", "+49 (0)208 8251234"),
        ("sms", "0176 12345678"),
        ("sms", "+49 176 12345678"),
        ("sms", "0049 151 23456789"),
        ("sms", "+90 532 123 45 67"),
    ],
)
def test_german_and_international_numbers_are_accepted(client, channel, number):
    response = send(client, channel=channel, contact_detail=number)

    assert response.status_code == 302
    assert CounsellingRequest.objects.get().contact_detail == number


def test_an_email_address_is_stored_for_the_email_channel(client):
    send(client, channel="email", contact_detail="  leyla@example.org ")

    assert CounsellingRequest.objects.get().contact_detail == "leyla@example.org"


PHONE_FORMAT = "Bitte geben Sie eine Telefonnummer aus Ziffern an"
NEEDS_MOBILE = "Für eine SMS brauchen wir eine Handynummer"
NEEDS_PHONE = "Bitte geben Sie eine Telefonnummer an."
NEEDS_EMAIL = "Bitte geben Sie eine E-Mail-Adresse an."
BAD_EMAIL = "Bitte gültige E-Mail-Adresse eingeben."
NO_DETAIL_FOR_VISIT = "Wenn Sie vorbeikommen, brauchen wir keine Telefonnummer"
HTML_REFUSED = "Bitte geben Sie keinen HTML-Code ein."
INVALID_CHOICE = "Bitte eine gültige Auswahl treffen."

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)
IN_400_DAYS = timezone.localdate() + datetime.timedelta(days=400)
ACCOMPANIMENT = {"topic": "accompaniment", "authority": "Jobcenter"}


def reached(channel, detail):
    return {"channel": channel, "contact_detail": detail}


BAD_INPUT = {
    "phone without number": (reached("phone", ""), "contact_detail", NEEDS_PHONE),
    "sms without number": (reached("sms", ""), "contact_detail", NEEDS_PHONE),
    "email without address": (reached("email", ""), "contact_detail", NEEDS_EMAIL),
    "phone with letters": (reached("phone", "null acht"), "contact_detail", PHONE_FORMAT),
    "phone too short": (reached("phone", "12345"), "contact_detail", PHONE_FORMAT),
    "phone too long": (reached("phone", "+49 176 1234567890123"), "contact_detail", PHONE_FORMAT),
    "phone given an address": (
        reached("phone", "leyla@example.org"),
        "contact_detail",
        PHONE_FORMAT,
    ),
    "sms to a landline": (reached("sms", "0208 825-1234"), "contact_detail", NEEDS_MOBILE),
    "sms to an international landline": (
        reached("sms", "+49 208 8251234"),
        "contact_detail",
        NEEDS_MOBILE,
    ),
    "sms given letters": (reached("sms", "Handy"), "contact_detail", PHONE_FORMAT),
    "email without domain": (reached("email", "leyla@"), "contact_detail", BAD_EMAIL),
    "email given a number": (reached("email", "0176 12345678"), "contact_detail", BAD_EMAIL),
    "visit with a number": (
        reached("visit", "0176 12345678"),
        "contact_detail",
        NO_DETAIL_FOR_VISIT,
    ),
    "message without consent": (
        {"message_consent": None},
        "message_consent",
        "Wir dürfen Ihre Nachricht nur mit Ihrer Einwilligung speichern.",
    ),
    "name too long": ({"name": "L" * 101}, "name", "höchstens 100 Zeichen"),
    "message too long": ({"message": "x" * 1001}, "message", "höchstens 1000 Zeichen"),
    "appointment in the past": (
        {**ACCOMPANIMENT, "appointment_date": YESTERDAY.isoformat()},
        "appointment_date",
        "Dieser Tag liegt in der Vergangenheit.",
    ),
    "appointment more than a year ahead": (
        {**ACCOMPANIMENT, "appointment_date": IN_400_DAYS.isoformat()},
        "appointment_date",
        "Bitte geben Sie einen Termin in den nächsten zwölf Monaten an.",
    ),
    "appointment time without date": (
        {**ACCOMPANIMENT, "appointment_time": "10:00"},
        "appointment_date",
        "Bitte geben Sie auch das Datum an.",
    ),
    "accompaniment without authority": (
        {**ACCOMPANIMENT, "authority": ""},
        "authority",
        "Bitte sagen Sie uns, zu welcher Behörde",
    ),
    "confirmation without email": (
        {"channel": "phone", "wants_confirmation": "on"},
        "wants_confirmation",
        "Eine Bestätigung können wir nur per E-Mail schicken.",
    ),
    "html in the name": ({"name": "<b>Leyla</b>"}, "name", HTML_REFUSED),
    "script in the name": ({"name": "<script>alert(1)</script>"}, "name", HTML_REFUSED),
    "unknown language": ({"language": "xx"}, "language", INVALID_CHOICE),
    "unknown topic": ({"topic": "nationality"}, "topic", INVALID_CHOICE),
}


@pytest.mark.parametrize(("overrides", "field", "error"), BAD_INPUT.values(), ids=BAD_INPUT)
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_stored(
    client, counsellor, django_capture_on_commit_callbacks, overrides, field, error
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, **overrides)

    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Fehler:" in page
    assert error in field_error(page, field)
    assert f'href="#id_{field}' in page
    assert CounsellingRequest.objects.count() == 0
    assert MonthlyCount.objects.count() == 0
    assert mail.outbox == []


def test_the_form_keeps_what_she_typed_when_something_is_wrong(client):
    response = send(
        client,
        channel="sms",
        contact_detail="0208 825-1234",
        name="Leyla Beispiel",
        preferred_days=["1", "3"],
        message_consent=None,
    )

    page = response.content.decode()
    form = response.context["form"]
    assert set(form.errors) == {"contact_detail", "message_consent"}
    assert 'value="0208 825-1234"' in page
    assert 'value="Leyla Beispiel"' in page
    assert re.search(rf">\s*{re.escape(MESSAGE)}</textarea>", page)
    assert re.search(r'<option value="tr"[^>]* selected', page)
    assert re.search(r'value="sms"[^>]* checked', page)
    assert re.search(r'value="1"[^>]* checked', page)
    assert CounsellingRequest.objects.count() == 0


def test_markup_she_typed_is_shown_back_as_text(client):
    response = send(client, name='"><script>alert(1)</script>')

    page = response.content.decode()
    assert "<script>alert(1)" not in page
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page


def test_an_empty_form_names_every_missing_field_and_stores_nothing(client):
    response = client.post(FORM_URL, {"started": form_started_token(time.time() - 30)})

    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) >= {"topic", "channel", "language", "preferred_time"}
    page = response.content.decode()
    assert field_error(page, "topic") == "Bitte wählen Sie, worum es geht."
    assert field_error(page, "channel") == "Bitte wählen Sie, wie wir Sie erreichen sollen."
    assert field_error(page, "language") == "Bitte wählen Sie eine Sprache."
    assert CounsellingRequest.objects.count() == 0


def test_a_form_sent_within_seconds_is_refused_with_a_message(client):
    response = send(client, started=form_started_token(time.time()))

    assert response.status_code == 200
    assert "Das ging so schnell" in response.content.decode()
    assert CounsellingRequest.objects.count() == 0


def test_extra_fields_in_the_post_are_ignored(client):
    send(
        client,
        status="done",
        reference="B-AAAAAA",
        closed_at="2020-01-01 00:00",
        created_at="2020-01-01 00:00",
        updated_at="2020-01-01 00:00",
        page_language="ar",
        confirmation_requested="on",
        message_consent_text="nichts",
    )

    stored = CounsellingRequest.objects.get()
    assert stored.status == Status.NEW
    assert stored.reference != "B-AAAAAA"
    assert stored.closed_at is None
    assert stored.created_at.year == timezone.now().year
    assert stored.updated_at.year == timezone.now().year
    assert stored.page_language == "de"
    assert not stored.confirmation_requested
    assert stored.message_consent_text == str(MESSAGE_CONSENT)


def test_a_filled_honeypot_looks_sent_but_stores_and_sends_nothing(
    client, counsellor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, fax_number="0208 123456")

    assert response.status_code == 302
    assert response["Location"] == SENT_URL
    assert CounsellingRequest.objects.count() == 0
    assert MonthlyCount.objects.count() == 0
    assert mail.outbox == []


def test_the_sixth_post_within_an_hour_gets_a_friendly_429_in_the_counselling_frame(client):
    for _attempt in range(5):
        assert send(client).status_code == 302

    response = send(client)

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    page = response.content.decode()
    assert "Zu viele Anfragen" in page
    assert "in 60 Minuten noch einmal" in page
    assert re.search(
        rf'<a [^>]*href="{re.escape(settings.QUICK_EXIT_URL)}"[^>]*data-quick-exit', page
    )
    assert 'href="tel:116016"' in page
    assert CounsellingRequest.objects.count() == 5


def test_reading_the_form_after_the_limit_still_works(client):
    for _attempt in range(6):
        send(client)

    assert client.get(FORM_URL).status_code == 200


def test_another_address_is_not_limited(client):
    for _attempt in range(6):
        send(client)

    response = client.post(FORM_URL, request_data(), REMOTE_ADDR="192.0.2.7")

    assert response.status_code == 302
    assert CounsellingRequest.objects.count() == 6


def csrf_client():
    """A browser that keeps the CSRF cookie and the token the form page gave it."""
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(FORM_URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert "csrftoken" in browser.cookies
    return browser, token


def test_a_post_without_csrf_token_is_refused():
    browser, _token = csrf_client()

    response = browser.post(FORM_URL, request_data())

    assert response.status_code == 403
    assert CounsellingRequest.objects.count() == 0


def test_a_post_with_origin_null_and_a_valid_token_is_accepted():
    """The page is sent with "Referrer-Policy: no-referrer", so browsers send "Origin: null"."""
    browser, token = csrf_client()

    response = browser.post(FORM_URL, request_data(csrfmiddlewaretoken=token), HTTP_ORIGIN="null")

    assert response.status_code == 302
    assert CounsellingRequest.objects.count() == 1


def test_a_post_with_origin_null_and_no_token_is_refused():
    browser, _token = csrf_client()

    response = browser.post(FORM_URL, request_data(), HTTP_ORIGIN="null")

    assert response.status_code == 403
    assert CounsellingRequest.objects.count() == 0


def test_a_post_from_another_site_is_refused_even_with_a_token():
    browser, token = csrf_client()

    response = browser.post(
        FORM_URL, request_data(csrfmiddlewaretoken=token), HTTP_ORIGIN="https://evil.example"
    )

    assert response.status_code == 403
    assert CounsellingRequest.objects.count() == 0


def raw_columns(table: str, pk: int, columns: list[str]) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = %s", [pk])
        return dict(zip(columns, cursor.fetchone(), strict=True))


def test_the_database_holds_her_words_only_as_ciphertext(client):
    day = in_the_future()
    send(
        client,
        topic="accompaniment",
        authority="Ausländerbehörde Oberhausen",
        appointment_date=day.isoformat(),
        appointment_time="09:30",
        channel="sms",
        contact_detail="0176 98765432",
        name="Leyla Beispiel",
    )
    stored = CounsellingRequest.objects.get()
    clear = {
        "contact_detail": "0176 98765432",
        "name": "Leyla Beispiel",
        "message": MESSAGE,
        "authority": "Ausländerbehörde Oberhausen",
        "appointment": f"{day.isoformat()} 09:30",
    }

    raw = raw_columns("counselling_counsellingrequest", stored.pk, list(clear))

    for column, text in clear.items():
        assert text not in raw[column], column
        assert "Leyla" not in raw[column], column
        assert decrypt(raw[column]) == text, column


def test_the_consent_is_not_marked_optional_and_its_summary_line_has_no_stray_colon(client):
    empty = client.get(FORM_URL).content.decode()
    consent_label = empty[empty.index('for="id_message_consent"') :]
    consent_label = consent_label[: consent_label.index("</label>")]
    message_label = empty[empty.index('for="id_message"') :]
    message_label = message_label[: message_label.index("</label>")]
    assert "optional" not in consent_label
    assert "optional" in message_label
    assert "Nötig, wenn Sie eine Nachricht schreiben." in empty

    page = send(client, message_consent=None).content.decode()

    summary = page[page.index('class="error-summary__list"') :]
    summary = html.unescape(summary[: summary.index("</ul>")])
    assert "dann löschen wir meine Anfrage: Wir dürfen Ihre Nachricht" in summary
    assert ".:" not in summary
