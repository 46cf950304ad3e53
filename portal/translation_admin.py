"""The admin side of the translation status (see `portal.translations`).

Every translatable admin of the portal derives from `TranslatableAdmin` below, every
translatable inline from `TranslatableStackedInline` or `TranslatableTabularInline`:

- the change list has the filter "Übersetzung" (per language: missing, outdated, either)
  and a column with each language's status, both counting the inline objects'
  translations too (see `portal.translations`);
- the German edit form offers the "minor change" checkbox, which keeps the translations
  up to date;
- in another language's tab, each translated field shows its German text below it (in
  the field's help text, which the admin links to the field with `aria-describedby`), and
  saving confirms the translation as up to date;
- an inline object whose translated fields are all left empty in another language's tab
  gets no translation and no error, so one object can be translated at a time.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.forms import BoundField
from django.urls import reverse
from django.utils.html import conditional_escape, format_html, format_html_join, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from parler import admin as parler_admin
from parler.models import TranslationDoesNotExist

from portal.bidi import direction
from portal.richtext import RichTextField
from portal.translations import (
    SOURCE_LANGUAGE,
    Status,
    missing,
    outdated,
    status_prefetches,
    target_languages,
)

FILTER_PARAMETER = "uebersetzung"
MINOR_CHANGE = "minor_change"
STYLESHEET = {"all": ["css/admin_translations.css"]}
# Either missing or outdated: what the start page links to.
TO_DO = "todo"


def filter_value(language_code, wanted=TO_DO) -> str:
    return f"{language_code}-{wanted}"


def changelist_url(model, language_code, wanted=TO_DO) -> str:
    """The model's change list showing what needs translating into `language_code`."""
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return f"{changelist}?{FILTER_PARAMETER}={filter_value(language_code, wanted)}"


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("Übersetzung")
    parameter_name = FILTER_PARAMETER

    def lookups(self, request, model_admin):
        choices = []
        for code, name in target_languages():
            choices += [
                (filter_value(code), format_html("{}: {}", name, gettext("fehlt oder veraltet"))),
                (
                    filter_value(code, Status.MISSING),
                    format_html("{}: {}", name, Status.MISSING.label),
                ),
                (
                    filter_value(code, Status.OUTDATED),
                    format_html("{}: {}", name, Status.OUTDATED.label),
                ),
            ]
        return choices

    def queryset(self, request, queryset):
        code, _separator, wanted = (self.value() or "").partition("-")
        if code not in dict(target_languages()):
            return None
        model = queryset.model
        conditions = {
            TO_DO: missing(model, code) | outdated(model, code),
            Status.MISSING: missing(model, code),
            Status.OUTDATED: outdated(model, code),
        }
        if wanted not in conditions:
            return None
        return queryset.filter(conditions[wanted])


def german_source(text):
    return format_html("<strong>{}</strong> {}", gettext("Deutscher Text:"), text)


class GermanSourceBoundField(BoundField):
    """A field followed by its German text, linked with `aria-describedby`: for the rows of
    a tabular inline, which show no help text."""

    @property
    def aria_describedby(self):
        described_by = super().aria_describedby
        if described_by is None:  # set on the widget
            return None
        return " ".join(filter(None, [described_by, f"{self.auto_id}_german"]))

    def as_widget(self, widget=None, attrs=None, only_initial=False):
        html = super().as_widget(widget, attrs, only_initial)
        if only_initial:
            return html
        return format_html(
            '{}<div class="german-source" id="{}_german">{}</div>',
            html,
            self.auto_id,
            german_source(self.field.german_source),
        )


