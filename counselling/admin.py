"""The counselling team's back office: the sealed inbox, the access log and the statistic.

Requests and notes are open to members of the group "Beratung" only, whatever other
permissions an account has, superusers included. The access log and the log of who joined
or left the two groups are read by the team and the data protection officer (group
"Datenschutz") and written by nobody but the portal.
"""

import datetime

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.groups import COUNSELLING_GROUP, DATA_PROTECTION_GROUP
from counselling.models import (
    AccessLog,
    Channel,
    CounsellingRequest,
    Counsellor,
    MembershipLog,
    MonthlyCount,
    Note,
    Topic,
)
from counselling.services import (
    request_erase,
    request_log_access,
    request_log_refusal,
    request_set_status,
)
from portal.admin import ReadOnlyAdminMixin
from portal.spreadsheets import csv_response


def in_group(request, name: str) -> bool:
    """Whether the signed-in person belongs to the group; asked once per request."""
    if not hasattr(request, "_counselling_groups"):
        request._counselling_groups = (
            set(request.user.groups.values_list("name", flat=True))
            if request.user.is_active and request.user.is_staff
            else set()
        )
    return name in request._counselling_groups


class TeamOnly:
    """Refuses everyone outside the counselling team, on top of the model permissions.

    The permissions are asked first: they are cached for the request already, so staff
    without any counselling permission cost no query for their groups.
    """

    def has_module_permission(self, request):
        return super().has_module_permission(request) and in_group(request, COUNSELLING_GROUP)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and in_group(request, COUNSELLING_GROUP)

    def has_add_permission(self, request, *args):
        return super().has_add_permission(request, *args) and in_group(request, COUNSELLING_GROUP)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and in_group(request, COUNSELLING_GROUP)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and in_group(request, COUNSELLING_GROUP)


class TeamAndDataProtectionRead:
    """The logs: read by the team and the data protection officer, with the view permission."""

    def may_read(self, request) -> bool:
        return in_group(request, COUNSELLING_GROUP) or in_group(request, DATA_PROTECTION_GROUP)

    def has_module_permission(self, request):
        return super().has_module_permission(request) and self.may_read(request)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.may_read(request)


class NoteInline(TeamOnly, ReadOnlyAdminMixin, admin.StackedInline):
    model = Note
    extra = 1
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    # A note stays as written: new ones are added, old ones are read.
    allow_by_hand = ["add"]


