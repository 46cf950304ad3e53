"""Helpers of the crispy-forms template pack `kern` (templates/kern/)."""

from django import forms, template

register = template.Library()

INPUT_CLASSES = {
    "text": "kern-form-input__input",
    "textarea": "kern-form-input__input",
    "file": "kern-form-input__input",
    "select": "kern-form-input__select",
    "checkbox": "kern-form-check__checkbox",
}


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
    return field.as_widget(attrs=attrs)
