from django import forms

from portal.forms import QuickSelect


class LanguageSelect(QuickSelect):
    """Options named in their own language, each with its `lang` and `dir` attributes
    (WCAG 3.1.2)."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value.instance.code
            option["attrs"]["dir"] = value.instance.direction
        return option


class LanguageChoiceField(forms.ModelChoiceField):
    """One language, named in itself, with `lang` and `dir` on its option."""

    widget = LanguageSelect

    def label_from_instance(self, obj):
        return obj.name