@admin.register(CounsellingRequest)
class CounsellingRequestAdmin(TeamOnly, ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["reference", "status", "created_at", "topic", "language_name"]
    list_select_related = ["language"]
    # Only the languages requests were made in, not the forty-odd of the whole list.
    list_filter = ["status", "topic", ("language", admin.RelatedOnlyFieldListFilter)]
    # Only clear-text metadata can be searched; contact data and messages are encrypted.
    search_fields = ["reference"]
    date_hierarchy = "created_at"
    inlines = [NoteInline]
    # Requests come from the public form only; the team sets the status and erases them.
    allow_by_hand = ["change", "delete"]
    fieldsets = [
        (None, {"fields": ["reference", "created_at", "status", "closed_at"]}),
        (
            gettext_lazy("Anliegen"),
            {"fields": ["topic", "authority", "appointment", "message", "message_consent"]},
        ),
        (
            gettext_lazy("Kontakt"),
            {
                "fields": [
                    "channel",
                    "contact_detail",
                    "name",
                    "language_name",
                    "preferred_days_display",
                    "preferred_time",
                    "confirmation_requested",
                ]
            },
        ),
    ]
    readonly_fields = [
        "reference",
        "created_at",
        "closed_at",
        "topic",
        "authority",
        "appointment",
        "message",
        "message_consent",
        "channel",
        "contact_detail",
        "name",
        "language_name",
        "preferred_days_display",
        "preferred_time",
        "confirmation_requested",
    ]

    def get_queryset(self, request):
        # The change page shows the language too, not only the list.
        return super().get_queryset(request).select_related("language")

    @admin.display(description=gettext_lazy("Gewünschte Sprache"), ordering="language__name_de")
    def language_name(self, obj):
        return obj.language.name_de

    @admin.display(description=gettext_lazy("Gewünschte Tage"))
    def preferred_days_display(self, obj):
        return ", ".join(str(label) for label in obj.preferred_day_labels) or "–"

    @admin.display(description=gettext_lazy("Einwilligung zur Nachricht"))
    def message_consent(self, obj):
        if not obj.message_consent_at:
            return "–"
        moment = timezone.localtime(obj.message_consent_at).strftime("%d.%m.%Y %H:%M")
        return f"{moment}: {obj.message_consent_text}"

    def refuse_outsiders(self, request, object_id) -> None:
        """Turns away everyone outside the team before the request is looked up, with the
        same answer whether it exists or not, and records the attempt."""
        if not self.has_view_or_change_permission(request):
            request_log_refusal(object_id=unquote(object_id), user=request.user)
            raise PermissionDenied

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self.refuse_outsiders(request, object_id)
        response = super().change_view(request, object_id, form_url, extra_context)
        # Every page that shows the decrypted fields is recorded: the form as opened and
        # as shown again after an error. A saved form redirects and shows nothing.
        if isinstance(response, TemplateResponse) and "original" in response.context_data:
            request_log_access(
                counselling_request=response.context_data["original"], user=request.user
            )
        return response

    def history_view(self, request, object_id, extra_context=None):
        # Django looks the request up first and would redirect outsiders for unknown ids.
        self.refuse_outsiders(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self.refuse_outsiders(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            request_set_status(counselling_request=obj, status=obj.status)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        notes = formset.save(commit=False)
        for note in notes:
            note.author = request.user
            note.save()
        if notes:
            form.instance.updated_at = timezone.now()
            form.instance.save(update_fields=["updated_at"])

    def delete_model(self, request, obj):
        request_erase(counselling_request=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for counselling_request in queryset:
            request_erase(counselling_request=counselling_request, user=request.user)


@admin.register(AccessLog)
class AccessLogAdmin(TeamAndDataProtectionRead, ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "username", "reference", "action"]
    list_filter = ["action"]
    search_fields = ["reference", "username"]
    date_hierarchy = "at"


@admin.register(MembershipLog)
class MembershipLogAdmin(TeamAndDataProtectionRead, ReadOnlyAdminMixin, admin.ModelAdmin):
    """Who joined or left "Beratung" or "Datenschutz", and who decided it."""

    list_display = ["at", "group", "member_name", "change", "actor_display"]
    list_filter = ["group", "change"]
    search_fields = ["member_name", "actor_name"]
    date_hierarchy = "at"
    fields = ["at", "group", "member_name", "change", "actor_display"]
    readonly_fields = fields

    @admin.display(description=gettext_lazy("geändert von"), ordering="actor_name")
    def actor_display(self, entry):
        return entry.actor_name or _("System (Shell oder Migration)")


@admin.register(MonthlyCount)
class MonthlyCountAdmin(TeamOnly, ReadOnlyAdminMixin, admin.ModelAdmin):
    """The anonymous statistic as tables for one year, and as a CSV file, for the team."""

    # The page is tables, not a list to select from.
    actions = None

    def get_urls(self):
        return [
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="counselling_monthlycount_export",
            ),
            *super().get_urls(),
        ]

    def chosen_year(self, request) -> int:
        """The year asked for, or this year for anything that is not a year of the calendar."""
        try:
            year = int(request.GET.get("year", ""))
        except ValueError:
            year = 0
        return year if datetime.MINYEAR <= year <= datetime.MAXYEAR else timezone.localdate().year

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        year = self.chosen_year(request)
        counts = MonthlyCount.objects.filter(month__year=year)
        years = sorted(
            {month.year for month in MonthlyCount.objects.dates("month", "year")}
            | {timezone.localdate().year},
            reverse=True,
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Statistik der Beratungsanfragen %(year)d") % {"year": year},
            "opts": self.model._meta,
            "year": year,
            "years": years,
            "months": [datetime.date(year, month, 1) for month in range(1, 13)],
            "tables": [
                table(_("Anliegen"), counts, "topic", dict(Topic.choices)),
                table(_("Sprache"), counts, "language__name_de", {}),
                table(_("Kontaktweg"), counts, "channel", dict(Channel.choices)),
            ],
            "total": counts.aggregate(total=Sum("count"))["total"] or 0,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/counselling/statistics.html", context)

    def export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        year = self.chosen_year(request)
        counts = (
            MonthlyCount.objects.filter(month__year=year)
            .select_related("language")
            .order_by("month", "topic", "language__name_de", "channel")
        )
        return csv_response(
            filename=f"beratung-statistik-{year}.csv",
            header=[_("Monat"), _("Anliegen"), _("Sprache"), _("Kontaktweg"), _("Anzahl")],
            rows=(
                [
                    count.month.strftime("%Y-%m"),
                    count.get_topic_display(),
                    count.language.name_de,
                    count.get_channel_display(),
                    count.count,
                ]
                for count in counts
            ),
        )


def table(title, counts, dimension: str, labels: dict) -> dict:
    """Requests per value of `dimension` and month, with totals, for one year."""
    cells: dict[str, list[int]] = {}
    for row in counts.values(dimension, "month").annotate(total=Sum("count")):
        cells.setdefault(row[dimension], [0] * 12)[row["month"].month - 1] += row["total"]
    rows = sorted(
        (
            {"label": str(labels.get(key, key)), "months": months, "total": sum(months)}
            for key, months in cells.items()
        ),
        key=lambda row: -row["total"],
    )
    return {"title": title, "rows": rows}


@admin.register(Counsellor)
class CounsellorAdmin(admin.ModelAdmin):
    list_display = ["contact_person", "order"]
    list_editable = ["order"]
