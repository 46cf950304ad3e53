import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.forms import BoundField
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from languages.forms import LanguageChoiceField
from languages.models import Language
from organisations.models import (
    REGISTER_NUMBER,
    Activity,
    Audience,
    District,
    LegalForm,
    Organisation,
    QualificationTopic,
)
from portal.forms import (
    ChoiceRadios,
    PhoneField,
    PlainEmailField,
    PlainTextField,
    QuickSelect,
    SpamProtectionMixin,
    SubmissionKeyMixin,
)

# Raised together with the text shown at the consent checkbox; the registration stores
# both, so it is always clear which wording a representative agreed to.
PRIVACY_NOTICE_VERSION = "2026-12"


def privacy_notice() -> str:
    """The notice shown with the registration form and stored with the consent, in the
    active language, with the periods the settings give."""
    days = settings.ORGANISATION_HIDDEN_KEEP_DAYS
    return (
        gettext(
            "Wir speichern Ihre Angaben, um Ihre Organisation zu prüfen, in das Verzeichnis "
            "aufzunehmen und Sie zu unserer Zusammenarbeit mit Migrantenorganisationen zu "
            "informieren (Art. 6 Abs. 1 Buchst. e DSGVO mit § 3 DSG NRW). Öffentlich erscheinen "
            "nur die Angaben, die Sie zur Veröffentlichung freigeben; das können Sie jederzeit "
            "über den Link in unseren E-Mails ändern oder zurücknehmen. Unbestätigte Anmeldungen "
            "löschen wir nach sieben Tagen, zurückgezogene Einträge sofort."
        )
        + " "
        + ngettext(
            "Einträge, die 13 Monate lang nicht bestätigt wurden, blenden wir aus und löschen "
            "sie %(days)d Tag später mit allen Angaben.",
            "Einträge, die 13 Monate lang nicht bestätigt wurden, blenden wir aus und löschen "
            "sie %(days)d Tage später mit allen Angaben.",
            days,
        )
        % {"days": days}
    )


MAX_SOCIAL_LINKS = 5


# The languages of the portal's interface, chosen as those most spoken in North
# Rhine-Westphalia's migrant communities: the registration form shows them first.
COMMON_LANGUAGES = {code for code, _name in settings.LANGUAGES}


class LanguageChoiceBoundField(BoundField):
    """The languages in two groups: the common ones first, the rest behind "Weitere
    Sprachen"."""

    @cached_property
    def common_choices(self):
        return [choice for choice in self if is_common_language(choice)]

    @cached_property
    def more_choices(self):
        return [choice for choice in self if not is_common_language(choice)]

    @property
    def more_open(self) -> bool:
        """Whether "Weitere Sprachen" starts open: a choice of it is checked, or there is
        an error, so nothing chosen or to correct is hidden."""
        return bool(self.errors) or any(choice.data["selected"] for choice in self.more_choices)


def is_common_language(choice) -> bool:
    return str(choice.data["value"]) in COMMON_LANGUAGES


class LanguagesChoiceField(forms.ModelMultipleChoiceField):
    bound_field_class = LanguageChoiceBoundField

    def label_from_instance(self, obj):
        # Each name in its own language, so screen readers pronounce it right (WCAG 3.1.2).
        return format_html("<span{}>{}</span>", obj.html_attrs, obj.name)


# The largest primary key a database can hold (a signed 64-bit integer).
LARGEST_KEY = 2**63 - 1


class NamedChoiceField(forms.ModelMultipleChoiceField):
    """Entries of a staff-maintained list, named in the page's language."""

    def __init__(self, queryset, **kwargs):
        super().__init__(
            queryset.with_german_text().prefetch_related("translations").distinct(), **kwargs
        )

    def clean(self, value):
        # SQLite raises OverflowError for a larger number in the "in" query (PostgreSQL
        # finds nothing); no entry can have it.
        for key in value or []:
            if str(key).isdecimal() and int(key) > LARGEST_KEY:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": key},
                )
        return super().clean(value)


