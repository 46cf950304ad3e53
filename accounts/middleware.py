"""Staff sessions end after a while without activity and after a fixed time at the latest."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

# Session keys: when the user logged in, and when the session last had a request (to the
# minute: a request within a minute of the last one does not write the session again).
STARTED = "staff_session_started"
LAST_SEEN = "staff_session_last_seen"
LAST_SEEN_STEP = 60


def admin_in_german(get_response):
    """The back office speaks German to everyone, whatever the browser asks for: its
    strings, help texts and the editors' content are German first. The public site takes
    the language from its path (i18n_patterns) and is not touched.

    Comes right after LocaleMiddleware, which chose a language from the browser's
    Accept-Language for the admin's paths (they carry no language prefix)."""

    def middleware(request):
        if request.path_info.startswith(reverse("admin:index")):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return get_response(request)

    return middleware


def start_session_clock(session):
    """Called at login: the idle and the absolute limit count from now."""
    session[STARTED] = session[LAST_SEEN] = timezone.now().timestamp()


class StaffSessionMiddleware:
    """Ends a signed-in session after STAFF_SESSION_IDLE_MINUTES without a request, or
    STAFF_SESSION_MAX_HOURS after it began. The request goes on as an anonymous one (the
    back office then asks for a login) and the login page says why.

    Comes after AuthenticationMiddleware and MessageMiddleware. An anonymous visitor's
    session is never touched, so he still gets no cookie. Writes the session at most once a
    minute.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self.check(request)
        return self.get_response(request)

    def check(self, request):
        session = request.session
        now = timezone.now().timestamp()
        idle = settings.STAFF_SESSION_IDLE_MINUTES
        longest = settings.STAFF_SESSION_MAX_HOURS
        if now - session.setdefault(LAST_SEEN, now) > idle * 60:
            reason = ngettext(
                "Sie wurden nach %(count)d Minute ohne Aktivität abgemeldet. "
                "Bitte melden Sie sich erneut an.",
                "Sie wurden nach %(count)d Minuten ohne Aktivität abgemeldet. "
                "Bitte melden Sie sich erneut an.",
                idle,
            ) % {"count": idle}
        elif now - session.setdefault(STARTED, now) >= longest * 60 * 60:
            reason = ngettext(
                "Eine Anmeldung gilt höchstens %(count)d Stunde; Sie wurden deshalb "
                "abgemeldet. Bitte melden Sie sich erneut an.",
                "Eine Anmeldung gilt höchstens %(count)d Stunden; Sie wurden deshalb "
                "abgemeldet. Bitte melden Sie sich erneut an.",
                longest,
            ) % {"count": longest}
        else:
            if now - session[LAST_SEEN] >= LAST_SEEN_STEP:
                session[LAST_SEEN] = now
            return
        # Not logout(): that ends the user's sessions in every other browser too.
        session.flush()
        request.user = AnonymousUser()
        messages.info(request, reason)
