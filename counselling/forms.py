import datetime
import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from centre.models import Weekday
from counselling.models import MESSAGE_MAX_LENGTH, Channel, TimeOfDay, Topic
from languages.forms import LanguageChoiceField
from languages.models import Language
from portal.forms import (
    ChoiceRadios,
    PhoneField,
    PlainEmailField,
    PlainTextField,
    SpamProtectionMixin,
    SubmissionKeyMixin,
    normalise_text,
)

# Shown at the checkbox and stored with every request that carries a message.
MESSAGE_CONSENT = _(
    "Ich willige ein, dass das Integrationszentrum meine Nachricht speichert und liest, auch "
    "wenn sie etwas über meine Gesundheit, Herkunft, Religion oder über Gewalt sagt. Ich kann "
    "diese Einwilligung jederzeit widerrufen; dann löschen wir meine Anfrage."
)
# German mobile numbers start with 015, 016 or 017 (+49 15…, also written +49 (0)15…).
GERMAN_NUMBER = re.compile(r"^(?:\+49|0049|0(?!0))(\d+)$")
GERMAN_MOBILE = re.compile(r"^1[567]")
WORKING_DAYS = [day for day in Weekday if day < Weekday.SATURDAY]


class MessageField(forms.CharField):
    """Her own words: normalised, but kept as typed, markup included; the team sees it
    as plain text."""

    def to_python(self, value):
        return normalise_text(super().to_python(value))


