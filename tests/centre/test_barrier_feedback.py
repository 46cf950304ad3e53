"""Reporting a barrier: the public form, the thanks page, the staff mail and the admin."""

import datetime
import html
import io
import re
import time
import uuid

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from centre.models import BarrierFeedback, CentreProfile
from portal.forms import form_started_token
from tests.concurrency import on_postgresql, post_at_once
from tests.factories import UserFactory
from tests.mail import REFUSING_BACKEND
from tests.staff import sign_in
from tests.test_kern_pack import Elements

pytestmark = pytest.mark.django_db

URL = "/de/barrierefreiheit/rueckmeldung/"
THANKS_URL = "/de/barrierefreiheit/rueckmeldung/danke/"
CHANGELIST_URL = "/admin/centre/barrierfeedback/"
SCRIPT = "<script>alert(1)</script>"
DESCRIPTION = "Die Tabelle der Öffnungszeiten liest mein Vorleseprogramm nicht vor."
OMBUDSSTELLE = "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen"


@pytest.fixture
def centre():
    return CentreProfile.objects.create(
        name="Kommunales Integrationszentrum Musterstadt",
        email="integrationszentrum@musterstadt.example",
    )


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """Posts the form like a browser and runs what waits for the commit (the staff mail)."""

    def post(data, url=URL, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **kwargs)

    return post


@pytest.fixture
def accessibility_staff(db):
    """A staff member who answers barrier reports."""
    user = UserFactory(username="barrierefreiheit", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="centre",
            codename__in=["view_barrierfeedback", "change_barrierfeedback"],
        )
    )
    return user


@pytest.fixture
def staff_client(client, accessibility_staff):
    sign_in(client, accessibility_staff)
    return client


def report(**changes):
    """What a person sends who took half a minute to fill in the form."""
    return {
        "page_url": "/de/kontakt/",
        "description": DESCRIPTION,
        "name": "Ada Beispiel",
        "email": "ada@example.org",
        "started": form_started_token(time.time() - 30),
    } | changes


def error_of(page, field):
    """The message shown next to a field, or None."""
    match = re.search(
        rf'<p class="kern-error" id="id_{field}-error">.*?<span class="kern-body">(.*?)</span></p>',
        page,
    )
    return match and html.unescape(match.group(1))


def typed_value(page, field):
    """What the form shows in a field: an input's value or a textarea's text."""
    if field == "description":
        text = re.search(r'<textarea [^>]*id="id_description"[^>]*>\n?(.*?)</textarea>', page, re.S)
        return html.unescape(text.group(1))
    return Elements(page).by_id(f"id_{field}").get("value", "")


def test_form_shows_each_field_with_label_and_hint_and_the_privacy_notice(client):
    response = client.get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    elements = Elements(page)
    assert '<h1 class="kern-heading-x-large">Barriere melden</h1>' in page
    for field, label in [
        ("page_url", "Adresse der Seite"),
        ("description", "Was hat nicht funktioniert?"),
        ("name", "Ihr Name"),
        ("email", "Ihre E-Mail-Adresse"),
    ]:
        assert re.search(rf'<label class="kern-label" for="id_{field}">{re.escape(label)}', page)
        assert elements.by_id(f"id_{field}-hint")
        assert elements.by_id(f"id_{field}")["aria-describedby"] == f"id_{field}-hint"
        # The limit is told in a message, not by the browser silently cutting pasted text.
        assert "maxlength" not in elements.by_id(f"id_{field}")
    assert "required" in elements.by_id("id_description")
    assert elements.by_id("id_email")["type"] == "email"
    assert elements.by_id("id_email")["autocomplete"] == "email"
    assert elements.by_id("id_name")["autocomplete"] == "name"
    privacy_link = '<a class="kern-link" href="/de/datenschutz/#barrierefreiheit-rueckmeldung">'
    assert privacy_link in page
    assert "Zwölf Monate nach unserer Antwort löschen wir sie." in page
    # The notice comes after the last field, right before the button.
    assert page.index('id="id_email"') < page.index(privacy_link) < page.index('type="submit"')
    assert 'name="csrfmiddlewaretoken"' in page


def test_form_page_asks_the_database_nothing_once_the_centre_is_cached(
    client, centre, django_assert_num_queries
):
    client.get(URL)

    with django_assert_num_queries(0):
        assert client.get(URL).status_code == 200


