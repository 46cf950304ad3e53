"""The crispy-forms template pack `kern`, proven on a form with every kind of field."""

import re
from html.parser import HTMLParser

import pytest
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import engines
from django.test import RequestFactory

pytestmark = pytest.mark.django_db

TOPICS = [("school", "Schule"), ("work", "Arbeit"), ("health", "Gesundheit")]


class SampleForm(forms.Form):
    name = forms.CharField(label="Name", help_text="So, wie wir Sie ansprechen sollen.")
    email = forms.EmailField(label="E-Mail", required=False)
    message = forms.CharField(label="Nachricht", widget=forms.Textarea, required=False)
    district = forms.ChoiceField(label="Stadtteil", choices=[("", "Bitte wählen"), *TOPICS])
    consent = forms.BooleanField(label="Ich stimme zu")
    topics = forms.MultipleChoiceField(
        label="Themen", choices=TOPICS, widget=forms.CheckboxSelectMultiple, required=False
    )
    channel = forms.ChoiceField(
        label="Kontaktweg",
        choices=[("phone", "Telefon"), ("mail", "E-Mail")],
        widget=forms.RadioSelect,
        help_text="Wir melden uns nur auf diesem Weg.",
    )
    attachment = forms.FileField(label="Anhang", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset("Über Sie", "name", "email", "message", "district"),
            "consent",
            "topics",
            "channel",
            "attachment",
        )
        self.helper.add_input(Submit("send", "Absenden"))


class Elements(HTMLParser):
    """Collects every start tag with its attributes, in document order."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def by_id(self, element_id):
        return next(attrs for _tag, attrs in self.tags if attrs.get("id") == element_id)

    def ids(self):
        return [attrs["id"] for _tag, attrs in self.tags if "id" in attrs]


def render(form, tag="{% crispy form %}"):
    template = engines["django"].from_string("{% load crispy_forms_tags %}" + tag)
    return template.render({"form": form}, RequestFactory().get("/"))


def invalid_form():
    return SampleForm(
        data={"name": "", "email": "keine-adresse", "message": "Hallo <b>Welt</b>", "channel": ""},
        files={},
    )


@pytest.mark.parametrize("tag", ["{% crispy form %}", "{{ form|crispy }}"])
def test_every_label_belongs_to_its_input(tag):
    html = render(SampleForm(), tag)

    elements = Elements(html)
    labelled = [attrs["for"] for name, attrs in elements.tags if name == "label"]
    for element_id in labelled:
        assert elements.by_id(element_id)
    assert {"id_name", "id_email", "id_message", "id_district", "id_consent"} <= set(labelled)
    assert {"id_topics_0", "id_channel_1", "id_attachment"} <= set(labelled)


def test_ids_are_unique():
    ids = Elements(render(invalid_form())).ids()

    assert len(ids) == len(set(ids))


def test_hint_is_linked_with_aria_describedby():
    elements = Elements(render(SampleForm()))

    assert elements.by_id("id_name")["aria-describedby"] == "id_name-hint"
    assert elements.by_id("id_name-hint")
    assert "aria-describedby" not in elements.by_id("id_email")


def test_optional_fields_are_marked_and_required_ones_are_not():
    html = render(SampleForm())

    assert re.search(r'for="id_email">E-Mail <span class="kern-label__optional">– optional', html)
    assert re.search(r"<legend[^>]*>Themen <span class=\"kern-label__optional\">", html)
    assert re.search(r'for="id_name">Name</label>', html)
    assert re.search(r"<legend[^>]*>Kontaktweg</legend>", html)


def test_groups_of_choices_are_fieldsets_with_a_legend():
    html = render(SampleForm())

    for legend in ("Themen", "Kontaktweg"):
        assert re.search(rf'<fieldset class="kern-fieldset"[^>]*>\s*<legend[^>]*>{legend}', html)
    assert html.count('class="kern-form-check__radio"') == 2
    # three topics and the consent
    assert html.count('class="kern-form-check__checkbox"') == 4


def test_invalid_fields_show_their_error_next_to_the_field():
    form = invalid_form()
    assert not form.is_valid()

    elements = Elements(render(form))

    name = elements.by_id("id_name")
    assert name["aria-invalid"] == "true"
    assert name["aria-describedby"] == "id_name-hint id_name-error"
    assert "kern-form-input__input--error" in name["class"]
    assert elements.by_id("id_name-error")
    assert elements.by_id("id_email")["aria-describedby"] == "id_email-error"
    assert "aria-invalid" not in elements.by_id("id_message")


def test_error_in_a_group_describes_the_fieldset():
    html = render(invalid_form())

    assert re.search(
        r'<fieldset class="kern-fieldset kern-fieldset--error" '
        r'aria-describedby="id_channel-hint id_channel-error">',
        html,
    )
    assert 'id="id_channel-error"' in html


def test_error_summary_at_the_top_links_to_each_invalid_field():
    html = render(invalid_form())

    summary = html[html.index('id="error-summary"') : html.index("</ul>")]
    assert html.index('id="error-summary"') < html.index('id="id_name"')
    assert "Bitte korrigieren Sie folgende Angaben:" in summary
    links = re.findall(r'<a class="kern-link" href="#([^"]+)">', summary)
    assert links == ["id_name", "id_email", "id_district", "id_consent", "id_channel_0"]


def test_form_without_errors_has_no_summary():
    assert "error-summary" not in render(SampleForm())


def test_what_the_person_typed_is_kept_and_escaped():
    html = render(invalid_form())

    assert 'value="keine-adresse"' in html
    assert "Hallo &lt;b&gt;Welt&lt;/b&gt;</textarea>" in html


def test_chosen_options_stay_chosen():
    form = SampleForm(data={"topics": ["work"], "channel": "mail", "district": "health"})

    html = render(form)

    assert re.search(r'value="work" id="id_topics_1" checked', html)
    assert re.search(r'value="mail" id="id_channel_1" checked', html)
    assert '<option value="health" selected>' in html


def test_form_posts_with_csrf_token_file_encoding_and_a_kern_button():
    form = SampleForm()
    form.fields["attachment"].initial = None

    html = render(form)

    assert re.search(r'<form\s+method="post" enctype="multipart/form-data" novalidate>', html)
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<button type="submit" name="send" class="kern-btn kern-btn--primary"' in html
    assert re.search(r'<legend class="kern-heading-small">Über Sie</legend>', html)


def test_a_valid_upload_is_accepted():
    upload = SimpleUploadedFile("brief.pdf", b"%PDF-1.4")
    data = {"name": "A", "district": "work", "consent": "on", "channel": "phone"}

    assert SampleForm(data=data, files={"attachment": upload}).is_valid()
