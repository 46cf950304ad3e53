import base64
import hashlib
import re
import time

from django.conf import settings
from django.core.exceptions import BadRequest
from django.utils.module_loading import import_string

from portal.encryption import UndecryptableError
from portal.failures import DATABASE_UNAVAILABLE, undecryptable_data

# The portal loads nothing from other hosts; KERN's icons are data: URIs.
POLICY = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'"],
    "script-src": ["'self'"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
ADMIN_PREFIX = "/admin/"
# The admin's rich-text editor loads its modules through an inline import map.
IMPORT_MAP = re.compile(rb'<script type="importmap">(.*?)</script>', re.DOTALL)


def script_hashes(content: bytes) -> list[str]:
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'"
        for body in IMPORT_MAP.findall(content)
    ]


def content_security_policy(get_response):
    """The security headers of every answer: its Content-Security-Policy (the admin's
    editor gets what it needs), a Permissions-Policy without camera, microphone and
    location, and a Cross-Origin-Resource-Policy that keeps other sites from embedding
    the portal's pages, images and files (a logo, a document) in theirs."""

    def middleware(request):
        response = get_response(request)
        policy = {directive: list(sources) for directive, sources in POLICY.items()}
        is_html = response.get("Content-Type", "").startswith("text/html")
        if request.path.startswith(ADMIN_PREFIX) and is_html and not response.streaming:
            # The editor sets inline styles while editing.
            policy["style-src"].append("'unsafe-inline'")
            policy["script-src"].extend(script_hashes(response.content))
        header = "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())
        response.headers.setdefault("Content-Security-Policy", header)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response

    return middleware


# The admin's date hierarchy turns these parameters into a date without bounds of its own.
DATE_PARTS = {"__year": (1, 9998), "__month": (1, 12), "__day": (1, 31)}


def unusable_query_refused(get_response):
    """Answers 400 (the portal's page) to an admin query string that the admin's change
    lists cannot use, instead of the 500 it would cause deeper down: a NUL character, which
    no text column of PostgreSQL holds and the list filters pass on to the database, and a
    date of the date hierarchy outside the calendar, which Django's change list turns into
    an OverflowError or ValueError. Public pages clean their parameters themselves."""

    def middleware(request):
        if request.path.startswith(ADMIN_PREFIX):
            for key, values in request.GET.lists():
                if "\x00" in key or any("\x00" in value for value in values):
                    raise BadRequest("NUL character in the query string")
                for suffix, (lowest, highest) in DATE_PARTS.items():
                    if key.endswith(suffix) and not all(
                        value.isascii() and value.isdigit() and lowest <= int(value) <= highest
                        for value in values
                    ):
                        raise BadRequest("date outside the calendar in the query string")
        return get_response(request)

    return middleware


class RequestBodyLimitMiddleware:
    """Refuses a request whose body is larger than it may be by its Content-Length, before
    anything reads it: `REQUEST_TOO_LARGE_VIEW` answers (413).

    Public forms send text only, so a visitor's request may have `REQUEST_MAX_BYTES`; only
    a staff member's request to the admin, where documents and videos are uploaded, may
    have `STAFF_REQUEST_MAX_BYTES`. nginx refuses larger bodies before they reach the
    portal (deploy/nginx.conf); this keeps the bound where the portal runs without it.
    Between it and Django's DATA_UPLOAD_MAX_MEMORY_SIZE and DATA_UPLOAD_MAX_NUMBER_FIELDS
    (400), no request makes a worker read or parse more than the bounds say.

    Comes after AuthenticationMiddleware: a large body costs the session's look-up.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.too_large = import_string(settings.REQUEST_TOO_LARGE_VIEW)

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BYTES and not (
            length <= settings.STAFF_REQUEST_MAX_BYTES
            and request.path.startswith(ADMIN_PREFIX)
            and request.user.is_staff
        ):
            return self.too_large(request)
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """Answers a request the database could not serve (it is down or restarting, or the pool
    found no connection in time) with the designed 503 page instead of a server error.

    It catches what a view and the rendering of its template raise; the session and the
    user are read lazily in there too. The refusal pages (403, 404) catch it themselves
    (`portal.failures.failure_page`). `DATABASE_UNAVAILABLE_VIEW` names the view that
    answers, like Django's `CSRF_FAILURE_VIEW`: the project shell knows the sections.

    When the server did not answer at all, the requests of the next `PAUSE_SECONDS` get
    the page at once: otherwise each would wait for the pool's timeout in turn, and under
    load a sync worker's queue grows by seconds per request (docs/reliability.md). A
    refusal the server gave itself (a deadlock, a cancelled statement) pauses nothing.
    """

    PAUSE_SECONDS = 1.0

    def __init__(self, get_response):
        self.get_response = get_response
        self.unavailable = import_string(settings.DATABASE_UNAVAILABLE_VIEW)
        self.paused_until = 0.0
        self.last_error = None

    def __call__(self, request):
        if time.monotonic() < self.paused_until:
            return self.unavailable(request, self.last_error)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        if server_did_not_answer(exception):
            self.paused_until = time.monotonic() + self.PAUSE_SECONDS
            self.last_error = exception
        return self.unavailable(request, exception)


class UndecryptableDataMiddleware:
    """Answers a request that read encrypted data no configured key decrypts (a wrong or
    missing KI_FIELD_ENCRYPTION_KEY) with a page that says so, instead of a traceback.

    The data is read while the admin's view runs or while its template renders (the
    change list loads its rows there); both end up here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, UndecryptableError):
            return None
        return undecryptable_data(exception)


def server_did_not_answer(error) -> bool:
    """No connection, a dropped one or the server shutting down (SQLSTATE classes 08 and
    57P), as opposed to an error the server reported about one statement."""
    sqlstate = getattr(error.__cause__, "sqlstate", None)
    return sqlstate is None or sqlstate.startswith(("08", "57P"))
