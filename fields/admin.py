from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from fields.models import Document, FieldOfWork, Offer, TargetGroup
from portal.admin import ImageAdminMixin, UploadHintsMixin
from portal.history import HistoryAdminMixin
from portal.publishing import PUBLICATION_FIELDS, PublicationStatusFilter, PublishableAdmin
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
class FieldOfWorkAdmin(
    HistoryAdminMixin, PublishableAdmin, GermanSlugAdminMixin, ImageAdminMixin, TranslatableAdmin
):
    list_display = ["title", "slug", "order", "publication_status", "updated_at"]
    list_editable = ["order"]
    list_filter = [PublicationStatusFilter, "target_groups"]
    search_fields = ["translations__title", "translations__summary", "slug"]
    filter_horizontal = ["target_groups", "contact_persons", "related_fields"]
    inlines = [OfferInline, DocumentInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Einordnung"), {"fields": ["target_groups", "contact_persons", "related_fields"]}),
        (_("Veröffentlichung"), {"fields": [*PUBLICATION_FIELDS, "order"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations").distinct()

    @admin.display(description=_("Titel"))
    def title(self, obj):
        return str(obj)


@admin.register(TargetGroup)
class TargetGroupAdmin(HistoryAdminMixin, GermanSlugAdminMixin, TranslatableAdmin):
    slug_source = "name"
    list_display = ["__str__", "slug", "featured", "order"]
    list_editable = ["featured", "order"]
    list_filter = ["featured"]
    search_fields = ["translations__name", "slug"]
    fields = ["name", "slug", "teaser", "featured", "leads_to_counselling", "order"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")
