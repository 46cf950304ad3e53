"""Retention as the privacy page states it: each period a setting, enforced by the daily
jobs (`manage.py run_daily_jobs`), and no working self-service link in a log."""

import datetime
import io
import logging
import re

import pytest
import reversion
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django.utils.formats import date_format
from reversion.models import Revision, Version

from centre.models import BarrierFeedback, ContactPerson
from organisations.logs import RedactLinkTokens
from organisations.models import Decision, DecisionKind, Organisation, QualificationTopic
from organisations.services import manage_link
from tests.concurrency import on_postgresql
from tests.factories import (
    ContactPersonFactory,
    FieldOfWorkFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.servers import Gunicorn, Nginx, Visitor, production_environment

DAY = datetime.timedelta(days=1)


def run_daily_jobs():
    call_command("run_daily_jobs", stdout=io.StringIO())


def path_of(link: str) -> str:
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def barrier_report(**fields):
    return BarrierFeedback.objects.create(
        description="Das Formular lässt sich mit der Tastatur nicht absenden.",
        page_url="/de/kontakt/",
        name="Erika Mustermann",
        email="erika@example.org",
        **fields,
    )


@pytest.mark.django_db
def test_an_unanswered_barrier_report_loses_name_and_e_mail_a_year_after_it_came_in(clock):
    report = barrier_report()

    clock.advance(364 * DAY)
    run_daily_jobs()
    report.refresh_from_db()
    assert (report.name, report.email) == ("Erika Mustermann", "erika@example.org")

    clock.advance(2 * DAY)
    run_daily_jobs()
    report.refresh_from_db()
    assert (report.name, report.email) == ("", "")
    # The barrier itself still needs fixing.
    assert report.description.startswith("Das Formular")
    assert report.page_url == "/de/kontakt/"


@pytest.mark.django_db
def test_the_period_for_unanswered_barrier_reports_is_a_setting(clock, settings):
    settings.BARRIER_UNANSWERED_KEEP_DAYS = 30
    report = barrier_report()

    clock.advance(31 * DAY)
    run_daily_jobs()

    report.refresh_from_db()
    assert (report.name, report.email) == ("", "")


@pytest.mark.django_db
def test_an_answered_barrier_report_keeps_its_contact_until_it_is_deleted(clock):
    answered = barrier_report()
    answered.answered_on = (answered.created_at + 10 * DAY).date()
    answered.save()

    clock.advance(366 * DAY)
    run_daily_jobs()

    answered.refresh_from_db()
    assert answered.email == "erika@example.org"
    clock.advance(30 * DAY)
    run_daily_jobs()
    assert not BarrierFeedback.objects.exists()


HIDDEN_AFTER_DAYS = 395


@pytest.fixture
def hidden_entry(db):
    entry = OrganisationFactory(
        name="Elternverein Brücke e. V.",
        contact_name="Ayşe Kaya",
        contact_email="vorstand@bruecke.example",
        contact_phone="0208 111111",
        street="Brückenweg 1",
        postal_code="46045",
    )
    entry.topic_wishes.create(topic=QualificationTopic.objects.first())
    return entry


@pytest.mark.django_db
def test_an_entry_hidden_for_half_a_year_is_deleted_with_all_its_data(clock, hidden_entry):
    confirmed_later = OrganisationFactory()
    clock.advance((HIDDEN_AFTER_DAYS + 1) * DAY)
    run_daily_jobs()
    assert not hidden_entry.is_public()
    confirmed_later.last_confirmed_at += 300 * DAY
    confirmed_later.save()

    clock.advance(181 * DAY)
    run_daily_jobs()
    assert Organisation.objects.filter(pk=hidden_entry.pk).exists()

    clock.advance(2 * DAY)
    run_daily_jobs()
    assert list(Organisation.objects.all()) == [confirmed_later]
    assert not Organisation.objects.filter(contact_email="vorstand@bruecke.example").exists()
    # The decision log says that an entry was deleted, without naming it.
    deletion = Decision.objects.get(kind=DecisionKind.DELETED_UNCONFIRMED)
    assert deletion.organisation is None
    assert not Decision.objects.filter(organisation_id=hidden_entry.pk).exists()


@pytest.mark.django_db
def test_the_period_for_hidden_entries_is_a_setting(clock, settings, hidden_entry):
    settings.ORGANISATION_HIDDEN_KEEP_DAYS = 30

    clock.advance((HIDDEN_AFTER_DAYS + 31) * DAY)
    run_daily_jobs()

    assert not Organisation.objects.filter(pk=hidden_entry.pk).exists()


@pytest.mark.django_db
def test_the_representative_is_told_when_a_hidden_entry_will_be_deleted(
    client, clock, hidden_entry
):
    clock.advance(366 * DAY)
    run_daily_jobs()
    (reminder,) = [message for message in mail.outbox if message.to == [hidden_entry.contact_email]]
    assert "in einem Monat aus und löschen ihn 183 Tage später mit allen Angaben" in " ".join(
        reminder.body.split()
    )

    clock.advance(30 * DAY)
    run_daily_jobs()
    page = client.get(path_of(manage_link(hidden_entry))).content.decode()

    deleted_on = timezone.localtime(
        hidden_entry.last_confirmed_at + (HIDDEN_AFTER_DAYS + 183) * DAY
    )
    assert "Ihr Eintrag ist zurzeit ausgeblendet" in page
    assert f"Ohne Bestätigung löschen wir ihn am {date_format(deleted_on)} mit allen" in page


@pytest.mark.django_db
def test_an_expired_session_is_gone_after_the_daily_jobs(clock):
    expired = SessionStore()
    expired["purpose"] = "a staff member who closed the tab"
    expired.create()

    clock.advance(datetime.timedelta(seconds=expired.get_expiry_age()) + DAY)
    current = SessionStore()
    current.create()
    run_daily_jobs()

    assert list(Session.objects.values_list("session_key", flat=True)) == [current.session_key]


@pytest.mark.django_db
def test_the_privacy_page_states_every_period_from_the_settings(client, settings):
    settings.SERVER_LOG_DAYS = 7
    settings.BARRIER_UNANSWERED_KEEP_DAYS = 200
    settings.ORGANISATION_HIDDEN_KEEP_DAYS = 90

    page = " ".join(client.get("/de/datenschutz/").content.decode().split())

    assert "Wie lange wir Daten speichern" in page
    assert "Wir löschen sie nach 7 Tagen." in page
    assert "Ihren Namen und Ihre E-Mail-Adresse 200 Tage nach dem Eingang" in page
    assert "blenden wir aus und löschen sie 90 Tage später mit allen Angaben" in page
    assert "90 Tage nach Abschluss Ihres Anliegens" in page
    assert "14 Tage nach dem Versand" in page


@pytest.mark.django_db
def test_the_privacy_page_counts_each_period_in_its_own_sentence(client, settings):
    settings.SERVER_LOG_DAYS = 1
    settings.COUNSELLING_KEEP_CLOSED_DAYS = 1
    settings.COUNSELLING_KEEP_UNTOUCHED_DAYS = 30

    page = " ".join(client.get("/de/datenschutz/").content.decode().split())

    assert "Wir löschen sie nach 1 Tag." in page
    assert (
        "Wir löschen Ihre Angaben 1 Tag nach Abschluss Ihres Anliegens. Eine Anfrage, die "
        "niemand bearbeitet, löschen wir 30 Tage nach der letzten Änderung."
    ) in page


@pytest.fixture
def console_log():
    """What the portal's log handler (settings.LOGGING) writes, while the test runs."""
    (handler,) = [
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(log_filter, RedactLinkTokens) for log_filter in handler.filters)
    ]
    written = io.StringIO()
    previous = handler.setStream(written)
    yield written
    handler.setStream(previous)


