from itertools import pairwise

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from parler.admin import TranslatableAdmin, TranslatableStackedInline, TranslatableTabularInline

from centre.models import (
    AccessibilityStatement,
    CentreProfile,
    Closure,
    ConsultationHours,
    ContactPerson,
    InformationPage,
    KeyFigure,
    Location,
    OpeningHours,
    PageKind,
    PageSection,
    Weekday,
)

# Addresses typed without a scheme are completed with https, as Django 6 will do.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(CentreProfile)
class CentreProfileAdmin(TranslatableAdmin):
    list_display = ["__str__", "city", "phone", "email"]
    formfield_overrides = HTTPS_URLS
    fieldsets = [
        (None, {"fields": ["name", "mission", "languages"]}),
        (
            gettext_lazy("Körperschaft"),
            {"fields": ["body_kind", "parent_organization", "legal_representative", "logo"]},
        ),
        (
            gettext_lazy("Anschrift und Kontaktwege"),
            {
                "fields": [
                    "building",
                    "street",
                    "postal_code",
                    "city",
                    "phone",
                    "fax",
                    "email",
                    "website",
                ]
            },
        ),
        (
            gettext_lazy("Impressum und Datenschutz"),
            {"fields": ["editorial_responsible", "data_protection_officer"]},
        ),
    ]

    def has_add_permission(self, request):
        # A deployment serves exactly one centre.
        return not CentreProfile.objects.exists() and super().has_add_permission(request)


class WeeklyHoursFormSet(forms.BaseInlineFormSet):
    def clean(self):
        """Time ranges on the same day must not overlap."""
        super().clean()
        ranges = sorted(
            (form.cleaned_data["weekday"], form.cleaned_data["opens"], form.cleaned_data["closes"])
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and {"weekday", "opens", "closes"} <= form.cleaned_data.keys()
        )
        for (day, _opens, closes), (next_day, next_opens, _closes) in pairwise(ranges):
            if day == next_day and next_opens < closes:
                raise forms.ValidationError(
                    _("Am %(weekday)s überschneiden sich zwei Zeiten.")
                    % {"weekday": Weekday(day).label},
                    code="overlap",
                )


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    formset = WeeklyHoursFormSet
    extra = 0


class ClosureInline(TranslatableTabularInline):
    model = Closure
    extra = 0


@admin.register(Location)
class LocationAdmin(TranslatableAdmin):
    list_display = ["__str__", "street", "city", "order"]
    list_editable = ["order"]
    inlines = [OpeningHoursInline, ClosureInline]


class ConsultationHoursInline(admin.TabularInline):
    model = ConsultationHours
    formset = WeeklyHoursFormSet
    extra = 0


@admin.register(ContactPerson)
class ContactPersonAdmin(TranslatableAdmin):
    list_display = ["__str__", "phone", "email", "order"]
    list_editable = ["order"]
    search_fields = ["name", "translations__role", "email"]
    inlines = [ConsultationHoursInline]


class PageSectionInline(TranslatableStackedInline):
    model = PageSection
    extra = 0


class KeyFigureInline(TranslatableTabularInline):
    model = KeyFigure
    extra = 0


@admin.register(InformationPage)
class InformationPageAdmin(TranslatableAdmin):
    list_display = ["__str__", "updated_at"]

    def get_inlines(self, request, obj):
        if obj and obj.kind == PageKind.ABOUT:
            return [PageSectionInline, KeyFigureInline]
        return [PageSectionInline]

    def get_readonly_fields(self, request, obj=None):
        # A page's kind decides its address; changing it would swap two pages.
        return ["kind"] if obj else []

    def has_add_permission(self, request):
        missing = set(PageKind.values) - set(InformationPage.objects.values_list("kind", flat=True))
        return bool(missing) and super().has_add_permission(request)


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(TranslatableAdmin):
    list_display = ["__str__", "status", "last_reviewed"]
    formfield_overrides = HTTPS_URLS

    def has_add_permission(self, request):
        return not AccessibilityStatement.objects.exists() and super().has_add_permission(request)

    def warn_when_review_due(self, request, statement):
        if statement and statement.review_due():
            messages.warning(
                request,
                _(
                    "Die Erklärung zur Barrierefreiheit wurde zuletzt am %(date)s überprüft, vor "
                    "mehr als zwölf Monaten. Bitte prüfen Sie sie und tragen Sie das neue "
                    "Datum ein."
                )
                % {"date": date_format(statement.last_reviewed)},
            )

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET":
            self.warn_when_review_due(request, AccessibilityStatement.objects.first())
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            self.warn_when_review_due(request, self.get_object(request, object_id))
        return super().change_view(request, object_id, form_url, extra_context)
