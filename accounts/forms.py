"""The staff login (password, then the second factor) and the second factor's set-up."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts import second_factor
from portal.forms import PlainTextField

CODE_WIDGET = forms.TextInput(
    attrs={
        "autocomplete": "one-time-code",
        "autocapitalize": "none",
        "spellcheck": "false",
        "dir": "ltr",
        "class": "code-input",
    }
)
WRONG_CODE = _("Der Code stimmt nicht. Geben Sie den aktuellen Code ein.")
# django-otp refuses every code for a while after a wrong one, longer after each.
TOO_MANY_CODES = _(
    "Zu viele falsche Codes. Warten Sie einen Moment und geben Sie dann den aktuellen Code ein."
)


def refusal(was_throttled: bool) -> tuple:
    """The message and code for a refused code; a device that already refused codes before
    this one was tried gets the message to wait."""
    return (TOO_MANY_CODES, "throttled") if was_throttled else (WRONG_CODE, "wrong")


def helper(submit_label) -> FormHelper:
    form_helper = FormHelper()
    form_helper.add_input(Submit("submit", submit_label))
    return form_helper


class LoginForm(forms.Form):
    """Step 1: user name and password. `authenticate` gets the request, so that the login
    throttling sees every attempt; the error does not say which of the two was wrong."""

    username = PlainTextField(
        label=_("Benutzername"),
        max_length=150,
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "dir": "ltr"}
        ),
    )
    password = forms.CharField(
        label=_("Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "dir": "ltr"}),
    )

    def __init__(self, request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = None
        self.helper = helper(_("Weiter"))

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username and password:
            user = authenticate(self.request, username=username, password=password)
            if user is None or not user.is_staff:
                raise ValidationError(
                    _("Benutzername oder Passwort sind falsch."), code="invalid_login"
                )
            self.user = user
        return self.cleaned_data


class CodeForm(forms.Form):
    """A code of the person's second factor: six digits from the app or a recovery code.

    Used as step 2 of the login and to confirm a change of the second factor.
    """

    code = PlainTextField(
        label=_("Code"),
        max_length=16,
        help_text=_(
            "Die sechs Ziffern, die Ihre Authenticator-App gerade anzeigt, "
            "oder einer Ihrer Wiederherstellungscodes."
        ),
        widget=CODE_WIDGET,
    )

    def __init__(self, user, *args, submit_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None
        self.helper = helper(submit_label or _("Anmelden"))

    def clean_code(self):
        code = self.cleaned_data["code"]
        was_throttled = second_factor.throttled(self.user)
        self.device = second_factor.verify(self.user, code)
        if self.device is None:
            raise ValidationError(*refusal(was_throttled))
        return code


class AppSetupForm(forms.Form):
    """Confirms the app being set up with its current code; replacing an app that is already
    set up also takes a current code of the present second factor."""

    code = PlainTextField(
        label=_("Code aus der App"),
        max_length=6,
        help_text=_("Die sechs Ziffern, die die App nach dem Einrichten anzeigt."),
        widget=CODE_WIDGET,
    )
    current = PlainTextField(
        label=_("Code Ihres bisherigen zweiten Faktors"),
        max_length=16,
        help_text=_(
            "Die sechs Ziffern aus der bisherigen App oder einer Ihrer Wiederherstellungscodes."
        ),
        widget=CODE_WIDGET,
    )

    def __init__(self, device, *args, replacing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device
        if not replacing:
            del self.fields["current"]
        self.helper = helper(_("App bestätigen"))

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        was_throttled = not self.device.verify_is_allowed()[0]
        if not self.device.verify_token(code):
            raise ValidationError(*refusal(was_throttled))
        return code

    def clean_current(self):
        current = self.cleaned_data["current"]
        if "code" not in self.cleaned_data:
            # Checked only with a valid new code: a recovery code is not used up in vain.
            return current
        was_throttled = second_factor.throttled(self.device.user)
        if second_factor.verify(self.device.user, current) is None:
            raise ValidationError(*refusal(was_throttled))
        return current