def test_a_report_is_stored_due_in_two_weeks_and_leads_to_the_thanks_page(send, centre):
    response = send(report())

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    feedback = BarrierFeedback.objects.get()
    assert feedback.description == DESCRIPTION
    assert feedback.page_url == "/de/kontakt/"
    assert feedback.name == "Ada Beispiel"
    assert feedback.email == "ada@example.org"
    assert feedback.received_on == timezone.localdate()
    assert feedback.due_on == timezone.localdate() + datetime.timedelta(days=14)
    assert feedback.answered_on is None
    assert not feedback.is_overdue


def test_the_form_carries_a_new_hidden_submission_key_each_time_it_is_shown(client):
    keys = [Elements(client.get(URL).text).by_id("id_submission_key") for _shown in range(2)]

    assert [key.get("type") for key in keys] == ["hidden", "hidden"]
    assert uuid.UUID(keys[0]["value"]) != uuid.UUID(keys[1]["value"])


def test_a_form_shown_again_with_an_error_keeps_its_submission_key(client):
    key = str(uuid.uuid4())

    page = client.post(URL, report(description="", submission_key=key)).text

    assert Elements(page).by_id("id_submission_key")["value"] == key


def test_the_same_report_sent_twice_is_stored_once_and_staff_are_told_once(send, centre):
    data = report(submission_key=str(uuid.uuid4()))

    first, second = send(data), send(data)

    assert [first["Location"], second["Location"]] == [THANKS_URL, THANKS_URL]
    assert BarrierFeedback.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_filled_honeypot_looks_like_success_but_stores_and_sends_nothing(send, centre):
    response = send(report(fax_number="https://spam.example"))

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    assert BarrierFeedback.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize("started", [None, "kaputt", "time"])
def test_a_report_sent_too_fast_or_without_its_start_time_is_shown_again(client, started):
    value = form_started_token() if started == "time" else started
    data = {key: val for key, val in report(started=value).items() if val is not None}

    response = client.post(URL, data)

    assert response.status_code == 200
    assert "automatische Eingabe" in response.text
    assert BarrierFeedback.objects.count() == 0
    # The form shown again carries a fresh start time, so sending it again later works.
    assert response.context["form"]["started"].value() not in {value, None, ""}


def test_the_honeypot_is_hidden_from_people(client):
    page = client.get(URL).text

    assert re.search(r'<div[^>]*class="portal-honeypot"[^>]*>.*?id="id_fax_number"', page, re.S)
    assert Elements(page).by_id("id_started")["type"] == "hidden"


def test_the_eleventh_post_within_an_hour_gets_the_friendly_429_page(client):
    for _attempt in range(10):
        assert client.post(URL, report(description="")).status_code == 200

    response = client.post(URL, report())

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Zu viele Anfragen" in response.text
    assert BarrierFeedback.objects.count() == 0
    assert client.get(URL).status_code == 200
    assert Client(REMOTE_ADDR="192.0.2.7").post(URL, report()).status_code == 302


def test_a_mail_server_that_is_down_still_shows_the_thanks_page_and_keeps_the_report(
    send, centre, settings
):
    settings.EMAIL_BACKEND = REFUSING_BACKEND

    response = send(report())

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    assert BarrierFeedback.objects.get().description == DESCRIPTION


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_same_report_sent_three_times_at_once_is_stored_once_and_staff_are_told_once(
    centre,
):
    responses = post_at_once(URL, report(submission_key=str(uuid.uuid4())), times=3)

    assert [(response.status_code, response["Location"]) for response in responses] == [
        (302, THANKS_URL)
    ] * 3
    assert BarrierFeedback.objects.count() == 1
    assert len(mail.outbox) == 1


def test_staff_are_told_only_that_a_report_arrived_when_it_is_due_and_where(send, centre, settings):
    settings.SITE_URL = "https://ki.musterstadt.example"
    send(report(page_url="/de/kontakt/?geheim=1"))

    feedback = BarrierFeedback.objects.get()
    (message,) = mail.outbox
    assert message.to == ["integrationszentrum@musterstadt.example"]
    assert message.subject == "Neue Rückmeldung zur Barrierefreiheit"
    assert feedback.due_on.strftime("%d.%m.%Y") in message.body
    # The link comes from the portal's own address, not from the request's Host header.
    admin_url = f"https://ki.musterstadt.example/admin/centre/barrierfeedback/{feedback.pk}/change/"
    assert admin_url in message.body
    assert "testserver" not in message.body
    for private in [DESCRIPTION, "Tabelle", "Ada", "Beispiel", "ada@example.org", "geheim"]:
        assert private not in message.subject
        assert private not in message.body


