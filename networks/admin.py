from django.contrib import admin, messages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from networks.models import Membership, Network, NetworkDocument, Partner, Theme
from portal.admin import ImageAdminMixin, UploadHintsMixin
from portal.history import HistoryAdminMixin
from portal.publishing import PUBLICATION_FIELDS, PublicationStatusFilter, PublishableAdmin
from portal.slugs import GermanSlugAdminMixin
from portal.translation_admin import TranslatableAdmin


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["partner"]
    fields = ["partner", "order"]


# Stacked: a table would hide the upload limits in a tooltip.
class NetworkDocumentInline(UploadHintsMixin, admin.StackedInline):
    model = NetworkDocument
    extra = 0
    fields = ["title", "file", "language", "is_accessible", "order", "file_type", "size"]
    readonly_fields = ["file_type", "size"]


class MembershipStatusFilter(admin.SimpleListFilter):
    title = _("Mitgliedschaft")
    parameter_name = "mitgliedschaft"

    def lookups(self, request, model_admin):
        return [("aktuell", _("aktuell")), ("beendet", _("beendet"))]

    def queryset(self, request, queryset):
        if self.value() == "aktuell":
            return queryset.current()
        if self.value() == "beendet":
            return queryset.former()
        return queryset


@admin.register(Network)
class NetworkAdmin(HistoryAdminMixin, PublishableAdmin, GermanSlugAdminMixin, TranslatableAdmin):
    slug_source = "name"
    list_display = [
        "name",
        "level",
        "kind",
        "role",
        "since",
        "ended_on",
        "publication_status",
        "order",
    ]
    list_editable = ["order"]
    list_filter = [MembershipStatusFilter, "level", "kind", "role", PublicationStatusFilter]
    search_fields = ["translations__name", "slug"]
    filter_horizontal = ["themes", "fields_of_work"]
    inlines = [MembershipInline, NetworkDocumentInline]
    actions = [*PublishableAdmin.actions, "end_today"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "centre_role", "website"]}),
        (_("Einordnung"), {"fields": ["level", "kind", "role", "themes", "fields_of_work"]}),
        (_("Mitgliedschaft"), {"fields": ["since", "ended_on", "order"]}),
        (_("Veröffentlichung"), {"fields": PUBLICATION_FIELDS}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations").distinct()

    @admin.display(description=_("Name"))
    def name(self, obj):
        return str(obj)

    @admin.action(description=_("Mitgliedschaft heute beenden"), permissions=["change"])
    def end_today(self, request, queryset):
        today = timezone.localdate()
        # A membership that began later than today cannot end today; it is left alone.
        count = queryset.filter(
            Q(ended_on__isnull=True), Q(since__isnull=True) | Q(since__lte=today)
        ).update(ended_on=today)
        self.message_user(
            request,
            ngettext(
                "%(count)d Mitgliedschaft steht jetzt unter „Frühere Mitgliedschaften“.",
                "%(count)d Mitgliedschaften stehen jetzt unter „Frühere Mitgliedschaften“.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Partner)
class PartnerAdmin(HistoryAdminMixin, ImageAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["organisation"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Theme)
class ThemeAdmin(HistoryAdminMixin, TranslatableAdmin):
    list_display = ["__str__", "order"]
    list_editable = ["order"]
    search_fields = ["translations__name"]
