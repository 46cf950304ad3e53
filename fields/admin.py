from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from fields.models import Document, FieldOfWork, Offer, TargetGroup
from portal.admin import ImageAdminMixin, UploadHintsMixin
from portal.history import HistoryAdminMixin
from portal.slugs import GermanSlugAdminMixin
from portal.translation_admin import TranslatableAdmin, TranslatableStackedInline


class OfferInline(TranslatableStackedInline):
    model = Offer
    extra = 0
    fields = ["title", "description", "order"]


# Stacked: a table would hide the upload limits in a tooltip.
class DocumentInline(UploadHintsMixin, admin.StackedInline):
    model = Document
    extra = 0
    fields = ["title", "file", "language", "is_accessible", "order", "file_type", "size"]
    readonly_fields = ["file_type", "size"]


@admin.register(FieldOfWork)
class FieldOfWorkAdmin(HistoryAdminMixin, GermanSlugAdminMixin, ImageAdminMixin, TranslatableAdmin):
    list_display = ["title", "slug", "order", "is_published", "updated_at"]
    list_editable = ["order"]
    list_filter = ["is_published", "target_groups"]
    search_fields = ["translations__title", "translations__summary", "slug"]
    filter_horizontal = ["target_groups", "contact_persons", "related_fields"]
    inlines = [OfferInline, DocumentInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Einordnung"), {"fields": ["target_groups", "contact_persons", "related_fields"]}),
        (_("Veröffentlichung"), {"fields": ["is_published", "order"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations").distinct()

    @admin.display(description=_("Titel"))
    def title(self, obj):
        return str(obj)

    @admin.action(
        description=_("Ausgewählte Handlungsfelder veröffentlichen"), permissions=["change"]
    )
    def publish(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(
        description=_("Veröffentlichung der ausgewählten Handlungsfelder zurücknehmen"),
        permissions=["change"],
    )
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, False)

    def _set_published(self, request, queryset, published):
        count = queryset.update(is_published=published)
        message = (
            ngettext(
                "%(count)d Handlungsfeld wurde veröffentlicht.",
                "%(count)d Handlungsfelder wurden veröffentlicht.",
                count,
            )
            if published
            else ngettext(
                "%(count)d Handlungsfeld ist nicht mehr öffentlich.",
                "%(count)d Handlungsfelder sind nicht mehr öffentlich.",
                count,
            )
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)


@admin.register(TargetGroup)
class TargetGroupAdmin(HistoryAdminMixin, GermanSlugAdminMixin, TranslatableAdmin):
    slug_source = "name"
    list_display = ["__str__", "slug", "featured", "order"]
    list_editable = ["featured", "order"]
    list_filter = ["featured"]
    search_fields = ["translations__name", "slug"]
    fields = ["name", "slug", "teaser", "featured", "order"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")