class LinkListField(PlainTextField):
    """Up to five web addresses, one per line; "https://" is added when missing."""

    widget = forms.Textarea(attrs={"rows": 3, "dir": "ltr", "inputmode": "url"})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        lines = [line.strip() for line in super().to_python(value).splitlines() if line.strip()]
        if len(lines) > MAX_SOCIAL_LINKS:
            raise ValidationError(
                ngettext(
                    "Bitte geben Sie höchstens %(count)d Adresse an.",
                    "Bitte geben Sie höchstens %(count)d Adressen an.",
                    MAX_SOCIAL_LINKS,
                ),
                params={"count": MAX_SOCIAL_LINKS},
                code="too_many",
            )
        links = []
        for line in lines:
            link = line if "://" in line else f"https://{line}"
            try:
                URLValidator(schemes=["http", "https"])(link)
            except ValidationError:
                raise ValidationError(
                    _("„%(line)s“ ist keine Web-Adresse. Bitte eine Adresse pro Zeile."),
                    params={"line": line},
                    code="invalid",
                ) from None
            links.append(link)
        return links


class FormPart(Fieldset):
    """One numbered part of a long form ("Teil 2 von 5"), its legend a heading, so a person
    on a phone or with a screen reader knows where in the form they are."""

    template = "organisations/_form_part.html"