class CounsellingRequestForm(SubmissionKeyMixin, SpamProtectionMixin, forms.Form):
    topic = forms.ChoiceField(
        label=_("Worum geht es?"),
        choices=Topic.choices,
        widget=ChoiceRadios,
        error_messages={"required": _("Bitte wählen Sie, worum es geht.")},
    )
    channel = forms.ChoiceField(
        label=_("Wie sollen wir Sie erreichen?"),
        choices=Channel.choices,
        widget=ChoiceRadios,
        error_messages={"required": _("Bitte wählen Sie, wie wir Sie erreichen sollen.")},
    )
    contact_detail = PlainTextField(
        label=_("Telefonnummer oder E-Mail-Adresse"),
        required=False,
        max_length=254,
        help_text=_(
            "Nur die eine Angabe für den Weg, den Sie gewählt haben: eine Telefonnummer für "
            "Anruf oder SMS, eine E-Mail-Adresse für E-Mail. Wenn Sie vorbeikommen, lassen Sie "
            "das Feld leer."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "dir": "ltr", "spellcheck": "false"}),
    )
    wants_confirmation = forms.BooleanField(
        label=_("Bitte schicken Sie mir eine Bestätigung an diese E-Mail-Adresse."),
        required=False,
        help_text=_(
            "Wir schicken nur dann eine E-Mail. Lassen Sie das Kästchen leer, wenn jemand "
            "anderes Ihre E-Mails lesen könnte."
        ),
    )
    name = PlainTextField(
        label=_("Name oder Pseudonym"),
        required=False,
        max_length=100,
        help_text=_("Ein Vorname oder ein ausgedachter Name genügt."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    language = LanguageChoiceField(
        Language.objects.all(),
        label=_("In welcher Sprache möchten Sie sprechen?"),
        to_field_name="code",
        empty_label=_("– bitte wählen –"),
        error_messages={"required": _("Bitte wählen Sie eine Sprache.")},
    )
    preferred_days = forms.TypedMultipleChoiceField(
        label=_("An welchen Tagen passt es Ihnen?"),
        choices=[(day.value, day.label) for day in WORKING_DAYS],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    preferred_time = forms.ChoiceField(
        label=_("Zu welcher Tageszeit?"),
        choices=TimeOfDay.choices,
        initial=TimeOfDay.ANY,
        widget=ChoiceRadios,
    )
    authority = PlainTextField(
        label=_("Zu welcher Behörde möchten Sie begleitet werden?"),
        required=False,
        max_length=200,
        help_text=_("Zum Beispiel Ausländerbehörde, Jobcenter oder Standesamt."),
    )
    appointment_date = forms.DateField(
        label=_("Datum des Termins"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Wenn Sie schon einen Termin haben."),
    )
    appointment_time = forms.TimeField(
        label=_("Uhrzeit des Termins"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    message = MessageField(
        label=_("Nachricht"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Bitte schreiben Sie nur, was wir für eine erste Antwort brauchen, höchstens "
            "1.000 Zeichen. Alles Weitere besprechen wir lieber persönlich."
        ),
    )
    message_consent = forms.BooleanField(
        label=MESSAGE_CONSENT,
        required=False,
        help_text=_("Nötig, wenn Sie eine Nachricht schreiben."),
    )
    # Required only with a message (clean()): marked neither "optional" nor required.
    conditionally_required = {"message_consent"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The page's language is preselected; a code not in the list selects nothing.
        self.fields["language"].initial = get_language()
        for field in self.fields.values():
            # The error message names the limit; the browser would cut pasted text silently.
            field.widget.attrs.pop("maxlength", None)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "topic",
            Fieldset(
                _("Wie wir Sie erreichen"),
                "channel",
                "contact_detail",
                "wants_confirmation",
                "name",
                "language",
                "preferred_days",
                "preferred_time",
            ),
            Fieldset(
                _("Nur bei Begleitung zu einer Behörde"),
                "authority",
                "appointment_date",
                "appointment_time",
            ),
            Fieldset(_("Ihre Nachricht (freiwillig)"), "message", "message_consent"),
            HTML('{% include "counselling/_privacy_notice.html" %}'),
            Div("fax_number", css_class="portal-honeypot"),
            "started",
            "submission_key",
        )
        self.helper.add_input(Submit("send", _("Anfrage senden")))

    def clean_appointment_date(self):
        date = self.cleaned_data["appointment_date"]
        if date and date < timezone.localdate():
            raise ValidationError(
                _("Dieser Tag liegt in der Vergangenheit. Bitte prüfen Sie das Datum."),
                code="past",
            )
        if date and date > timezone.localdate() + datetime.timedelta(days=366):
            raise ValidationError(
                _("Bitte geben Sie einen Termin in den nächsten zwölf Monaten an."),
                code="far",
            )
        return date

    def clean(self):
        # The spam checks (super) come last: the person still sees every error of hers.
        cleaned_data = self.cleaned_data
        self._clean_contact_detail(cleaned_data)
        topic = cleaned_data.get("topic")
        if topic == Topic.ACCOMPANIMENT and not cleaned_data.get("authority"):
            self.add_error(
                "authority", _("Bitte sagen Sie uns, zu welcher Behörde Sie gehen möchten.")
            )
        if topic and topic != Topic.ACCOMPANIMENT:
            # Details of an accompaniment are only kept when she asks for one.
            for field in ["authority", "appointment_date", "appointment_time"]:
                cleaned_data[field] = self.fields[field].to_python("")
        if cleaned_data.get("appointment_time") and not cleaned_data.get("appointment_date"):
            self.add_error("appointment_date", _("Bitte geben Sie auch das Datum an."))
        if cleaned_data.get("message") and not cleaned_data.get("message_consent"):
            self.add_error(
                "message_consent",
                _(
                    "Wir dürfen Ihre Nachricht nur mit Ihrer Einwilligung speichern. Bitte "
                    "kreuzen Sie sie an oder lassen Sie das Nachrichtenfeld leer."
                ),
            )
        return super().clean()

    def _clean_contact_detail(self, cleaned_data):
        channel = cleaned_data.get("channel")
        detail = cleaned_data.get("contact_detail", "")
        if channel is None or "contact_detail" in self.errors:
            return
        if channel == Channel.VISIT:
            if detail:
                self.add_error(
                    "contact_detail",
                    _(
                        "Wenn Sie vorbeikommen, brauchen wir keine Telefonnummer und keine "
                        "E-Mail-Adresse. Bitte lassen Sie das Feld leer."
                    ),
                )
        elif not detail:
            self.add_error(
                "contact_detail",
                _("Bitte geben Sie eine E-Mail-Adresse an.")
                if channel == Channel.EMAIL
                else _("Bitte geben Sie eine Telefonnummer an."),
            )
        else:
            try:
                if channel == Channel.EMAIL:
                    cleaned_data["contact_detail"] = PlainEmailField().clean(detail)
                else:
                    cleaned_data["contact_detail"] = phone_number(
                        detail, mobile=channel == Channel.SMS
                    )
            except ValidationError as error:
                self.add_error("contact_detail", error)
        if cleaned_data.get("wants_confirmation") and channel != Channel.EMAIL:
            self.add_error(
                "wants_confirmation",
                _(
                    "Eine Bestätigung können wir nur per E-Mail schicken. Wählen Sie dafür "
                    "„E-Mail“ als Weg, oder lassen Sie das Kästchen leer."
                ),
            )

    @property
    def message_consent_text(self) -> str:
        return str(MESSAGE_CONSENT)


def phone_number(value: str, *, mobile: bool) -> str:
    """A dialable number; for an SMS a German number must be a mobile one."""
    number = PhoneField().clean(value)
    digits = "".join(c for c in number if c.isdigit() or c == "+")
    german = GERMAN_NUMBER.match(digits)
    if mobile and german and not GERMAN_MOBILE.match(german.group(1).lstrip("0")):
        raise ValidationError(
            _("Für eine SMS brauchen wir eine Handynummer, z. B. „0151 23456789“."),
            code="not_mobile",
        )
    return number
