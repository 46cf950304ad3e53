"""A mail server that is down, for tests that a stored submission survives it."""

from django.core.mail.backends.base import BaseEmailBackend

REFUSING_BACKEND = "tests.mail.RefusingBackend"


class RefusingBackend(BaseEmailBackend):
    """Refuses every mail as a mail server that is not running does."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")
