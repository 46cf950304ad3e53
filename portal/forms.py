"""Form fields every public form uses: text is normalised before "required" applies."""

import datetime
import re
import secrets
import unicodedata
import uuid

from django import forms
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

# A tag as a browser would read it ("<b>", "</p>", "<!--") or the start of a script.
# "a < b" is no tag, so comparisons in a description stay allowed.
HTML_TAG = re.compile(r"<[a-z!?/][^<>]*>|<script", re.IGNORECASE)

# Removed from every input: control characters (tabs and line breaks stay), the bidi
# controls that can make a name display as something else (U+061C, U+200E/F,
# U+202A–U+202E, U+2066–U+2069), and invisible characters (zero width space, word
# joiner, invisible operators, byte order mark, soft hyphen). The zero width
# (non-)joiners U+200C/U+200D stay: Persian and several Indic scripts need them.
STRIPPED_CHARACTERS = dict.fromkeys(
    [
        *(code for code in [*range(0x20), *range(0x7F, 0xA0)] if chr(code) not in "\t\n"),
        0x00AD,
        0x061C,
        0x180E,
        0x200B,
        0x200E,
        0x200F,
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2065),
        *range(0x2066, 0x206A),
        0xFEFF,
    ]
)


# Shown as nothing by themselves: control and format characters (the joiners U+200C/D
# among them), marks that only combine with a letter, separators; and the letters and
# symbols that are blank (the Hangul fillers, the empty braille pattern), favourites
# for a name that looks empty.
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Mn", "Me", "Zs", "Zl", "Zp"}
BLANK_CHARACTERS = {"\u115f", "\u1160", "\u2800", "\u3164", "\uffa0"}


def is_visible(character: str) -> bool:
    return (
        character not in BLANK_CHARACTERS
        and unicodedata.category(character) not in INVISIBLE_CATEGORIES
    )


def normalise_text(value: str) -> str:
    """NFC-normalised, without invisible and bidi control characters, without surrounding
    whitespace; empty when nothing of it would be visible."""
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n"))
    value = value.translate(STRIPPED_CHARACTERS).strip()
    return value if any(map(is_visible, value)) else ""


class PlainTextField(forms.CharField):
    """Text as typed, normalised; markup is refused with a message instead of stored."""

    def to_python(self, value):
        value = normalise_text(super().to_python(value))
        if HTML_TAG.search(value):
            raise ValidationError(_("Bitte geben Sie keinen HTML-Code ein."), code="html")
        return value


class PlainEmailField(PlainTextField, forms.EmailField):
    pass


# German and international numbers as people write them: "0208 825-1234",
# "+49 (0)208 8251234", "0049 176 12345678"; at least 6 and at most 15 digits (E.164).
PHONE_CHARACTERS = re.compile(r"^\+?[\d\s()/.-]+$")


class PhoneField(PlainTextField):
    """A phone number, stored as typed (normalised spacing) once it looks dialable."""

    def to_python(self, value):
        value = " ".join(super().to_python(value).split())
        digits = sum(c.isdigit() for c in value)
        if value and (not PHONE_CHARACTERS.match(value) or not 6 <= digits <= 15):
            raise ValidationError(
                _(
                    "Bitte geben Sie eine Telefonnummer aus Ziffern an, z. B. „0208 825-1234“ "
                    "oder „+49 208 8251234“."
                ),
                code="phone",
            )
        return value


# People need longer than this to fill in a form; scripts that post at once do not.
MINIMUM_FILL_SECONDS = 3
# A form's start-time token is good for this long: a form left open longer is shown again
# with a fresh one, and a token a script collected stops working.
STARTED_VALID = datetime.timedelta(days=1)
STARTED_SALT = "ki_portal.form-started"


def form_started_token(at: float | None = None) -> str:
    """When the form was shown, signed so it cannot be backdated, with a random part that
    names this one showing of the form."""
    when = timezone.now().timestamp() if at is None else at
    return signing.dumps([when, secrets.token_urlsafe(16)], salt=STARTED_SALT)