class OrganisationForm(forms.ModelForm):
    """What a representative enters about the organisation, for a registration or a change."""

    languages = LanguagesChoiceField(
        queryset=Language.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Sprachen, in denen die Organisation arbeitet"),
        help_text=_(
            "Die in NRW meistgesprochenen Sprachen stehen zuerst, alle anderen unter "
            "„Weitere Sprachen“."
        ),
    )
    activities = NamedChoiceField(
        Activity.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Tätigkeitsfelder"),
    )
    audiences = NamedChoiceField(
        Audience.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Zielgruppen"),
    )
    website = forms.URLField(
        assume_scheme="https",
        required=False,
        max_length=300,
        label=_("Website"),
        help_text=_("Zum Beispiel „www.ihr-verein.de“. Sie erscheint im Verzeichnis."),
        widget=forms.URLInput(attrs={"dir": "ltr"}),
    )
    social_links = LinkListField(
        required=False,
        label=_("Soziale Medien"),
        help_text=_("Bis zu fünf Adressen, eine pro Zeile, z. B. „instagram.com/ihr-verein“."),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "legal_form",
            "register_court",
            "register_number",
            "founded_year",
            "street",
            "postal_code",
            "city",
            "district",
            "website",
            "social_links",
            "languages",
            "activities",
            "audiences",
            "description",
            "contact_name",
            "contact_role",
            "contact_email",
            "contact_phone",
            "publish_address",
            "publish_contact_name",
            "publish_contact_email",
            "publish_contact_phone",
        ]
        field_classes = {
            "name": PlainTextField,
            "register_court": PlainTextField,
            "register_number": PlainTextField,
            "street": PlainTextField,
            "postal_code": PlainTextField,
            "city": PlainTextField,
            "description": PlainTextField,
            "contact_name": PlainTextField,
            "contact_role": PlainTextField,
            "contact_email": PlainEmailField,
            "contact_phone": PhoneField,
        }
        widgets = {
            "legal_form": ChoiceRadios,
            "founded_year": forms.TextInput(attrs={"inputmode": "numeric"}),
            # The organisation's address is not the person's own: no autocomplete for it.
            "postal_code": forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr"}),
            "register_number": forms.TextInput(attrs={"dir": "ltr"}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
            "contact_phone": forms.TextInput(
                attrs={"type": "tel", "autocomplete": "tel", "dir": "ltr"}
            ),
        }
        labels = {
            "name": _("Name der Organisation"),
            "founded_year": _("Gründungsjahr"),
            "contact_name": pgettext_lazy("person", "Name"),
            "contact_role": _("Funktion in der Organisation"),
            "contact_email": _("E-Mail-Adresse"),
            "contact_phone": _("Telefonnummer"),
            "publish_address": _("Die Anschrift darf veröffentlicht werden."),
            "publish_contact_name": _("Name und Funktion dürfen veröffentlicht werden."),
            "publish_contact_email": _("Die E-Mail-Adresse darf veröffentlicht werden."),
            "publish_contact_phone": _("Die Telefonnummer darf veröffentlicht werden."),
        }
        help_texts = {
            "name": _("So, wie die Organisation heißt, z. B. „Kulturverein Musterstadt e. V.“."),
            "register_court": _(
                "Nur bei eingetragenen Organisationen, z. B. „Amtsgericht Duisburg“."
            ),
            "register_number": _("Zum Beispiel „VR 1234“ (Vereinsregister) oder „HRB 5678“."),
            "founded_year": _("Vier Ziffern, z. B. „1998“."),
            "postal_code": _("Fünf Ziffern."),
            "district": _("Damit man Sie im Verzeichnis nach Stadtteil findet."),
            "description": _(
                "Was macht Ihre Organisation, für wen, wo? Höchstens 1.500 Zeichen. "
                "Diese Beschreibung erscheint im Verzeichnis."
            ),
            "contact_email": _(
                "An diese Adresse schicken wir den Bestätigungslink und alle Nachrichten "
                "zu Ihrem Eintrag."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.all()
        self.fields["district"].empty_label = _("– bitte wählen –")
        self.fields["contact_email"].required = True
        self.fields["contact_name"].required = True
        for field in self.fields.values():
            # The error message names the limit; the browser would cut pasted text silently.
            field.widget.attrs.pop("maxlength", None)
        self.parts = self.layout_parts()
        for number, part in enumerate(self.parts, start=1):
            part.number, part.total, part.css_id = number, len(self.parts), f"teil-{number}"
        self.helper = FormHelper()
        self.helper.layout = Layout(*self.parts)

    def layout_parts(self) -> list["FormPart"]:
        return [
            FormPart(
                _("Die Organisation"),
                "name",
                Field("legal_form", wrapper_class="choice-grid"),
                "register_court",
                "register_number",
                "founded_year",
            ),
            FormPart(
                _("Anschrift und Internet"),
                "street",
                "postal_code",
                "city",
                "district",
                "website",
                "social_links",
            ),
            FormPart(
                _("Arbeit"),
                Field("languages", template="organisations/_language_choice.html"),
                Field("activities", wrapper_class="choice-grid"),
                Field("audiences", wrapper_class="choice-grid"),
                "description",
            ),
            FormPart(
                _("Ansprechperson"),
                "contact_name",
                "contact_role",
                "contact_email",
                "contact_phone",
            ),
            FormPart(
                _("Was darf im Verzeichnis stehen?"),
                HTML('{% include "organisations/_publication_note.html" %}'),
                "publish_address",
                "publish_contact_name",
                "publish_contact_email",
                "publish_contact_phone",
            ),
        ]

    def clean_founded_year(self):
        year = self.cleaned_data["founded_year"]
        if year is not None and not 1800 <= year <= datetime.date.today().year:
            raise ValidationError(
                _("Bitte geben Sie ein Jahr zwischen 1800 und heute an."), code="year"
            )
        return year

    def clean_register_number(self):
        number = " ".join(self.cleaned_data["register_number"].upper().split())
        if not number:
            return number
        match = REGISTER_NUMBER.match(number)
        if not match:
            raise ValidationError(
                _("Bitte geben Sie die Registernummer wie „VR 1234“ oder „HRB 5678“ an."),
                code="register_number",
            )
        return " ".join(part for part in match.groups() if part)

    def clean(self):
        cleaned_data = super().clean()
        legal_form = cleaned_data.get("legal_form")
        number = cleaned_data.get("register_number")
        court = cleaned_data.get("register_court")
        if legal_form == LegalForm.NOT_REGISTERED and (number or court):
            self.add_error(
                "register_number",
                _("Eine nicht eingetragene Organisation hat keine Registernummer."),
            )
        elif number and not court:
            self.add_error("register_court", _("Bitte geben Sie das Registergericht an."))
        elif court and not number:
            self.add_error("register_number", _("Bitte geben Sie die Registernummer an."))
        elif (
            number
            and legal_form == LegalForm.REGISTERED_ASSOCIATION
            and not number.startswith("VR")
        ):
            self.add_error(
                "register_number",
                _("Ein eingetragener Verein steht im Vereinsregister: „VR“ und die Nummer."),
            )
        for field in ["email", "phone"]:
            if cleaned_data.get(f"publish_contact_{field}") and not cleaned_data.get(
                f"contact_{field}"
            ):
                self.add_error(
                    f"publish_contact_{field}",
                    _("Sie haben dazu nichts angegeben, was veröffentlicht werden könnte."),
                )
        if cleaned_data.get("publish_address") and not (
            cleaned_data.get("street") or cleaned_data.get("city")
        ):
            self.add_error(
                "publish_address",
                _("Sie haben dazu nichts angegeben, was veröffentlicht werden könnte."),
            )
        return cleaned_data


class RegistrationForm(SubmissionKeyMixin, SpamProtectionMixin, OrganisationForm):
    consent = forms.BooleanField(
        label=_("Ich habe die Datenschutzhinweise gelesen und bin einverstanden."),
        error_messages={
            "required": _("Ohne Ihr Einverständnis können wir die Anmeldung nicht annehmen.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout.extend(
            [Div("fax_number", css_class="portal-honeypot"), "started", "submission_key"]
        )
        self.helper.add_input(Submit("send", _("Anmeldung senden")))

    def layout_parts(self):
        return [
            *super().layout_parts(),
            FormPart(
                pgettext_lazy("form section", "Datenschutz"),
                HTML('{% include "organisations/_privacy_notice.html" %}'),
                "consent",
            ),
        ]

    @property
    def privacy_notice(self):
        return privacy_notice()


class ChangeRequestForm(SubmissionKeyMixin, SpamProtectionMixin, OrganisationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout.extend(
            [Div("fax_number", css_class="portal-honeypot"), "started", "submission_key"]
        )
        self.helper.add_input(Submit("send", _("Änderungen zur Prüfung senden")))


class TopicWishForm(forms.Form):
    topics = NamedChoiceField(
        QualificationTopic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Diese Themen wünschen wir uns für die nächsten Qualifizierungen"),
        help_text=_(
            "Wählen Sie so viele, wie Sie möchten. Sie können die Auswahl jederzeit ändern."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("send", _("Wünsche speichern")))


class NewLinkForm(SpamProtectionMixin):
    email = PlainEmailField(
        label=_("E-Mail-Adresse der Ansprechperson"),
        help_text=_("Die Adresse, die bei Ihrem Eintrag hinterlegt ist."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "email", Div("fax_number", css_class="portal-honeypot"), "started"
        )
        self.helper.add_input(Submit("send", _("Link anfordern")))


class NamedFilterField(forms.ModelChoiceField):
    """One entry of a staff-maintained list, chosen by its slug."""

    def __init__(self, queryset, **kwargs):
        super().__init__(
            queryset.with_german_text().prefetch_related("translations").distinct(),
            to_field_name="slug",
            required=False,
            widget=QuickSelect,
            **kwargs,
        )


# Each filter of the directory and the relation it filters on.
FILTER_LOOKUPS = {
    "language": "languages",
    "activity": "activities",
    "audience": "audiences",
    "district": "district",
}


class DirectoryFilterForm(forms.Form):
    """The directory's search and filters, sent with GET so they work without JavaScript.

    A value that is not valid (an unknown entry, text that is too long) is shown as an
    error and left out of the filter; the other filters still apply.
    """

    # Every filter may stay empty: no "– optional" after each label.
    all_fields_optional = True

    q = PlainTextField(
        label=_("Suchbegriff"),
        required=False,
        max_length=100,
        help_text=_("Sucht im Namen und in der Beschreibung."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    language = LanguageChoiceField(
        Language.objects.none(),
        required=False,
        label=_("Sprache"),
        empty_label=_("alle Sprachen"),
    )
    activity = NamedFilterField(
        Activity.objects.all(), label=_("Tätigkeitsfeld"), empty_label=_("alle Tätigkeitsfelder")
    )
    audience = NamedFilterField(
        Audience.objects.all(), label=_("Zielgruppe"), empty_label=_("alle Zielgruppen")
    )
    district = forms.ModelChoiceField(
        District.objects.all(),
        required=False,
        label=_("Stadtteil oder Ort"),
        empty_label=_("alle Stadtteile und Orte"),
        widget=QuickSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Of the forty-odd languages, only those an entry works in: no choice finds nothing.
        self.fields["language"].queryset = Language.objects.filter(
            organisations__in=Organisation.objects.published()
        ).distinct()

    def filter(self, organisations):
        """The organisations that match every valid filter; call after `is_valid()`."""
        data = getattr(self, "cleaned_data", {})
        for name, lookup in FILTER_LOOKUPS.items():
            if data.get(name):
                organisations = organisations.filter(**{lookup: data[name]})
        if data.get("q"):
            organisations = organisations.search(data["q"])
        return organisations

    def query_string(self) -> str:
        """The valid, non-empty filters as a query string, for the pagination's links."""
        data = getattr(self, "cleaned_data", {})
        query = QueryDict(mutable=True)
        for name, value in data.items():
            if value:
                query[name] = value if name == "q" else self.fields[name].prepare_value(value)
        return query.urlencode()


class RejectionForm(forms.Form):
    reason = PlainTextField(
        label=_("Begründung"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Die Organisation erhält diese Begründung per E-Mail."),
        max_length=2000,
    )