def test_staff_mail_is_german_whichever_language_the_form_was_used_in(send, centre):
    response = send(report(), url="/ar/barrierefreiheit/rueckmeldung/")

    assert response["Location"] == "/ar/barrierefreiheit/rueckmeldung/danke/"
    assert mail.outbox[0].subject == "Neue Rückmeldung zur Barrierefreiheit"


def test_without_a_centre_address_the_report_is_stored_and_no_mail_sent(send):
    assert send(report()).status_code == 302

    assert BarrierFeedback.objects.count() == 1
    assert mail.outbox == []


def test_thanks_page_promises_an_answer_in_time_and_names_the_ombudsstelle(client):
    response = client.get(THANKS_URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "innerhalb von zwei Wochen, spätestens nach sechs Wochen" in page
    assert OMBUDSSTELLE in page
    assert 'href="/de/barrierefreiheit/"' in page


def test_a_link_from_a_page_fills_in_its_address(client):
    page = client.get(URL, {"seite": "/de/kontakt/"}).content.decode()

    assert typed_value(page, "page_url") == "/de/kontakt/"
    assert "kern-error" not in page


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "//andere-seite.example/", SCRIPT, "/de/" + "x" * 500]
)
def test_a_link_with_an_invalid_address_leaves_the_field_empty(client, address):
    page = client.get(URL, {"seite": address}).content.decode()

    assert typed_value(page, "page_url") == ""
    assert "kern-error" not in page
    assert "alert(1)" not in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("description", "", "Dieses Feld ist zwingend erforderlich."),
        ("description", " \n\t ", "Dieses Feld ist zwingend erforderlich."),
        ("description", "a" * 5001, "höchstens 5000 Zeichen"),
        ("name", "a" * 201, "höchstens 200 Zeichen"),
        ("page_url", "/de/" + "a" * 497, "höchstens 500 Zeichen"),
        ("page_url", SCRIPT, "Bitte geben Sie keinen HTML-Code ein."),
        ("description", SCRIPT, "Bitte geben Sie keinen HTML-Code ein."),
        ("description", "Der Link <a href=x>hier</a>", "Bitte geben Sie keinen HTML-Code ein."),
        ("name", SCRIPT, "Bitte geben Sie keinen HTML-Code ein."),
        ("email", SCRIPT, "Bitte geben Sie keinen HTML-Code ein."),
        ("email", "ada@", "Bitte gültige E-Mail-Adresse eingeben."),
        ("page_url", "javascript:alert(1)", "Bitte geben Sie die Adresse der Seite an"),
        ("page_url", "ftp://example.org/", "Bitte geben Sie die Adresse der Seite an"),
        ("page_url", "//andere-seite.example/", "Bitte geben Sie die Adresse der Seite an"),
    ],
)
def test_wrong_input_is_shown_next_to_its_field_kept_and_not_stored(
    send, centre, field, value, message
):
    response = send(report(**{field: value}))

    assert response.status_code == 200
    page = response.content.decode()
    assert message in error_of(page, field)
    assert Elements(page).by_id(f"id_{field}")["aria-invalid"] == "true"
    assert f'href="#id_{field}"' in page
    assert "<title>Fehler: Barriere melden" in page
    assert typed_value(page, field) == value
    for other, typed in report().items():
        # The start time is made anew for the form shown again.
        if other not in {field, "started"}:
            assert typed_value(page, other) == typed
            assert error_of(page, other) is None
    assert "<script>" not in page
    assert not BarrierFeedback.objects.exists()
    assert mail.outbox == []


def test_input_is_stored_trimmed_nfc_normalised_and_without_control_characters(send):
    decomposed = "Die Schaltfla\u0308che\x07 reagiert nicht.\r\nAuch nicht mit Tab."

    send(report(description=f"  {decomposed}\x00 ", name="  Ada  ", page_url=" /de/ "))

    feedback = BarrierFeedback.objects.get()
    assert feedback.description == "Die Schaltfläche reagiert nicht.\nAuch nicht mit Tab."
    assert feedback.name == "Ada"
    assert feedback.page_url == "/de/"


