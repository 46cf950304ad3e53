from itertools import pairwise

from django import forms
from django.contrib import admin
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from parler.admin import TranslatableAdmin, TranslatableTabularInline

from centre.models import (
    BarrierFeedback,
    CentreProfile,
    Closure,
    ConsultationHours,
    ContactPerson,
    Location,
    OpeningHours,
    Weekday,
)


@admin.register(CentreProfile)
class CentreProfileAdmin(TranslatableAdmin):
    list_display = ["__str__", "city", "phone", "email"]

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
class BarrierFeedbackAdmin(admin.ModelAdmin):
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

    def has_add_permission(self, request):
        # Reports come only from the public form.
        return False

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
