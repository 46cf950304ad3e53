"""The representative keeps the entry current through signed links, without an account."""

import io
import re
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from centre.models import CentreProfile
from organisations.forms import privacy_notice
from organisations.models import (
    HIDDEN_AFTER,
    NEW_LINK_INTERVAL,
    RECONFIRM_AFTER,
    Decision,
    DecisionKind,
    Organisation,
    QualificationTopic,
    Status,
    TopicWish,
)
from organisations.services import (
    manage_link,
    organisation_send_manage_link,
    organisations_remind_and_hide,
)
from portal.forms import form_started_token
from tests.concurrency import on_postgresql, post_at_once
from tests.factories import OrganisationFactory, PartnerFactory
from tests.mail import REFUSING_BACKEND

NEW_LINK_URL = "/de/migrantenorganisationen/eintrag/link/"
NEW_LINK_SENT_URL = "/de/migrantenorganisationen/eintrag/link/gesendet/"


@pytest.fixture
def centre(db):
    """The centre's address gets the staff mails."""
    return CentreProfile.objects.create(
        name="Kommunales Integrationszentrum Musterstadt",
        email="integrationszentrum@musterstadt.example",
    )


def path_of(link):
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def entry(db):
    organisation = OrganisationFactory(
        name="Elternverein Brücke e. V.",
        contact_name="Vorsitz des Vereins",
        contact_email="vorstand@bruecke.example",
        contact_phone="0208 111111",
        street="Brückenweg 1",
        postal_code="46045",
        city="Musterstadt",
        description="Hausaufgabenhilfe und Elterncafé.",
        publish_contact_email=True,
    )
    organisation.languages.set(["tr", "de"])
    return organisation


@pytest.fixture
def manage_path(entry):
    return path_of(manage_link(entry))


def change_data(**overrides):
    data = {
        "name": "Elternverein Brücke e. V.",
        "legal_form": "ev",
        "contact_name": "Vorsitz des Vereins",
        "contact_email": "vorstand@bruecke.example",
        "description": "Hausaufgabenhilfe, Elterncafé und Sprachkurse.",
        "languages": ["tr", "de", "ar"],
        "started": form_started_token(time.time() - 30),
    }
    data.update(overrides)
    return data


def test_the_manage_page_offers_every_step_and_is_kept_private(client, entry, manage_path):
    response = client.get(manage_path)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Elternverein Brücke e. V." in page
    assert "Eintrag bestätigen" in page
    for step in ["aendern/", "themen/", "zurueckziehen/"]:
        assert f"{manage_path}{step}" in page
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"


def test_confirming_the_entry_keeps_it_another_year(client, entry, manage_path):
    entry.last_confirmed_at = timezone.now() - RECONFIRM_AFTER
    entry.reconfirmation_requested_at = timezone.now()
    entry.save()

    response = client.post(manage_path)

    assert response.status_code == 302
    assert response["Location"] == f"{manage_path}?gespeichert=bestaetigt"
    entry.refresh_from_db()
    assert timezone.now() - entry.last_confirmed_at < timezone.timedelta(minutes=1)
    assert entry.reconfirmation_requested_at is None
    assert entry.decisions.get().kind == DecisionKind.RECONFIRMED
    assert "für ein weiteres Jahr bestätigt" in client.get(response["Location"]).content.decode()


