"""Mails to people, each rendered in the recipient's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path: str) -> str:
    """A link for a mail: the path on the portal's public address (KI_SITE_URL)."""
    return f"{settings.SITE_URL}{path}"


def send_templated_mail(*, template: str, context: dict, recipient: str, language: str) -> None:
    """Sends `<template>_subject.txt` and `<template>.txt`, rendered in `language`.

    Links in the context should have been reversed in the same language.
    """
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    send_mail(subject=subject, message=body, from_email=None, recipient_list=[recipient])
