"""The crispy-forms template pack `kern`, proven on a form with every kind of field."""

import re
from html.parser import HTMLParser

import pytest
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import engines
from django.utils import translation

from portal.forms import QuickSelect

TOPICS = [("school", "Schule"), ("work", "Arbeit"), ("health", "Gesundheit")]
CRISPY_TAG = "{% crispy form %}"
CRISPY_FILTER = "{{ form|crispy }}"


class SampleForm(forms.Form):
    name = forms.CharField(label="Name", help_text="So, wie wir Sie ansprechen sollen.")
    email = forms.EmailField(label="E-Mail", required=False)
    phone = forms.CharField(
        label="Telefon", required=False, widget=forms.TextInput(attrs={"type": "tel"})
    )
    born = forms.DateField(label="Geburtsdatum", widget=forms.DateInput(attrs={"type": "date"}))
    secret = forms.CharField(label="Kennwort", widget=forms.PasswordInput, required=False)
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
    attachment = forms.FileField(label="Anhang", required=False, help_text="PDF, höchstens 5 MB")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            HTML('<p class="kern-body">Alle Angaben ohne Zusatz sind Pflicht.</p>'),
            Fieldset("Über Sie", "name", "email", "phone", "born", "secret"),
            Div("message", "district", css_class="kern-stack-lg"),
            "consent",
            "topics",
            "channel",
            "attachment",
        )
        self.helper.add_input(Submit("send", "Absenden"))


class ValidatedForm(SampleForm):
    def clean(self):
        raise forms.ValidationError("Die Anfrage konnte nicht zugeordnet werden.")


class Elements(HTMLParser):
    """Collects every start tag with its attributes, in document order."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def by_id(self, element_id):
        matches = [attrs for _tag, attrs in self.tags if attrs.get("id") == element_id]
        assert len(matches) == 1, f"{len(matches)} elements with id {element_id!r}"
        return matches[0]

    def ids(self):
        return [attrs["id"] for _tag, attrs in self.tags if "id" in attrs]

    def all(self, tag):
        return [attrs for name, attrs in self.tags if name == tag]


def render(form, tag=CRISPY_TAG):
    """Render like a view would; the CSRF token stands in for the request's."""
    template = engines["django"].from_string("{% load crispy_forms_tags %}" + tag)
    return template.render({"form": form, "csrf_token": "t" * 64})


def invalid_form(form_class=SampleForm, **kwargs):
    form = form_class(
        data={
            "name": "",
            "email": "keine-adresse",
            "phone": "0221 12345",
            "message": "Hallo <b>Welt</b>",
            "channel": "",
        },
        files={},
        **kwargs,
    )
    assert not form.is_valid()
    return form


ALL_STATES = [
    pytest.param(lambda: SampleForm(), CRISPY_TAG, id="unbound-tag"),
    pytest.param(lambda: SampleForm(), CRISPY_FILTER, id="unbound-filter"),
    pytest.param(invalid_form, CRISPY_TAG, id="invalid-tag"),
    pytest.param(invalid_form, CRISPY_FILTER, id="invalid-filter"),
]


@pytest.mark.parametrize(("make_form", "tag"), ALL_STATES)
def test_every_label_belongs_to_exactly_one_input(make_form, tag):
    elements = Elements(render(make_form(), tag))

    labelled = [attrs["for"] for attrs in elements.all("label")]
    for element_id in labelled:
        assert elements.by_id(element_id)
    assert {"id_name", "id_email", "id_phone", "id_born", "id_secret"} <= set(labelled)
    assert {"id_message", "id_district", "id_consent", "id_attachment"} <= set(labelled)
    assert {"id_topics_0", "id_topics_2", "id_channel_0", "id_channel_1"} <= set(labelled)


@pytest.mark.parametrize(("make_form", "tag"), ALL_STATES)
def test_ids_are_unique_and_every_description_exists(make_form, tag):
    elements = Elements(render(make_form(), tag))

    ids = elements.ids()
    assert len(ids) == len(set(ids))
    references = [
        reference
        for _tag, attrs in elements.tags
        for name in ("aria-describedby", "aria-labelledby")
        for reference in attrs.get(name, "").split()
    ]
    assert references
    assert set(references) <= set(ids)


@pytest.mark.parametrize(("make_form", "tag"), ALL_STATES)
def test_no_inline_styles_or_scripts_for_a_strict_csp(make_form, tag):
    html = render(make_form(), tag)

    assert "style=" not in html
    assert "<style" not in html
    assert "<script" not in html
    assert not re.search(r"\son[a-z]+=", html)


