"""The mails a counselling request sends: a notice to the team that names nobody, a
confirmation only when she asks for one, and none of them able to lose her request."""

import pytest
from django.conf import settings
from django.core import mail

from counselling.models import CounsellingRequest, MonthlyCount
from portal.models import OutgoingMail
from tests.counselling.test_request_form import SENT_URL, send
from tests.factories import UserFactory
from tests.mail import REFUSING_BACKEND

pytestmark = pytest.mark.django_db


def test_the_team_is_told_that_a_request_arrived_and_nothing_more(
    client, counsellor, outsider, django_capture_on_commit_callbacks
):
    colleague = UserFactory(username="colleague", is_staff=True, email="")
    colleague.groups.add(*counsellor.groups.all())
    former = UserFactory(username="former", is_staff=True, is_active=False)
    former.groups.add(*counsellor.groups.all())

    with django_capture_on_commit_callbacks(execute=True):
        send(
            client,
            topic="violence",
            channel="email",
            contact_detail="leyla.beispiel@example.org",
            name="Leyla Beispiel",
        )

    (message,) = mail.outbox
    assert message.to == [counsellor.email]
    text = f"{message.subject}\n{message.body}"
    assert "neue Beratungsanfrage" in text
    assert f"{settings.SITE_URL}/admin/counselling/counsellingrequest/" in message.body
    stored = CounsellingRequest.objects.get()
    for personal in [
        "Leyla",
        "leyla.beispiel",
        "Jobcenter",
        "Briefe",
        "Gewalt",
        "violence",
        "Türk",
        stored.reference,
    ]:
        assert personal not in text, personal


def test_she_gets_no_mail_unless_she_asks_for_a_confirmation(
    client, counsellor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, channel="email", contact_detail="leyla@example.org")

    assert [message.to for message in mail.outbox] == [[counsellor.email]]


@pytest.mark.parametrize(
    ("language", "greeting", "other_greetings"),
    [
        ("de", "Guten Tag,", ["Hello,", "مرحبًا،"]),
        ("en", "Hello,", ["Guten Tag,", "مرحبًا،"]),
        ("ar", "مرحبًا،", ["Guten Tag,", "Hello,"]),
    ],
)
def test_a_confirmation_she_asked_for_comes_in_the_page_language_without_content(
    client, django_capture_on_commit_callbacks, language, greeting, other_greetings
):
    with django_capture_on_commit_callbacks(execute=True):
        send(
            client,
            in_language=language,
            topic="violence",
            channel="email",
            contact_detail="leyla@example.org",
            wants_confirmation="on",
        )

    (message,) = mail.outbox
    assert message.to == ["leyla@example.org"]
    assert message.body.startswith(greeting)
    for other in other_greetings:
        assert other not in message.body
    assert CounsellingRequest.objects.get().reference in message.body
    for personal in ["Leyla", "Jobcenter", "Briefe", "Gewalt", "violence", "Türk"]:
        assert personal not in f"{message.subject}\n{message.body}", personal
    # Once it left, the outbox keeps no trace of her address or of what it said.
    sent = OutgoingMail.objects.get()
    assert sent.confidential
    assert (sent.recipient, sent.subject, sent.body) == ("", "", "")


def test_a_mail_server_that_is_down_still_shows_the_sent_page_and_keeps_the_request(
    client, counsellor, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING_BACKEND
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = send(
            client, channel="email", contact_detail="leyla@example.org", wants_confirmation="on"
        )

    assert response.status_code == 302
    assert response["Location"] == SENT_URL
    assert CounsellingRequest.objects.count() == 1
    assert MonthlyCount.objects.get().count == 1
    # The team's notice and her confirmation were both tried, each on its own.
    assert len(callbacks) == 2