def test_comparisons_are_no_html(send):
    send(report(description="Der Kontrast ist < 4,5 : 1 und die Schrift > 2 mm zu klein."))

    assert BarrierFeedback.objects.get().description.startswith("Der Kontrast ist < 4,5")


def test_an_address_elsewhere_on_the_web_and_no_personal_data_are_fine(send):
    response = send(report(name="", email="", page_url="https://www.nrw.de/a?b=c"))

    assert response.status_code == 302
    feedback = BarrierFeedback.objects.get()
    assert feedback.page_url == "https://www.nrw.de/a?b=c"
    assert (feedback.name, feedback.email) == ("", "")


def test_a_post_without_csrf_token_is_refused_and_stores_nothing(centre):
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(URL, report())

    assert response.status_code == 403
    assert not BarrierFeedback.objects.exists()
    assert mail.outbox == []
    # The same post with the token of the form page goes through.
    token = Elements(browser.get(URL).content.decode()).all("input")[0]["value"]
    assert browser.post(URL, report(csrfmiddlewaretoken=token)).status_code == 302
    assert BarrierFeedback.objects.count() == 1


def test_fields_only_staff_may_set_are_ignored_in_a_post(send):
    send(report(answered_on="2020-01-01", due_on="2020-01-01", staff_note="erledigt"))

    feedback = BarrierFeedback.objects.get()
    assert feedback.answered_on is None
    assert feedback.due_on == timezone.localdate() + datetime.timedelta(days=14)
    assert feedback.staff_note == ""


def test_due_date_counts_from_the_day_in_berlin():
    # 22:30 UTC on 31 March is already 1 April in Berlin (summer time).
    received = datetime.datetime(2026, 3, 31, 22, 30, tzinfo=datetime.UTC)

    feedback = BarrierFeedback.objects.create(description=DESCRIPTION, created_at=received)

    assert feedback.due_on == datetime.date(2026, 4, 15)
    assert str(feedback) == "Rückmeldung vom 01.04.2026"


def test_a_report_is_overdue_only_while_unanswered_after_its_due_date():
    today = timezone.localdate()
    late = BarrierFeedback.objects.create(
        description=DESCRIPTION, created_at=timezone.now() - datetime.timedelta(days=15)
    )
    due_today = BarrierFeedback.objects.create(
        description=DESCRIPTION, created_at=timezone.now() - datetime.timedelta(days=14)
    )
    answered = BarrierFeedback.objects.create(
        description=DESCRIPTION,
        created_at=timezone.now() - datetime.timedelta(days=30),
        answered_on=today,
    )

    assert late.is_overdue
    assert not due_today.is_overdue
    assert not answered.is_overdue
    assert list(BarrierFeedback.objects.overdue()) == [late]


def test_staff_without_the_permission_are_refused(mso_client):
    feedback = BarrierFeedback.objects.create(description=DESCRIPTION)

    assert mso_client.get(CHANGELIST_URL).status_code == 403
    assert mso_client.get(f"{CHANGELIST_URL}{feedback.pk}/change/").status_code == 403


