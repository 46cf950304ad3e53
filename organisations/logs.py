"""Keeps the self-service links of the register out of the portal's logs.

Every mail to a representative carries a link whose last path segment is a signed token
(organisations/urls.py: `…/anmelden/bestaetigen/<token>/`, `…/eintrag/<token>/…`): whoever
holds it may change or delete the entry. deploy/nginx.conf leaves it out of the access log
with the same pattern; keep the two in step.
"""

import logging
import re

TOKEN_IN_PATH = re.compile(
    r"(/migrantenorganisationen/(?:eintrag|anmelden/bestaetigen)/)(?!link/)[^/?#\s\"']+"
)
REDACTED = r"\1[token]"


def without_tokens(text: str) -> str:
    return TOKEN_IN_PATH.sub(REDACTED, text)


class RedactLinkTokens(logging.Filter):
    """Replaces the token in every path a log record names (Django's "Not Found: …",
    "Forbidden (…): …" and "Internal Server Error: …" warnings name the request's path).

    Used on the handlers in settings.LOGGING, so it applies to every logger."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = without_tokens(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                without_tokens(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True