class TranslationFormMixin:
    """The form side: the German source beside the fields, the flags for the model, and
    the inline object left untranslated."""

    #: Set on inline forms: an existing object may stay without this language's translation.
    may_stay_untranslated = False
    #: The admin shows help texts below the field, except in the rows of a tabular inline.
    german_source_in_help_text = True
    _left_untranslated = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.language_code != SOURCE_LANGUAGE and self.instance.pk is not None:
            self._show_german_source()

    def _show_german_source(self):
        try:
            source = self.instance._get_translated_model(SOURCE_LANGUAGE)
        except TranslationDoesNotExist:
            return
        # The label speaks the admin's language, the text is German (and left to right).
        german = format_html(' lang="{}" dir="{}"', SOURCE_LANGUAGE, direction(SOURCE_LANGUAGE))
        for name in self._translated_fields:
            value = getattr(source, name)
            if not value:
                continue
            if isinstance(source._meta.get_field(name), RichTextField):
                # Sanitised when it was saved (portal.richtext).
                text = format_html(
                    '<div class="german-source__richtext"{}>{}</div>', german, mark_safe(value)
                )
            else:
                text = format_html('<span class="german-source__text"{}>{}</span>', german, value)
            field = self.fields[name]
            if self.german_source_in_help_text:
                field.help_text = format_html(
                    '{}<div class="german-source">{}</div>',
                    conditional_escape(field.help_text),
                    german_source(text),
                )
            else:
                field.bound_field_class = GermanSourceBoundField
                field.german_source = text

    def full_clean(self):
        if self._may_skip_translation() and all(
            not strip_tags(str(self[name].data or "")).strip() for name in self._translated_fields
        ):
            self._left_untranslated = True
            for name in self._translated_fields:
                self.fields[name].required = False
        super().full_clean()

    def _may_skip_translation(self):
        return (
            self.may_stay_untranslated
            and self.is_bound
            and self.language_code != SOURCE_LANGUAGE
            and self.instance.pk is not None
            and not self.instance.has_translation(self.language_code)
        )

    def save_translated_fields(self):
        if not self._left_untranslated:
            super().save_translated_fields()

    def _post_clean(self):
        self.instance.minor_change = bool(self.cleaned_data.get(MINOR_CHANGE))
        self.instance.confirm_translation = not self._left_untranslated
        super()._post_clean()


def translation_form(form_class, **attrs):
    return type(f"Translation{form_class.__name__}", (TranslationFormMixin, form_class), attrs)


class TranslationStatusChangeList(ChangeList):
    """The change list, with what its status column reads: the translations of each
    object and of its parts (only here, so the change and history pages ask no more)."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return queryset.prefetch_related(*status_prefetches(self.model))


class TranslatableAdmin(parler_admin.TranslatableAdmin):
    """parler's admin with the translation status, the filter and the minor-change box."""

    class Media:
        css = STYLESHEET

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationStatusFilter]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation_status"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(self.model._parler_meta.root_rel_name)

    def get_changelist(self, request, **kwargs):
        return TranslationStatusChangeList

    @admin.display(description=_("Übersetzungen"))
    def translation_status(self, obj):
        return format_html_join(
            mark_safe("<br>"),
            '<span class="translation-status translation-status--{}">{}: {}</span>',
            (
                (status.value, name, status.label)
                for code, name in target_languages()
                for status in [obj.translation_status(code)]
            ),
        )

    def _offers_minor_change(self, request, obj):
        return obj is not None and self.get_form_language(request, obj) == SOURCE_LANGUAGE

    def get_form(self, request, obj=None, **kwargs):
        attrs = {}
        if self._offers_minor_change(request, obj):
            attrs[MINOR_CHANGE] = forms.BooleanField(
                label=_("Kleine Änderung (z. B. Tippfehler): Übersetzungen bleiben aktuell"),
                help_text=_(
                    "Kreuzen Sie das an, wenn Sie nur Tippfehler oder die Schreibweise "
                    "korrigieren. Sonst gelten die Übersetzungen als veraltet, sobald Sie den "
                    "deutschen Text speichern."
                ),
                required=False,
            )
        kwargs["form"] = translation_form(kwargs.get("form", self.form), **attrs)
        return super().get_form(request, obj, **kwargs)

    def save_formset(self, request, form, formset, change):
        # A minor change covers the whole German edit, the inline objects' texts too.
        if form.cleaned_data.get(MINOR_CHANGE):
            for inline_form in formset.forms:
                inline_form.instance.minor_change = True
        super().save_formset(request, form, formset, change)

    def get_fields(self, request, obj=None):
        # Django reads the fields off the form when none are declared: the box has its own
        # fieldset below.
        return [name for name in super().get_fields(request, obj) if name != MINOR_CHANGE]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._offers_minor_change(request, obj):
            return fieldsets
        return [*fieldsets, (_("Übersetzungen"), {"fields": [MINOR_CHANGE]})]


class TranslatableInlineMixin:
    """Inline objects: the German source beside the fields, and no translation (nor
    error) for an object whose translated fields are all left empty."""

    german_source_in_help_text = True

    class Media:
        css = STYLESHEET

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(self.model._parler_meta.root_rel_name)

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["form"] = translation_form(
            kwargs.get("form", self.form),
            may_stay_untranslated=True,
            german_source_in_help_text=self.german_source_in_help_text,
        )
        formset = super().get_formset(request, obj, **kwargs)
        # The forms need the language while they are built, for the German source.
        formset.form.language_code = formset.language_code
        return formset


class TranslatableStackedInline(TranslatableInlineMixin, parler_admin.TranslatableStackedInline):
    pass


class TranslatableTabularInline(TranslatableInlineMixin, parler_admin.TranslatableTabularInline):
    german_source_in_help_text = False