def claim_started_token(nonce: str, submission_key, *, keyed: bool) -> bool:
    """Whether a start-time token may be used by a post with this submission key: the first
    post claims it for its key, and afterwards only the same key may send it again (a
    double click, a reload: `portal.idempotency.create_once` returns what the first
    stored). In a `keyed` form (one with SubmissionKeyMixin) a post without a key uses its
    token once; a form without keys (asking for a link, which is idempotent of its own)
    may send its token again while it is valid.

    The claims live in the cache for as long as a token is valid: with Redis (production)
    they hold across every process and server; while Redis is down every claim succeeds,
    as the rate limits fail open (portal/cache.py), and the fill time and the expiry
    still stand.
    """
    key = f"form-started:{nonce}"
    value = str(submission_key or "")
    if cache.add(key, value, timeout=int(STARTED_VALID.total_seconds())):
        return True
    if keyed and not value:
        return False
    return cache.get(key) == value


class SpamProtectionMixin(forms.Form):
    """A honeypot field hidden by CSS, a minimum fill time and a start-time token that is
    valid for a day and for one submission key, without third parties.

    A filled honeypot sets `is_spam`: the view then answers as if all went well and
    stores nothing, so a script learns nothing. Sending too fast, an expired token or one
    sent again with another submission key gets a message, because a person with a
    password manager can be that fast too, or have left the form open overnight.
    """

    # Named like a field bots like to fill; people never see it (class portal-honeypot).
    fax_number = forms.CharField(
        label=_("Bitte lassen Sie dieses Feld leer."),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    is_spam = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = form_started_token()
        if self.is_bound:
            # A form shown again (with errors) starts a new clock from now on.
            self.data = self.data.copy()
            self._started_value = self.data.get(self.add_prefix("started"), "")
            self.data[self.add_prefix("started")] = self.fields["started"].initial

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("fax_number"):
            self.is_spam = True
            raise ValidationError(_("Das Formular konnte nicht gesendet werden."), code="spam")
        try:
            started, nonce = signing.loads(self._started_value, salt=STARTED_SALT)
        except (signing.BadSignature, TypeError, ValueError):
            started, nonce = None, ""
        now = timezone.now().timestamp()
        if not isinstance(started, int | float) or now - started < MINIMUM_FILL_SECONDS:
            raise ValidationError(
                _(
                    "Das ging so schnell, dass wir eine automatische Eingabe vermuten. Bitte "
                    "prüfen Sie Ihre Angaben und senden Sie das Formular noch einmal."
                ),
                code="too_fast",
            )
        if now - started > STARTED_VALID.total_seconds() or not claim_started_token(
            str(nonce),
            cleaned_data.get("submission_key"),
            keyed="submission_key" in self.fields,
        ):
            raise ValidationError(
                _(
                    "Dieses Formular ist abgelaufen. Bitte prüfen Sie Ihre Angaben und senden "
                    "Sie das Formular noch einmal."
                ),
                code="expired",
            )
        return cleaned_data


class SubmissionKeyMixin(forms.Form):
    """A hidden key made when the form is shown, so the same form sent twice (double click,
    reload, replay) is stored once: the service passes it to `portal.idempotency.create_once`.

    A form shown again with errors keeps the key that was posted. Put "submission_key" in
    the crispy layout if the form lists its fields.
    """

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submission_key"].initial = uuid.uuid4()


class QuickSelect(forms.Select):
    """A select built in Python instead of one template per option.

    The same markup as Django's templates; a filter with dozens of options otherwise costs
    more to render than the rest of its page.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                # A chosen option's attrs already carry "selected".
                (option["value"], flatatt(option["attrs"]), option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(widget["attrs"]), options
        )


class ChoiceRadios(forms.RadioSelect):
    """Radio buttons for every choice on the portal's forms and in the admin.

    Without the empty choice ("---------") a model field's choices begin with: in a
    radio group it is a button of its own, checked before anyone chose, that then fails
    as "required". A required group starts with no button checked; an optional one offers
    "keine Angabe" to take a choice back.
    """

    def optgroups(self, name, value, attrs=None):
        groups = []
        for group, options, index in super().optgroups(name, value, attrs):
            kept = []
            for option in options:
                if option["value"] in ("", None):
                    if self.is_required:
                        continue
                    option["label"] = _("keine Angabe")
                kept.append(option)
            groups.append((group, kept, index))
        return groups
