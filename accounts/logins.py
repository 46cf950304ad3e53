"""Logins: the address they come from, the log lines about them, the lockout page.

django-axes counts failed logins (AxesStandaloneBackend, AxesMiddleware, its signal
handlers; settings AXES_*). This module gives it the portal's reading of the client
address and the page for a locked-out login, logs every login and failed login, and ends
all of a user's sessions at logout. It hooks into django.contrib.auth's signals, so it
works for every login view that calls `authenticate(request, ...)` and `login()`.
"""

import ipaddress
import logging

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.middleware import start_session_clock
from portal.pages import page
from portal.ratelimit import client_address

logger = logging.getLogger(__name__)

# Longer than any user name (150 characters); what someone typed is cut off there.
LOGGED_NAME_LENGTH = 150


def login_address(request) -> str | None:
    """The client's address as the portal reads it (portal.ratelimit.client_address), or
    None when that is no IP address: axes stores it in an address column."""
    try:
        return str(ipaddress.ip_address(client_address(request)))
    except ValueError:
        return None


def is_locked_out(request, username: str) -> bool:
    """Whether django-axes refuses logins for `username` or the request's address now: for a
    step of the login that does not call `authenticate`, such as the second factor's code."""
    return not AxesProxyHandler.is_allowed(request, {"username": username})


def locked_out(request, original_response=None, credentials=None):
    """The page for a login refused because of too many failures (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(get_cool_off(request).total_seconds()) // 60
    response = render(
        request,
        "accounts/locked_out.html",
        {**page(_("Anmeldung vorübergehend gesperrt")), "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response


def _log(level, event, username, request):
    # %r escapes line breaks and control characters in what someone typed as user name.
    logger.log(
        level,
        "%s: user name %r, address %s, at %s",
        event,
        (username or "")[:LOGGED_NAME_LENGTH],
        login_address(request) if request is not None else None,
        timezone.now().isoformat(timespec="seconds"),
    )


@receiver(user_logged_in, dispatch_uid="accounts_log_login")
def log_login(sender, request, user, **kwargs):
    start_session_clock(request.session)
    _log(logging.INFO, "Login", user.get_username(), request)


@receiver(user_login_failed, dispatch_uid="accounts_log_failed_login")
def log_failed_login(sender, credentials, request=None, **kwargs):
    # Django has replaced the password in `credentials` by asterisks; it is not logged.
    _log(logging.WARNING, "Failed login", credentials.get("username"), request)


@receiver(user_locked_out, dispatch_uid="accounts_log_lockout")
def log_lockout(sender, request, username, ip_address, **kwargs):
    _log(logging.WARNING, "Login locked out", username, request)


@receiver(user_logged_out, dispatch_uid="accounts_end_all_sessions")
def end_all_sessions_at_logout(sender, request, user, **kwargs):
    if user is not None:
        user.end_all_sessions()