def test_widgets_carry_the_kern_classes():
    elements = Elements(render(SampleForm()))

    for element_id in ("id_name", "id_email", "id_phone", "id_born", "id_secret", "id_message"):
        assert elements.by_id(element_id)["class"] == "kern-form-input__input"
    assert elements.by_id("id_phone")["type"] == "tel"
    assert elements.by_id("id_born")["type"] == "date"
    assert elements.by_id("id_secret")["type"] == "password"
    assert elements.by_id("id_attachment")["type"] == "file"
    assert elements.by_id("id_district")["class"] == "kern-form-input__select"
    assert elements.by_id("id_consent")["class"] == "kern-form-check__checkbox"
    assert elements.by_id("id_topics_1")["class"] == "kern-form-check__checkbox"
    assert elements.by_id("id_channel_1")["class"] == "kern-form-check__radio"


def test_select_sits_in_the_kern_select_wrapper():
    html = render(SampleForm())

    assert re.search(r'<div class="kern-form-input__select-wrapper"><select name="district"', html)


def test_required_fields_are_required_for_assistive_technology():
    elements = Elements(render(SampleForm()))

    for element_id in ("id_name", "id_born", "id_district", "id_consent", "id_channel_0"):
        assert "required" in elements.by_id(element_id)
    for element_id in ("id_email", "id_phone", "id_message", "id_attachment", "id_topics_0"):
        assert "required" not in elements.by_id(element_id)


def test_hint_is_linked_with_aria_describedby():
    elements = Elements(render(SampleForm()))

    assert elements.by_id("id_name")["aria-describedby"] == "id_name-hint"
    assert elements.by_id("id_name-hint")["class"] == "kern-hint"
    assert elements.by_id("id_attachment")["aria-describedby"] == "id_attachment-hint"
    assert "aria-describedby" not in elements.by_id("id_email")


def test_an_unbound_form_shows_no_error():
    html = render(SampleForm())

    assert "aria-invalid" not in html
    assert "kern-error" not in html
    assert "--error" not in html
    assert "error-summary" not in html


@pytest.mark.parametrize("tag", [CRISPY_TAG, CRISPY_FILTER])
def test_optional_fields_are_marked_and_required_ones_are_not(tag):
    html = render(SampleForm(), tag)

    optional = '<span class="kern-label__optional">– optional</span>'
    for label in ("E-Mail", "Telefon", "Kennwort", "Nachricht", "Anhang"):
        assert re.search(rf'class="kern-label" for="id_\w+">{label} {optional}</label>', html)
    assert re.search(rf'<legend class="kern-label">Themen {optional}</legend>', html)
    for label in ("Name", "Geburtsdatum", "Stadtteil", "Ich stimme zu"):
        assert re.search(rf'<label class="kern-label" for="id_\w+">{label}</label>', html)
    assert re.search(r'<legend class="kern-label">Kontaktweg</legend>', html)
    # The options of a group are not marked one by one.
    assert re.search(r'for="id_topics_0">Schule</label>', html)


@pytest.mark.parametrize("tag", [CRISPY_TAG, CRISPY_FILTER])
def test_groups_of_choices_are_fieldsets_with_a_legend(tag):
    html = render(SampleForm(), tag)

    for name, legend in (("topics", "Themen"), ("channel", "Kontaktweg")):
        group = re.search(
            rf'<fieldset class="kern-fieldset"[^>]*>\s*<legend class="kern-label">{legend}'
            r".*?</fieldset>",
            html,
            re.DOTALL,
        ).group(0)
        options = re.findall(rf'<input [^>]*name="{name}"[^>]*>', group)
        assert len(options) == len(re.findall(r"<label ", group)) > 1
    assert html.count('class="kern-form-check__radio"') == 2
    # three topics and the consent
    assert html.count('class="kern-form-check__checkbox"') == 4


