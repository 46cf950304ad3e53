"""Helpers of the crispy-forms template pack `kern` (templates/kern/)."""

import copy

from django import forms, template
from django.utils.html import format_html

register = template.Library()

INPUT_CLASSES = {
    "text": "kern-form-input__input",
    "textarea": "kern-form-input__input",
    "file": "kern-form-input__input",
    "select": "kern-form-input__select",
    "checkbox": "kern-form-check__checkbox",
}
# An invalid value the person typed is shown again so it can be corrected; in these
# input types it would be invalid HTML, so they fall back to a text input.
TEXT_WHEN_INVALID = {"url", "number", "date", "datetime-local", "time", "month", "week"}


@register.filter
def kern_kind(field):
    """How KERN shows a field: text, textarea, select, file, checkbox, checkboxes or radio."""
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radio"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.FileInput):
        return "file"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "text"


@register.filter
def kern_described_by(field):
    """The ids of the hint and the error message that describe a field, if it has them."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.filter
def kern_anchor(field):
    """The id an error summary links to: the input itself, or a group's first option."""
    if kern_kind(field) in {"checkboxes", "radio"}:
        return f"{field.auto_id}_0"
    return field.id_for_label


@register.filter
def kern_marked_optional(field) -> bool:
    """Whether a label says "optional": not for a required field, not in a form whose
    fields are all optional (a search), not for one required only in some cases (the
    form names those in `conditionally_required`)."""
    form = field.form
    return not (
        field.field.required
        or getattr(form, "all_fields_optional", False)
        or field.name in getattr(form, "conditionally_required", ())
    )


@register.simple_tag
def kern_summary_line(field, error):
    """An error summary's line: "label: error", where a label that is a sentence loses its
    final full stop or colon ("Ich willige ein.: …" reads badly) and one that ends in a
    question or exclamation mark keeps it and needs no colon."""
    label = str(field.label).rstrip().rstrip(".:")
    separator = " " if label.endswith(("?", "!", "؟")) else ": "
    return format_html("{}{}{}", label, separator, error)


@register.simple_tag
def kern_widget(field):
    """The input with KERN's classes, its hint and error linked for assistive technology."""
    css = INPUT_CLASSES[kern_kind(field)]
    classes = [field.field.widget.attrs.get("class", ""), css]
    attrs = {}
    if field.errors:
        classes.append(f"{css}--error")
        attrs["aria-invalid"] = "true"
    described_by = kern_described_by(field)
    if described_by:
        attrs["aria-describedby"] = described_by
    attrs["class"] = " ".join(name for name in classes if name)
    widget = field.field.widget
    input_type = widget.attrs.get("type", getattr(widget, "input_type", None))
    if field.errors and input_type in TEXT_WHEN_INVALID:
        widget = copy.copy(widget)
        widget.attrs = {
            name: value
            for name, value in widget.attrs.items()
            if name not in {"type", "min", "max", "step"}
        }
        widget.input_type = "text"
    return field.as_widget(widget=widget, attrs=attrs)


@register.filter
def kern_button_classes(button):
    """The classes a layout button brings of its own, without crispy's Bootstrap defaults."""
    return " ".join(
        name
        for name in button.field_classes.split()
        if name != "btn" and not name.startswith("btn-")
    )