def test_visitors_are_sent_to_the_login(client):
    response = client.get(CHANGELIST_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_see_unanswered_reports_first_most_urgent_on_top(
    staff_client, django_assert_num_queries
):
    now = timezone.now()
    answered = BarrierFeedback.objects.create(
        description=DESCRIPTION,
        page_url="/de/beantwortet/",
        created_at=now - datetime.timedelta(days=40),
        answered_on=timezone.localdate() - datetime.timedelta(days=30),
    )
    fresh = BarrierFeedback.objects.create(description=DESCRIPTION, page_url="/de/neu/")
    late = BarrierFeedback.objects.create(
        description=DESCRIPTION,
        page_url="/de/ueberfaellig/",
        created_at=now - datetime.timedelta(days=20),
    )

    with django_assert_num_queries(13):
        response = staff_client.get(CHANGELIST_URL)

    assert response.status_code == 200
    page = response.content.decode()
    positions = [page.index(f"/{feedback.pk}/change/") for feedback in (late, fresh, answered)]
    assert positions == sorted(positions)
    assert page.count('alt="True"') == 1
    assert ">/de/ueberfaellig/<" in page
    overdue_only = staff_client.get(CHANGELIST_URL, {"stand": "ueberfaellig"}).content.decode()
    assert "/de/ueberfaellig/" in overdue_only
    assert "/de/neu/" not in overdue_only
    assert "/de/beantwortet/" not in overdue_only
    answered_only = staff_client.get(CHANGELIST_URL, {"stand": "beantwortet"}).content.decode()
    assert ">/de/beantwortet/<" in answered_only
    assert "/de/neu/" not in answered_only


def test_staff_cannot_add_a_report_themselves(staff_client, accessibility_staff):
    accessibility_staff.user_permissions.add(Permission.objects.get(codename="add_barrierfeedback"))

    assert staff_client.get(f"{CHANGELIST_URL}add/").status_code == 403
    assert f'href="{CHANGELIST_URL}add/"' not in staff_client.get(CHANGELIST_URL).content.decode()


def test_change_page_shows_the_report_escaped_and_a_reply_template(staff_client):
    feedback = BarrierFeedback.objects.create(
        description=f"Vorgelesen wird nur {SCRIPT}", name=f"Ada {SCRIPT}", email="ada@example.org"
    )

    page = staff_client.get(f"{CHANGELIST_URL}{feedback.pk}/change/").content.decode()

    assert "Vorgelesen wird nur &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Guten Tag Ada &lt;script&gt;alert(1)&lt;/script&gt;," in page
    assert SCRIPT not in page
    assert "Antwortvorlage" in page
    assert OMBUDSSTELLE in page
    assert 'name="description"' not in page
    assert 'name="email"' not in page
    assert 'name="answered_on"' in page
    assert 'name="staff_note"' in page


def test_staff_record_their_answer_but_cannot_change_the_report(staff_client):
    feedback = BarrierFeedback.objects.create(description=DESCRIPTION, name="Ada")
    today = timezone.localdate()

    response = staff_client.post(
        f"{CHANGELIST_URL}{feedback.pk}/change/",
        {
            "answered_on": today.isoformat(),
            "staff_note": "Tabelle mit Zeilenköpfen versehen.",
            "description": "geändert",
            "name": "Jemand anderes",
        },
    )

    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.answered_on == today
    assert feedback.staff_note == "Tabelle mit Zeilenköpfen versehen."
    assert feedback.description == DESCRIPTION
    assert feedback.name == "Ada"


def test_an_answer_cannot_predate_the_report(staff_client):
    feedback = BarrierFeedback.objects.create(description=DESCRIPTION)
    before = feedback.received_on - datetime.timedelta(days=1)

    response = staff_client.post(
        f"{CHANGELIST_URL}{feedback.pk}/change/",
        {"answered_on": before.isoformat(), "staff_note": ""},
    )

    assert response.status_code == 200
    assert "Die Antwort kann nicht vor dem Eingang liegen." in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.answered_on is None


def test_reports_answered_over_a_year_ago_are_deleted_by_the_daily_command():
    today = timezone.localdate()
    long_ago = timezone.now() - datetime.timedelta(days=500)
    expired = BarrierFeedback.objects.create(
        description=DESCRIPTION,
        created_at=long_ago,
        answered_on=today - datetime.timedelta(days=366),
    )
    kept_answered = BarrierFeedback.objects.create(
        description=DESCRIPTION,
        created_at=long_ago,
        answered_on=today - datetime.timedelta(days=365),
    )
    kept_open = BarrierFeedback.objects.create(description=DESCRIPTION, created_at=long_ago)
    out = io.StringIO()

    call_command("delete_expired_barrier_feedback", stdout=out)

    assert set(BarrierFeedback.objects.values_list("pk", flat=True)) == {
        kept_answered.pk,
        kept_open.pk,
    }
    assert not BarrierFeedback.objects.filter(pk=expired.pk).exists()
    assert "1 barrier report(s) deleted." in out.getvalue()


def test_every_page_links_to_the_form_with_its_own_address(client):
    html_text = client.get("/de/kontakt/").content.decode()

    assert 'href="/de/barrierefreiheit/rueckmeldung/?seite=/de/kontakt/"' in html_text