@pytest.mark.parametrize("tag", [CRISPY_TAG, CRISPY_FILTER])
def test_invalid_fields_show_their_error_next_to_the_field(tag):
    html = render(invalid_form(), tag)
    elements = Elements(html)

    name = elements.by_id("id_name")
    assert name["aria-invalid"] == "true"
    assert name["aria-describedby"] == "id_name-hint id_name-error"
    assert "kern-form-input__input--error" in name["class"]
    assert elements.by_id("id_name-error")["class"] == "kern-error"
    assert elements.by_id("id_email")["aria-describedby"] == "id_email-error"
    assert elements.by_id("id_district")["aria-invalid"] == "true"
    assert "kern-form-input__select--error" in elements.by_id("id_district")["class"]
    assert elements.by_id("id_consent")["aria-describedby"] == "id_consent-error"
    # Label, hint, input and message follow each other, as in KERN's examples.
    order = [
        html.index('for="id_name"'),
        html.index('id="id_name-hint"'),
        html.index('id="id_name"'),
        html.index('id="id_name-error"'),
    ]
    assert order == sorted(order)
    between = html[order[0] : order[3]]
    assert between.count("<input") == 1
    assert between.count("<label") == 0
    for valid in ("id_phone", "id_message", "id_topics_0", "id_attachment"):
        assert "aria-invalid" not in elements.by_id(valid)
        assert f'id="{valid}-error"' not in html


def test_error_in_a_group_describes_the_fieldset_and_marks_its_options():
    html = render(invalid_form())
    elements = Elements(html)

    assert re.search(
        r'<fieldset class="kern-fieldset kern-fieldset--error" '
        r'aria-describedby="id_channel-hint id_channel-error">',
        html,
    )
    assert elements.by_id("id_channel-error")["class"] == "kern-error"
    for option in ("id_channel_0", "id_channel_1"):
        assert elements.by_id(option)["aria-invalid"] == "true"
        assert "kern-form-check__radio--error" in elements.by_id(option)["class"]


@pytest.mark.parametrize("tag", [CRISPY_TAG, CRISPY_FILTER])
def test_error_summary_at_the_top_links_to_each_invalid_field(tag):
    html = render(invalid_form(ValidatedForm), tag)
    elements = Elements(html)

    summary_attrs = elements.by_id("error-summary")
    assert summary_attrs["tabindex"] == "-1"
    assert "autofocus" in summary_attrs
    assert "kern-alert kern-alert--danger" in summary_attrs["class"]
    assert summary_attrs["aria-labelledby"] == "error-summary-title"
    summary = html[html.index('id="error-summary"') : html.index("</ul>")]
    assert html.index('id="error-summary"') < html.index('id="id_name"')
    assert '<h2 class="kern-title" id="error-summary-title">Bitte korrigieren' in summary
    assert "Die Anfrage konnte nicht zugeordnet werden." in summary
    links = re.findall(r'<a class="kern-link" href="#([^"]+)">([^<]+)</a>', summary)
    assert [target for target, _text in links] == [
        "id_name",
        "id_email",
        "id_born",
        "id_district",
        "id_consent",
        "id_channel_0",
    ]
    assert ("id_born", "Geburtsdatum: Dieses Feld ist zwingend erforderlich.") in links
    for target, _text in links:
        assert elements.by_id(target)


def test_email_error_is_summarised_with_its_label():
    form = SampleForm(data={"email": "keine-adresse"})

    html = render(form)

    assert '<a class="kern-link" href="#id_email">E-Mail: Bitte gültige E-Mail-Adresse' in html


def test_a_form_with_a_prefix_gets_its_own_summary_ids():
    html = render(invalid_form(prefix="zwei"))
    elements = Elements(html)

    assert elements.by_id("zwei-error-summary")["aria-labelledby"] == "zwei-error-summary-title"
    assert 'href="#id_zwei-name"' in html
    described_by = elements.by_id("id_zwei-name")["aria-describedby"]
    assert described_by == "id_zwei-name-hint id_zwei-name-error"


def test_texts_of_the_pack_are_translated():
    with translation.override("ar"):
        html = render(invalid_form())

    assert "Bitte korrigieren" not in html
    assert "– optional" not in html
    assert '<span class="kern-label__optional">– اختياري</span>' in html


def test_what_the_person_typed_is_kept_and_escaped():
    html = render(invalid_form())

    assert 'value="keine-adresse"' in html
    assert 'value="0221 12345"' in html
    assert "Hallo &lt;b&gt;Welt&lt;/b&gt;</textarea>" in html


def test_chosen_options_stay_chosen():
    form = SampleForm(data={"topics": ["work", "health"], "channel": "mail", "district": "health"})

    elements = Elements(render(form))

    assert "checked" in elements.by_id("id_topics_1")
    assert "checked" in elements.by_id("id_topics_2")
    assert "checked" not in elements.by_id("id_topics_0")
    assert "checked" in elements.by_id("id_channel_1")
    assert "checked" not in elements.by_id("id_channel_0")
    assert '<option value="health" selected>' in render(form)


def test_disabled_options_stay_disabled():
    form = SampleForm()
    form.fields["channel"].disabled = True

    elements = Elements(render(form))

    assert "disabled" in elements.by_id("id_channel_0")


