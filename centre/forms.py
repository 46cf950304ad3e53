from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centre.models import BarrierFeedback, validate_page_address
from portal.forms import (
    PlainEmailField,
    PlainTextField,
    SpamProtectionMixin,
    SubmissionKeyMixin,
)


class PageAddressField(PlainTextField):
    default_validators = [validate_page_address]


class BarrierFeedbackForm(SubmissionKeyMixin, SpamProtectionMixin, forms.ModelForm):
    class Meta:
        model = BarrierFeedback
        fields = ["page_url", "description", "name", "email"]
        field_classes = {
            "page_url": PageAddressField,
            "description": PlainTextField,
            "name": PlainTextField,
            "email": PlainEmailField,
        }
        # autocomplete names the person's own data (WCAG 1.3.5); addresses read left to right
        # also in Arabic or Persian.
        widgets = {
            "page_url": forms.TextInput(attrs={"inputmode": "url", "dir": "ltr"}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
        }
        labels = {
            "page_url": _("Adresse der Seite"),
            "description": _("Was hat nicht funktioniert?"),
            "name": _("Ihr Name"),
            "email": _("Ihre E-Mail-Adresse"),
        }
        help_texts = {
            "page_url": _(
                "Die Seite, auf der Sie auf die Barriere gestoßen sind, z. B. „/kontakt/“ "
                "oder „https://…“. Wenn Sie über einen Link auf einer Seite hierher gekommen "
                "sind, ist sie schon eingetragen."
            ),
            "description": _(
                "Beschreiben Sie bitte, was Sie tun wollten und woran es gescheitert ist, "
                "z. B. ein Dokument, das Ihr Vorleseprogramm nicht lesen kann. "
                "Höchstens 5.000 Zeichen."
            ),
            "name": _("Damit wir Sie in unserer Antwort ansprechen können."),
            "email": _(
                "Nur wenn Sie eine Antwort möchten. Wir schreiben Ihnen nur zu dieser Rückmeldung."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # The error message names the limit; the browser would cut pasted text silently.
            field.widget.attrs.pop("maxlength", None)
        self.helper = FormHelper()
        # Posting to the bare address keeps "?seite=" and a "#field" from the error summary
        # out of the thanks page's address.
        self.helper.form_action = reverse("centre:barrier-feedback")
        self.helper.layout = Layout(
            "page_url",
            "description",
            "name",
            "email",
            HTML('{% include "includes/_barrier_feedback_privacy.html" %}'),
            Div("fax_number", css_class="portal-honeypot"),
            "started",
            "submission_key",
        )
        self.helper.add_input(Submit("send", _("Rückmeldung senden")))

    @classmethod
    def initial_page(cls, address: str) -> dict:
        """The page to prefill from a link's query, if it is a valid page address."""
        try:
            return {"page_url": cls.base_fields["page_url"].clean(address)}
        except ValidationError:
            return {}
