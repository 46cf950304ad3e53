"""The one list of hostile inputs that every public form field and every public URL parameter
is sent (issue 14, point 11), and the checks every answer to them must pass.

`tests/security/test_public_forms.py` posts each input into every text field of each
public form at once, and once more into every field; `test_url_parameters.py` puts each
into every query and path parameter; `test_exports.py` stores the markup and formula
inputs and reads them back in the public pages, the admin and the CSV exports.
"""

import logging
import re
import unicodedata

# Longer than any field and any parameter allows (the longest, a counselling message, takes
# 1,000 characters), yet a body well below the cap on anonymous request bodies.
OVER_LONG = "Verein " * 3_000
SCRIPT = "<script>alert(1)</script>"
SVG = '"><svg onload=alert(1)>'
FORMULA = '=HYPERLINK("http://evil.example","x")'
JAVASCRIPT_URL = "javascript:alert(1)"
# A second header smuggled into a mail through an address: the Bcc must never be sent.
HEADER_INJECTION = "ada@example.org\r\nBcc: x@evil.example"
RIGHT_TO_LEFT_OVERRIDE = "Verein \u202eexe.gnp"
ZERO_WIDTH_ONLY = "\u200b\u200c\u200d\u2060\ufeff"
# Letters and symbols that show as nothing: Hangul fillers and the empty braille pattern.
BLANK_LETTERS_ONLY = "\u3164\u115f\u2800"
NUL_BYTE = "Ver\x00ein"
# Beyond every integer column (PostgreSQL's bigint), for numbers, years, choices and pages.
HUGE_NUMBER = "99999999999999999999999"
# Quotes and operators of SQL and of PostgreSQL's text search (the directory's search).
QUERY_SYNTAX = "Verein' OR '1'='1'; -- !x:* & | <-> (\\"

HOSTILE = {
    "over-long": OVER_LONG,
    "nul-byte": NUL_BYTE,
    "right-to-left-override": RIGHT_TO_LEFT_OVERRIDE,
    "zero-width-only": ZERO_WIDTH_ONLY,
    "blank-letters-only": BLANK_LETTERS_ONLY,
    "script": SCRIPT,
    "svg": SVG,
    "formula": FORMULA,
    "javascript-url": JAVASCRIPT_URL,
    "header-injection": HEADER_INJECTION,
    "query-syntax": QUERY_SYNTAX,
    "huge-number": HUGE_NUMBER,
}

# "Café" typed on two keyboards: one code point for "é" (NFC) or "e" and a combining accent.
CAFE_NFC = unicodedata.normalize("NFC", "Café Brücke e. V.")
CAFE_NFD = unicodedata.normalize("NFD", CAFE_NFC)

# Bytes that are no UTF-8, as a query string carries them; put into the URL as they are.
INVALID_UTF8 = "%ff%fe"

# What must never reach a page unescaped: the start of the markup the inputs carry.
ACTIVE_MARKUP = re.compile(r"<script>alert|<svg[ /]onload", re.IGNORECASE)


def assert_no_active_markup(content: bytes | str) -> None:
    text = content.decode() if isinstance(content, bytes) else content
    found = ACTIVE_MARKUP.search(text)
    assert found is None, (
        f"unescaped markup in the page: {text[found.start() - 80 : found.end()]!r}"
    )


def assert_not_logged(caplog, *values: str) -> None:
    """None of `values` (what was typed, e-mail addresses) appears in a log record, and no
    record is an error (Django logs every 500 as one)."""
    logged = "\n".join(
        f"{record.getMessage()} {record.exc_text or ''}" for record in caplog.records
    )
    for value in values:
        if value.strip():
            assert value not in logged, f"{value[:40]!r} is in the log"
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert not errors, [record.getMessage() for record in errors]
