"""The staff login in the portal's design, and the pages of a person's own second factor.

The login has two steps. After a correct password the person is not logged in yet: the
session only remembers for `PENDING_LOGIN` who is halfway, and only a valid code of the
second factor completes the login. A person without a second factor is logged in after the
password; if they must use one, the admin stays closed and the login leads to its set-up.
"""

import datetime

import django_otp
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model, login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from accounts import logins, second_factor
from accounts.forms import AppSetupForm, CodeForm, LoginForm
from portal.pages import Crumb, page

PENDING_LOGIN = datetime.timedelta(minutes=5)
PENDING_KEY = "accounts_pending_login"
# Recovery codes just made, kept in the session until the page that shows them once.
NEW_CODES_KEY = "accounts_new_recovery_codes"

LOGIN_TITLE = _("Anmeldung für Mitarbeitende")
SECOND_FACTOR_TITLE = _("Zweiter Faktor")
SECOND_FACTOR_LINK = Crumb(SECOND_FACTOR_TITLE, reverse_lazy("accounts:second-factor"))


def safe_next(request) -> str:
    """Where to go after the login: `next` if it stays on this site, else the admin."""
    target = request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


def pending_user(request):
    """The person who gave the right password less than `PENDING_LOGIN` ago, or None."""
    pending = request.session.get(PENDING_KEY)
    if not pending:
        return None
    if timezone.now().timestamp() > pending["until"]:
        del request.session[PENDING_KEY]
        return None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    if user is not None:
        user.backend = pending["backend"]
    return user


@sensitive_post_parameters("password")
@never_cache
def login_view(request):
    """Step 1: user name and password."""
    next_url = safe_next(request)
    if request.user.is_authenticated and second_factor.needs_setup(request.user):
        return redirect("accounts:app")
    if request.user.is_authenticated and second_factor.admin_allowed(request.user):
        return redirect(next_url)
    if request.method == "POST":
        form = LoginForm(request, request.POST)
        if form.is_valid():
            user = form.user
            if second_factor.has_device(user):
                # Whoever was logged in on this browser is no longer, and the person is not
                # yet: a new session that only knows who is halfway.
                if request.user.is_authenticated:
                    logout(request)
                else:
                    request.session.flush()
                request.session[PENDING_KEY] = {
                    "user": user.pk,
                    "backend": user.backend,
                    "next": next_url,
                    "until": (timezone.now() + PENDING_LOGIN).timestamp(),
                }
                return redirect("accounts:code")
            login(request, user)
            if second_factor.needs_setup(user):
                return redirect("accounts:app")
            return redirect(next_url)
    else:
        form = LoginForm(request)
    return render(
        request,
        "accounts/login.html",
        {**page(LOGIN_TITLE), "form": form},
    )


@sensitive_post_parameters("code")
@never_cache
def code_view(request):
    """Step 2: a code of the second factor; only then is the person logged in."""
    user = pending_user(request)
    if user is None:
        return render(request, "accounts/login_expired.html", page(_("Anmeldung abgelaufen")))
    form = CodeForm(user, request.POST or None)
    if request.method == "POST":
        username = user.get_username()
        # Locked out since the password step (too many failures, from anywhere): the code is
        # not even checked, as the right password is not, and a recovery code not used up.
        if not logins.is_locked_out(request, username) and form.is_valid():
            next_url = request.session.pop(PENDING_KEY)["next"]
            login(request, user)
            django_otp.login(request, form.device)
            return redirect(next_url)
        # A wrong code, or any code during a lockout, is a failed login: the login throttling
        # and log count it like a wrong password, and django-axes answers with the lockout
        # page once the limit is reached.
        user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)
    return render(request, "accounts/login_code.html", {**page(LOGIN_TITLE), "form": form})


def verified_or_new(view):
    """A person who has a second factor reaches its pages only after using it this session."""

    def wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_verified() and second_factor.has_device(user):
            query = urlencode({REDIRECT_FIELD_NAME: request.path})
            return redirect(f"{reverse('accounts:login')}?{query}")
        return view(request, *args, **kwargs)

    return login_required(wrapped)


@never_cache
@verified_or_new
def overview(request):
    """What the person has set up, and the ways to change it."""
    user = request.user
    return render(
        request,
        "accounts/second_factor.html",
        {
            **page(SECOND_FACTOR_TITLE),
            "app": second_factor.app_device(user),
            "remaining_codes": second_factor.remaining_recovery_codes(user),
            "required": second_factor.required_for(user),
        },
    )


@sensitive_post_parameters("code", "current")
@never_cache
@verified_or_new
def app_setup(request):
    """Set up the authenticator app, or replace it: QR code and secret, confirmed by a code."""
    user = request.user
    device = second_factor.unconfirmed_app_device(user)
    replacing = second_factor.has_device(user)
    form = AppSetupForm(device, request.POST or None, replacing=replacing)
    if request.method == "POST" and form.is_valid():
        codes = second_factor.confirm_app(device)
        django_otp.login(request, device)
        if codes:
            request.session[NEW_CODES_KEY] = codes
            return redirect("accounts:recovery-codes")
        return redirect("accounts:second-factor")
    return render(
        request,
        "accounts/app_setup.html",
        {
            **page(_("Authenticator-App einrichten"), SECOND_FACTOR_LINK),
            "form": form,
            "replacing": replacing,
            "required": second_factor.required_for(user),
            "qr_code": second_factor.qr_code_svg(device),
            "secret": second_factor.secret_text(device),
        },
    )


@sensitive_post_parameters("code")
@never_cache
@verified_or_new
def recovery_codes(request):
    """New recovery codes for a current code; codes just made are shown here once."""
    user = request.user
    codes = request.session.pop(NEW_CODES_KEY, None)
    if codes is None and second_factor.app_device(user) is None:
        return redirect("accounts:app")
    form = CodeForm(user, request.POST or None, submit_label=_("Neue Codes erstellen"))
    if codes is None and request.method == "POST" and form.is_valid():
        request.session[NEW_CODES_KEY] = second_factor.new_recovery_codes(user)
        return redirect("accounts:recovery-codes")
    return render(
        request,
        "accounts/recovery_codes.html",
        {
            **page(_("Wiederherstellungscodes"), SECOND_FACTOR_LINK),
            "codes": codes,
            "form": form,
            "remaining_codes": second_factor.remaining_recovery_codes(user),
        },
    )
