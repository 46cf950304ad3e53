from itertools import pairwise

from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _
from parler.admin import TranslatableAdmin, TranslatableTabularInline

from centre.models import (
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
