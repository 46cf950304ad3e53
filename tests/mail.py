"""A mail server that is down, for tests that a stored submission survives it."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend

REFUSING_BACKEND = "tests.mail.RefusingBackend"


class RefusingBackend(BaseEmailBackend):
    """Refuses every mail as a mail server that is not running does."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


class RefusingRecipientBackend(BaseEmailBackend):
    """Refuses every recipient, as a mail server that knows no such mailbox does."""

    def send_messages(self, email_messages):
        refused = {
            address: (550, f"5.1.1 <{address}>: Recipient address rejected".encode())
            for message in email_messages
            for address in message.recipients()
        }
        raise smtplib.SMTPRecipientsRefused(refused)
