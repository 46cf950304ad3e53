"""Mails to people, each rendered in the recipient's language and sent through the outbox."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from portal.models import OutgoingMail
from portal.tasks import enqueue_after_commit


def absolute_url(path: str) -> str:
    """A link for a mail: the path on the portal's public address (KI_SITE_URL)."""
    return f"{settings.SITE_URL}{path}"


def send_templated_mail(
    *, template: str, context: dict, recipient: str, language: str, confidential: bool = False
) -> OutgoingMail:
    """Renders `<template>_subject.txt` and `<template>.txt` in `language`, stores the mail
    in the outbox and queues its delivery for after the commit.

    Call it inside the transaction that stores what the mail tells about: the mail is
    stored (or rolled back) with it, and no mail server can turn a stored submission into
    an error page. `confidential` hides address, subject and text from the admin
    and erases them once the mail has left.
    Links in the context should have been reversed in the same language. Costs one insert.
    """
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    mail = OutgoingMail.objects.create(
        recipient=recipient, subject=subject, body=body, confidential=confidential
    )
    enqueue_after_commit(mail)
    return mail