def test_a_change_request_waits_for_review_while_the_entry_stays(
    client, entry, manage_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{manage_path}aendern/", change_data())

    assert response.status_code == 302
    assert response["Location"] == f"{manage_path}?gespeichert=aenderung"
    entry.refresh_from_db()
    assert entry.description == "Hausaufgabenhilfe und Elterncafé."
    assert Organisation.objects.published().get() == entry
    proposal = Organisation.objects.review_queue().get()
    assert proposal.revision_of == entry
    assert proposal.description == "Hausaufgabenhilfe, Elterncafé und Sprachkurse."
    assert sorted(proposal.languages.values_list("code", flat=True)) == ["ar", "de", "tr"]


def test_the_change_form_has_five_parts_and_opens_more_languages_for_a_rare_one(
    client, entry, manage_path
):
    entry.languages.add("ti")

    page = client.get(f"{manage_path}aendern/").content.decode()

    assert "Das Formular hat 5 Teile." in page
    assert "Teil 5 von 6" not in page
    assert "Teil 5 von 5</span> Was darf im Verzeichnis stehen?</h2>" in page
    assert '<details class="language-choice__more" open>' in page
    assert re.search(r'value="ti" id="id_languages_\d+" checked', page)


def test_withdrawing_consent_to_publish_a_detail_takes_effect_at_once(client, entry, manage_path):
    assert entry.publish_contact_email

    client.post(f"{manage_path}aendern/", change_data(description="Neue Beschreibung."))

    entry.refresh_from_db()
    assert not entry.publish_contact_email
    assert entry.description == "Hausaufgabenhilfe und Elterncafé."
    page = client.get(entry.get_absolute_url()).content.decode()
    assert "vorstand@bruecke.example" not in page
    proposal = Organisation.objects.review_queue().get()
    assert not proposal.publish_contact_email


def test_a_second_change_request_replaces_the_waiting_one(client, entry, manage_path):
    client.post(f"{manage_path}aendern/", change_data())
    client.post(f"{manage_path}aendern/", change_data(description="Nur noch Elterncafé."))

    proposal = Organisation.objects.review_queue().get()
    assert proposal.description == "Nur noch Elterncafé."
    page = client.get(f"{manage_path}aendern/").content.decode()
    assert "Nur noch Elterncafé." in page


def test_the_change_form_says_that_a_waiting_change_is_replaced(client, entry, manage_path):
    replaced = "Wenn Sie erneut ändern, ersetzt das die wartende Änderung."
    assert replaced not in client.get(f"{manage_path}aendern/").text

    client.post(f"{manage_path}aendern/", change_data())

    assert replaced in client.get(f"{manage_path}aendern/").text


def test_the_same_change_sent_twice_stores_one_proposal_and_mails_staff_once(
    client, entry, manage_path, centre, django_capture_on_commit_callbacks
):
    data = change_data(submission_key=str(uuid.uuid4()))
    with django_capture_on_commit_callbacks(execute=True):
        responses = [client.post(f"{manage_path}aendern/", data) for _click in range(5)]

    assert {response["Location"] for response in responses} == {
        f"{manage_path}?gespeichert=aenderung"
    }
    proposal = Organisation.objects.review_queue().get()
    assert proposal.description == "Hausaufgabenhilfe, Elterncafé und Sprachkurse."
    assert sorted(proposal.languages.values_list("code", flat=True)) == ["ar", "de", "tr"]
    (message,) = mail.outbox
    assert message.to == [centre.email]


def test_a_different_change_sent_later_replaces_the_waiting_one_and_mails_staff_again(
    client, entry, manage_path, centre, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{manage_path}aendern/", change_data(submission_key=str(uuid.uuid4())))
        client.post(
            f"{manage_path}aendern/",
            change_data(description="Nur noch Elterncafé.", submission_key=str(uuid.uuid4())),
        )

    assert Organisation.objects.review_queue().get().description == "Nur noch Elterncafé."
    assert len(mail.outbox) == 2


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_same_change_sent_at_once_stores_one_proposal_and_mails_staff_once(centre):
    entry = OrganisationFactory(contact_email="vorstand@bruecke.example")
    manage_path = path_of(manage_link(entry))

    responses = post_at_once(
        f"{manage_path}aendern/", change_data(submission_key=str(uuid.uuid4())), times=5
    )

    assert [(response.status_code, response["Location"]) for response in responses] == [
        (302, f"{manage_path}?gespeichert=aenderung")
    ] * 5
    assert Organisation.objects.review_queue().count() == 1
    assert len(mail.outbox) == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_different_changes_sent_at_once_leave_one_waiting_change(centre):
    entry = OrganisationFactory(contact_email="vorstand@bruecke.example")
    url = f"{path_of(manage_link(entry))}aendern/"
    posts = [change_data(description=f"Fassung {number}.") for number in range(3)]
    start = threading.Barrier(len(posts))

    def post(data):
        try:
            start.wait(timeout=10)
            return Client().post(url, data).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(len(posts)) as pool:
        statuses = list(pool.map(post, posts))

    assert statuses == [302] * 3
    proposal = Organisation.objects.review_queue().get()
    assert proposal.description in {"Fassung 0.", "Fassung 1.", "Fassung 2."}
    assert len(mail.outbox) == 3


def test_a_filled_honeypot_in_the_change_form_looks_sent_but_changes_nothing(
    client, entry, manage_path, centre, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{manage_path}aendern/", change_data(fax_number="https://spam.example")
        )

    assert response["Location"] == f"{manage_path}?gespeichert=aenderung"
    assert not Organisation.objects.review_queue().exists()
    entry.refresh_from_db()
    assert entry.publish_contact_email
    assert mail.outbox == []


def test_a_change_sent_too_fast_is_shown_again(client, entry, manage_path):
    response = client.post(f"{manage_path}aendern/", change_data(started=form_started_token()))

    assert response.status_code == 200
    assert "automatische Eingabe" in response.text
    assert not Organisation.objects.review_queue().exists()


def test_a_change_reaches_review_though_the_mail_server_is_down(
    client, entry, manage_path, centre, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING_BACKEND
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{manage_path}aendern/", change_data())

    assert response["Location"] == f"{manage_path}?gespeichert=aenderung"
    assert Organisation.objects.review_queue().get().revision_of == entry


def test_the_change_form_starts_with_the_current_entry(client, entry, manage_path):
    page = client.get(f"{manage_path}aendern/").content.decode()

    assert 'value="Elternverein Brücke e. V."' in page
    assert "Hausaufgabenhilfe und Elterncafé." in page


def test_bad_input_in_a_change_request_stores_nothing(client, entry, manage_path):
    response = client.post(
        f"{manage_path}aendern/", change_data(name="", description="<b>fett</b>", status="x")
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"name", "description"}
    assert not Organisation.objects.review_queue().exists()


def test_topic_wishes_are_saved_and_shown_again(client, entry, manage_path):
    school, bookkeeping = (
        QualificationTopic.objects.get(slug="schulsystem"),
        QualificationTopic.objects.get(slug="buchhaltung"),
    )

    response = client.post(f"{manage_path}themen/", {"topics": [school.pk, bookkeeping.pk]})

    assert response["Location"] == f"{manage_path}?gespeichert=themen"
    assert set(entry.topic_wishes.values_list("topic__slug", flat=True)) == {
        "schulsystem",
        "buchhaltung",
    }
    client.post(f"{manage_path}themen/", {"topics": [school.pk]})
    assert list(entry.topic_wishes.values_list("topic__slug", flat=True)) == ["schulsystem"]
    page = client.get(f"{manage_path}themen/").content.decode()
    checked = re.findall(r'name="topics" value="(\d+)"[^>]*checked', page)
    assert checked == [str(school.pk)]


def test_withdrawing_deletes_the_entry_at_once_as_the_privacy_notice_says(
    client, entry, manage_path, django_capture_on_commit_callbacks
):
    assert "zurückgezogene Einträge sofort" in privacy_notice()
    client.post(f"{manage_path}aendern/", change_data())
    entry.topic_wishes.create(topic=QualificationTopic.objects.first())
    Decision.objects.create(organisation=entry, kind=DecisionKind.APPROVED)
    partner = PartnerFactory(name="Elternverein Brücke", organisation=entry)
    confirm_page = client.get(f"{manage_path}zurueckziehen/")
    assert "endgültig zurückziehen" in confirm_page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{manage_path}zurueckziehen/")

    assert response.status_code == 200
    assert "nicht mehr im Verzeichnis" in response.content.decode()
    # Nothing of the entry is left: no record, no change request, no wishes, no languages.
    assert not Organisation.objects.exists()
    assert not TopicWish.objects.exists()
    assert not Organisation.languages.through.objects.exists()
    # The decision log keeps its lines, the withdrawal among them, naming no organisation.
    assert sorted(Decision.objects.values_list("kind", "organisation")) == [
        (DecisionKind.APPROVED, None),
        (DecisionKind.WITHDRAWN, None),
    ]
    # The network keeps its partner, without the link to the entry.
    partner.refresh_from_db()
    assert partner.organisation is None
    (message,) = mail.outbox
    assert message.to == ["vorstand@bruecke.example"]
    assert "Elternverein Brücke e. V." in message.body
    # Every earlier link is dead now.
    assert client.get(manage_path).status_code == 400


def test_a_second_click_on_withdraw_says_again_that_the_entry_is_deleted(
    client, entry, manage_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(f"{manage_path}zurueckziehen/")
        second = client.post(f"{manage_path}zurueckziehen/")

    assert [first.status_code, second.status_code] == [200, 200]
    assert "„Elternverein Brücke e. V.“ steht nicht mehr im Verzeichnis" in first.content.decode()
    assert "Ihr Eintrag steht nicht mehr im Verzeichnis" in second.content.decode()
    assert Decision.objects.filter(kind=DecisionKind.WITHDRAWN).count() == 1
    assert len(mail.outbox) == 1
    # The other pages of the link still say that it is no longer valid.
    assert client.get(manage_path).status_code == 400


@pytest.mark.parametrize("step", ["", "aendern/", "themen/", "zurueckziehen/"])
def test_an_expired_link_shows_a_clear_page_and_changes_nothing(client, entry, monkeypatch, step):
    issued = time.time() - 61 * 24 * 3600
    monkeypatch.setattr(time, "time", lambda: issued)
    path = path_of(manage_link(entry))
    monkeypatch.undo()

    response = client.post(f"{path}{step}", change_data())

    assert response.status_code == 400
    assert "Dieser Link ist abgelaufen" in response.content.decode()
    assert "Neuen Link" in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == Status.APPROVED
    assert not Organisation.objects.review_queue().exists()
    assert not Decision.objects.exists()


@pytest.mark.parametrize("step", ["", "aendern/", "zurueckziehen/"])
def test_a_tampered_link_changes_nothing(client, entry, manage_path, step):
    other = OrganisationFactory()
    token = manage_path.rstrip("/").rsplit("/", 1)[1]
    # Correctly signed, but the other entry's secret is not this one's.
    forged = signing.dumps([other.pk, entry.link_secret], salt="organisations.manage")

    for path in [manage_path.replace(token, token[:-2]), manage_path.replace(token, forged)]:
        response = client.post(f"{path}{step}", change_data())
        assert response.status_code == 400

    assert set(Organisation.objects.values_list("status", flat=True)) == {Status.APPROVED}
    assert not Organisation.objects.review_queue().exists()


def test_a_confirmation_link_is_no_manage_link(client, entry):
    token = entry.make_link_token("confirm")

    assert client.get(f"/de/migrantenorganisationen/eintrag/{token}/").status_code == 400


def test_a_new_link_is_sent_only_to_a_known_address_and_the_page_says_the_same(
    client, entry, django_capture_on_commit_callbacks
):
    started = form_started_token(time.time() - 30)
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(
            "/de/migrantenorganisationen/eintrag/link/",
            {"email": "VORSTAND@bruecke.example", "started": started},
        )
        unknown = client.post(
            "/de/migrantenorganisationen/eintrag/link/",
            {"email": "niemand@example.org", "started": started},
        )

    assert (
        known["Location"]
        == unknown["Location"]
        == "/de/migrantenorganisationen/eintrag/link/gesendet/"
    )
    (message,) = mail.outbox
    assert message.to == ["vorstand@bruecke.example"]
    assert path_of(manage_link(entry)).rsplit("/", 2)[0] in message.body


def test_asking_for_a_new_link_again_sends_no_second_mail_within_a_quarter_hour(
    client, entry, django_capture_on_commit_callbacks
):
    data = {"email": "vorstand@bruecke.example", "started": form_started_token(time.time() - 30)}
    with django_capture_on_commit_callbacks(execute=True):
        responses = [client.post(NEW_LINK_URL, data) for _click in range(3)]

    assert {response["Location"] for response in responses} == {NEW_LINK_SENT_URL}
    assert len(mail.outbox) == 1
    assert organisation_send_manage_link(email=entry.contact_email) == 0
    later = timezone.now() + NEW_LINK_INTERVAL
    with django_capture_on_commit_callbacks(execute=True):
        assert organisation_send_manage_link(email=entry.contact_email, now=later) == 1
    assert len(mail.outbox) == 2


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_new_link_asked_for_three_times_at_once_is_mailed_once():
    OrganisationFactory(contact_email="vorstand@bruecke.example")
    data = {"email": "vorstand@bruecke.example", "started": form_started_token(time.time() - 30)}

    responses = post_at_once(NEW_LINK_URL, data, times=3)

    assert [response["Location"] for response in responses] == [NEW_LINK_SENT_URL] * 3
    assert len(mail.outbox) == 1


def test_a_new_link_is_asked_for_though_the_mail_server_is_down(
    client, entry, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING_BACKEND
    data = {"email": "vorstand@bruecke.example", "started": form_started_token(time.time() - 30)}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NEW_LINK_URL, data)

    assert response["Location"] == NEW_LINK_SENT_URL


def test_the_yearly_reminder_asks_once_and_hides_after_thirteen_months(
    entry, django_capture_on_commit_callbacks
):
    CentreProfile.objects.create(
        name="Kommunales Integrationszentrum Musterstadt",
        email="integrationszentrum@musterstadt.example",
    )
    now = timezone.now()
    entry.last_confirmed_at = now - RECONFIRM_AFTER - timezone.timedelta(hours=1)
    entry.save()
    fresh = OrganisationFactory(name="Sportverein (frisch bestätigt)")

    with django_capture_on_commit_callbacks(execute=True):
        assert organisations_remind_and_hide(now=now) == (1, 0)
        assert organisations_remind_and_hide(now=now + timezone.timedelta(days=1)) == (0, 0)

    (reminder,) = mail.outbox
    assert reminder.to == ["vorstand@bruecke.example"]
    assert "/de/migrantenorganisationen/eintrag/" in reminder.body
    assert set(Organisation.objects.published(now=now)) == {entry, fresh}

    later = entry.last_confirmed_at + HIDDEN_AFTER + timezone.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert organisations_remind_and_hide(now=later) == (0, 1)
        assert organisations_remind_and_hide(now=later) == (0, 0)

    assert entry not in Organisation.objects.published(now=later)
    assert entry.decisions.get().kind == DecisionKind.HIDDEN
    staff_mail = mail.outbox[-1]
    assert staff_mail.to == ["integrationszentrum@musterstadt.example"]
    assert "Elternverein Brücke e. V." in staff_mail.body
    assert "vorstand@" not in staff_mail.body


def test_confirming_a_hidden_entry_brings_it_back(client, entry, manage_path):
    entry.last_confirmed_at = timezone.now() - HIDDEN_AFTER - timezone.timedelta(days=1)
    entry.hidden_reported_at = timezone.now()
    entry.save()
    assert "ausgeblendet" in client.get(manage_path).content.decode()

    client.post(manage_path)

    assert Organisation.objects.published().get() == entry


def test_the_daily_command_asks_due_representatives(entry, django_capture_on_commit_callbacks):
    entry.last_confirmed_at = timezone.now() - RECONFIRM_AFTER - timezone.timedelta(days=1)
    entry.save()
    OrganisationFactory(name="Frisch bestätigt e. V.")

    with django_capture_on_commit_callbacks(execute=True):
        output = io.StringIO()
        call_command("remind_organisations", stdout=output)

    assert output.getvalue().strip() == "1 asked to confirm, 0 hidden."
    entry.refresh_from_db()
    assert entry.reconfirmation_requested_at is not None
    assert [message.to for message in mail.outbox] == [["vorstand@bruecke.example"]]
