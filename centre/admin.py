from itertools import pairwise

from django import forms
from django.contrib import admin, messages
from django.core.cache import cache
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centre.models import (
    PROFILE_CACHE_KEY,
    AccessibilityStatement,
    BarrierFeedback,
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
from portal.admin import ImageAdminMixin, ReadOnlyAdminMixin, UploadHintsMixin
from portal.history import HistoryAdminMixin
from portal.translation_admin import (
    TranslatableAdmin,
    TranslatableStackedInline,
    TranslatableTabularInline,
)

# Addresses typed without a scheme are completed with https, as Django 6 will do.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class OneRecordAdminMixin:
    """A record a deployment has exactly one of (it serves one centre): it can be added
    while none exists."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()


@admin.register(CentreProfile)
class CentreProfileAdmin(
    HistoryAdminMixin, UploadHintsMixin, OneRecordAdminMixin, TranslatableAdmin
):
    list_display = ["__str__", "city", "phone", "email"]
    formfield_overrides = HTTPS_URLS
    # Chosen from the list by typing a code or a name, e.g. "tür" or "Türkçe".
    autocomplete_fields = ["languages"]
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

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The languages are saved after the profile: a page shown in between may have
        # cached the profile with the old ones.
        cache.delete(PROFILE_CACHE_KEY)


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
                    _("Zwei Zeiten überschneiden sich. Betroffener Tag: %(weekday)s.")
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
class LocationAdmin(HistoryAdminMixin, TranslatableAdmin):
    list_display = ["__str__", "street", "city", "order"]
    list_editable = ["order"]
    inlines = [OpeningHoursInline, ClosureInline]


class ConsultationHoursInline(admin.TabularInline):
    model = ConsultationHours
    formset = WeeklyHoursFormSet
    extra = 0


@admin.register(ContactPerson)
class ContactPersonAdmin(HistoryAdminMixin, ImageAdminMixin, TranslatableAdmin):
    list_display = ["__str__", "phone", "email", "order"]
    list_editable = ["order"]
    search_fields = ["name", "translations__role", "email"]
    autocomplete_fields = ["languages"]
    inlines = [ConsultationHoursInline]


class PageSectionInline(TranslatableStackedInline):
    model = PageSection
    extra = 0


class KeyFigureInline(TranslatableTabularInline):
    model = KeyFigure
    extra = 0


@admin.register(InformationPage)
class InformationPageAdmin(HistoryAdminMixin, UploadHintsMixin, TranslatableAdmin):
    list_display = ["__str__", "updated_at"]
    # Every inline a page may have, for its history; `get_inlines` picks the page's own.
    inlines = [PageSectionInline, KeyFigureInline]

    def get_inlines(self, request, obj):
        if obj and obj.kind == PageKind.ABOUT:
            return [PageSectionInline, KeyFigureInline]
        return [PageSectionInline]

    def get_readonly_fields(self, request, obj=None):
        # A page's kind decides its address; changing it would swap two pages.
        return ["kind"] if obj else []

    def has_add_permission(self, request):
        # Permission first: the admin asks for every model on every page.
        if not super().has_add_permission(request):
            return False
        existing = InformationPage.objects.values_list("kind", flat=True)
        return bool(set(PageKind.values) - set(existing))


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(HistoryAdminMixin, OneRecordAdminMixin, TranslatableAdmin):
    list_display = ["__str__", "status", "last_reviewed"]
    formfield_overrides = HTTPS_URLS

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


class FeedbackStateFilter(admin.SimpleListFilter):
    title = gettext_lazy("Stand")
    parameter_name = "stand"

    def lookups(self, request, model_admin):
        return [
            ("offen", _("unbeantwortet")),
            ("ueberfaellig", _("überfällig")),
            ("beantwortet", _("beantwortet")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "offen":
                return queryset.unanswered()
            case "ueberfaellig":
                return queryset.overdue()
            case "beantwortet":
                return queryset.answered()
        return queryset


@admin.register(BarrierFeedback)
class BarrierFeedbackAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "due_on", "answered_on", "overdue", "page_url"]
    list_filter = [FeedbackStateFilter]
    date_hierarchy = "created_at"
    fieldsets = [
        (
            gettext_lazy("Rückmeldung"),
            {"fields": ["description", "page_url", "name", "email", "created_at", "due_on"]},
        ),
        (gettext_lazy("Bearbeitung"), {"fields": ["answered_on", "staff_note"]}),
        (
            gettext_lazy("Antwortvorlage"),
            {
                "fields": ["reply_template"],
                "description": gettext_lazy(
                    "Zum Kopieren in Ihre Antwort-E-Mail; ergänzen Sie, was Sie getan haben."
                ),
            },
        ),
    ]
    # Reports come only from the public form; staff with the permission may delete one.
    allow_by_hand = ["change", "delete"]
    # What the person sent stays as it was sent; staff only record their answer.
    readonly_fields = [
        "description",
        "page_url",
        "name",
        "email",
        "created_at",
        "due_on",
        "reply_template",
    ]

    @admin.display(boolean=True, description=gettext_lazy("überfällig"))
    def overdue(self, feedback):
        return feedback.is_overdue

    @admin.display(description=gettext_lazy("Antwortvorlage"))
    def reply_template(self, feedback):
        """A polite answer to start from, as plain text: the admin escapes what the person typed."""
        if feedback.name:
            greeting = _("Guten Tag %(name)s,") % {"name": feedback.name}
        else:
            greeting = _("Sehr geehrte Damen und Herren,")
        return "\n\n".join(
            [
                greeting,
                _(
                    "vielen Dank für Ihre Rückmeldung vom %(date)s zur Barrierefreiheit "
                    "unserer Internetseite. Sie helfen uns damit, unser Angebot für alle "
                    "zugänglich zu machen."
                )
                % {"date": date_format(feedback.received_on, "SHORT_DATE_FORMAT")},
                _("[Was wir geprüft und geändert haben oder bis wann wir die Barriere beheben.]"),
                _(
                    "Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die "
                    "Ombudsstelle für barrierefreie Informationstechnik des Landes "
                    "Nordrhein-Westfalen wenden."
                ),
                _("Mit freundlichen Grüßen"),
            ]
        )