@pytest.mark.django_db
def test_django_logs_a_refused_self_service_link_without_its_token(
    client, console_log, hidden_entry
):
    token = path_of(manage_link(hidden_entry)).split("/")[-2]
    tampered = token[:-3] + "xyz"

    response = client.get(f"/de/migrantenorganisationen/eintrag/{tampered}/themen/")

    assert response.status_code == 400
    assert (
        "Bad Request: /de/migrantenorganisationen/eintrag/[token]/themen/" in console_log.getvalue()
    )
    assert tampered not in console_log.getvalue()


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_access_log_of_nginx_holds_no_token_of_a_self_service_link(
    settings, suite_database_url, collected_static
):
    environment = production_environment(
        database_url=suite_database_url, DJANGO_STATIC_ROOT=str(collected_static)
    )
    # The link as the server signs it.
    settings.SECRET_KEY = environment["DJANGO_SECRET_KEY"]
    entry = OrganisationFactory()
    link = path_of(manage_link(entry))
    token = link.split("/")[-2]
    gunicorn = Gunicorn(environment, workers=1).start()
    try:
        nginx = Nginx(upstream=f"127.0.0.1:{gunicorn.port}", static_root=collected_static)
        nginx.start()
        try:
            visitor = Visitor()
            assert visitor.get(nginx.url + link).status == 200
            # The entry's public page, reached from there: the link is the Referer.
            assert (
                visitor.get(
                    nginx.url + entry.get_absolute_url(), headers={"Referer": nginx.url + link}
                ).status
                == 200
            )
            assert visitor.get(nginx.url + link.replace(token, token[:-3] + "xyz")).status == 400
            logged = nginx.access_log.read_text()
        finally:
            nginx.remove()
    finally:
        gunicorn.remove()

    lines = logged.splitlines()
    assert len(lines) == 3
    assert re.search(
        r'"GET /de/migrantenorganisationen/eintrag/\[token\]/ HTTP/1.1" 200 ', lines[0]
    )
    assert f'"{nginx.url}/de/migrantenorganisationen/eintrag/[token]/"' in lines[1]
    assert token[:-3] not in logged