def test_hidden_labels_stay_for_screen_readers():
    form = SampleForm()
    form.helper.form_show_labels = False

    html = render(form)

    assert '<label class="kern-label kern-sr-only" for="id_name">Name</label>' in html
    assert re.search(r'<legend class="kern-label kern-sr-only">Themen', html)


def test_form_posts_with_csrf_token_file_encoding_and_a_kern_button():
    html = render(SampleForm())

    assert re.search(r'<form\s+method="post" enctype="multipart/form-data" novalidate>', html)
    assert 'name="csrfmiddlewaretoken"' in html
    assert re.search(
        r'<button type="submit" name="send" value="Absenden" class="kern-btn kern-btn--primary"'
        r'[^>]*><span class="kern-label">Absenden</span></button>',
        html,
    )
    assert re.search(r'<legend class="kern-heading-small">Über Sie</legend>', html)
    assert '<div class="kern-stack-lg">' in html
    assert '<p class="kern-body">Alle Angaben ohne Zusatz sind Pflicht.</p>' in html


def test_filter_renders_the_fields_without_form_tag_or_buttons():
    html = render(SampleForm(), CRISPY_FILTER)

    assert "<form" not in html
    assert "<button" not in html
    assert 'id="id_attachment"' in html


def test_a_valid_upload_is_accepted():
    upload = SimpleUploadedFile("brief.pdf", b"%PDF-1.4")
    data = {"name": "A", "born": "2000-01-31", "district": "work", "consent": "on"}
    data["channel"] = "phone"

    assert SampleForm(data=data, files={"attachment": upload}).is_valid()


@pytest.mark.parametrize("tag", ["{% crispy form %}", "{{ form|crispy }}"])
def test_formsets_render_with_one_summary(tag):
    formset_class = forms.formset_factory(SampleForm, extra=0)
    formset = formset_class(
        data={
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "0",
            "form-0-email": "keine-adresse",
            "form-1-name": "Ada",
        }
    )
    assert not formset.is_valid()

    html = render(formset, tag)
    elements = Elements(html)

    assert elements.by_id("form-error-summary")
    assert 'name="form-TOTAL_FORMS"' in html
    assert 'href="#id_form-0-name"' in html
    assert 'href="#id_form-0-email"' in html
    assert 'href="#id_form-1-born"' in html
    assert 'href="#id_form-1-name"' not in html
    assert elements.by_id("id_form-1-name")["value"] == "Ada"
    ids = elements.ids()
    assert len(ids) == len(set(ids))


def test_an_invalid_date_is_kept_as_text_so_the_page_stays_valid_html():
    form = SampleForm(data={"born": "31.02.2020"})
    form.is_valid()

    born = Elements(render(form)).by_id("id_born")

    assert born["type"] == "text"
    assert born["value"] == "31.02.2020"
    assert born["aria-invalid"] == "true"


def test_a_valid_date_keeps_its_date_input():
    form = SampleForm(data={"born": "2020-02-03"})
    form.is_valid()

    assert Elements(render(form)).by_id("id_born")["type"] == "date"


def test_buttons_keep_their_own_classes_but_not_bootstraps():
    form = SampleForm()
    form.helper.inputs = [Submit("send", "Absenden", css_class="wide")]

    html = render(form)

    assert 'class="kern-btn kern-btn--primary wide"' in html
    assert "btn-primary" not in html


class MarkupReader(HTMLParser):
    """Tags with their attributes in a fixed order, and the text: what a browser reads."""

    def __init__(self, html):
        super().__init__()
        self.parts = []
        self.feed(str(html))

    def handle_starttag(self, tag, attrs):
        self.parts.append((tag, tuple(sorted(attrs))))

    def handle_data(self, data):
        if data.strip():
            self.parts.append(data.strip())


@pytest.mark.parametrize("value", ["", "b", None])
def test_quick_select_renders_what_djangos_select_renders(value):
    choices = [("", "– alle –"), ("a", "Alt & Neu"), ("b", "<Bau>")]
    attrs = {"id": "id_x", "class": "kern-form-input__select", "aria-invalid": "true"}

    quick = MarkupReader(QuickSelect(choices=choices).render("x", value, attrs=attrs)).parts
    django = MarkupReader(forms.Select(choices=choices).render("x", value, attrs=attrs)).parts

    assert quick == django
    assert "<Bau>" in quick
    chosen = [part for part in quick if part[0] == "option" and ("selected", None) in part[1]]
    assert chosen == [("option", (("selected", None), ("value", value or "")))]