def versions_of(obj):
    return Version.objects.get_for_object(obj)


@pytest.mark.django_db
def test_the_history_of_a_deleted_contact_person_is_gone_90_days_after_the_deletion(clock):
    person = ContactPersonFactory(name="Dilek Aydin", phone="0211 123456")
    with reversion.create_revision():
        reversion.add_to_revision(person)
    pk = person.pk
    clock.advance(30 * DAY)
    # The admin logs who deleted it, and when.
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(ContactPerson),
        object_id=str(pk),
        object_repr="Dilek Aydin",
        action_flag=DELETION,
        action_time=timezone.now(),
        user=UserFactory(),
    )
    person.delete()

    clock.advance(89 * DAY)
    run_daily_jobs()
    kept = Version.objects.get_deleted(ContactPerson).count()
    clock.advance(2 * DAY)
    run_daily_jobs()

    assert kept == 1
    assert not Version.objects.exists()
    assert not Revision.objects.exists()


@pytest.mark.django_db
def test_an_entry_deleted_without_a_log_counts_as_deleted_at_its_last_version(clock, settings):
    settings.HISTORY_DELETED_KEEP_DAYS = 10
    person = ContactPersonFactory(name="Dilek Aydin")
    with reversion.create_revision():
        reversion.add_to_revision(person)
    kept = ContactPersonFactory(name="Jonas Weber")
    with reversion.create_revision():
        reversion.add_to_revision(kept)
    person.delete()

    clock.advance(9 * DAY)
    run_daily_jobs()
    before = Version.objects.get_deleted(ContactPerson).count()
    clock.advance(2 * DAY)
    run_daily_jobs()

    assert before == 1
    assert not Version.objects.get_deleted(ContactPerson).exists()
    assert versions_of(kept).count() == 1


@pytest.mark.django_db
def test_versions_older_than_two_years_are_deleted_except_each_entrys_latest(clock):
    edited = FieldOfWorkFactory(title="Sport")
    untouched = FieldOfWorkFactory(title="Bildung")
    for field in (edited, untouched):
        with reversion.create_revision():
            reversion.add_to_revision(field)
    clock.advance(10 * DAY)
    edited.title = "Sport verbindet"
    with reversion.create_revision():
        edited.save()
    clock.advance(731 * DAY)
    edited.title = "Sport für alle"
    with reversion.create_revision():
        edited.save()

    run_daily_jobs()

    [latest] = versions_of(edited)
    assert latest.field_dict["id"] == edited.pk
    assert latest.revision.version_set.count() > 1  # its translation stays with it
    assert latest.revision.date_created > timezone.now() - DAY
    assert versions_of(untouched).count() == 1
    # The translations of the deleted versions went with them.
    assert Revision.objects.count() == 2


@pytest.mark.django_db
def test_the_periods_of_the_history_are_settings(clock, settings):
    settings.HISTORY_KEEP_DAYS = 5
    field = FieldOfWorkFactory(title="Sport")
    with reversion.create_revision():
        reversion.add_to_revision(field)
    clock.advance(6 * DAY)
    with reversion.create_revision():
        field.save()

    run_daily_jobs()

    assert versions_of(field).count() == 1
