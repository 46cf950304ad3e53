from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from news.models import Event, NewsItem
from portal.admin import ImageAdminMixin
from portal.history import HistoryAdminMixin
from portal.publishing import PUBLICATION_FIELDS, PublicationStatusFilter, PublishableAdmin
from portal.slugs import GermanSlugAdminMixin
from portal.translation_admin import TranslatableAdmin


@admin.register(NewsItem)
class NewsItemAdmin(
    HistoryAdminMixin, PublishableAdmin, GermanSlugAdminMixin, ImageAdminMixin, TranslatableAdmin
):
    list_display = ["title", "published_on", "publication_status", "updated_at"]
    list_filter = [PublicationStatusFilter]
    search_fields = ["translations__title", "slug"]
    date_hierarchy = "published_on"
    fieldsets = [
        (None, {"fields": ["title", "slug", "teaser", "body"]}),
        (_("Veröffentlichung"), {"fields": ["published_on", *PUBLICATION_FIELDS]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations").distinct()

    @admin.display(description=_("Titel"))
    def title(self, obj):
        return str(obj)


@admin.register(Event)
class EventAdmin(
    HistoryAdminMixin, PublishableAdmin, GermanSlugAdminMixin, ImageAdminMixin, TranslatableAdmin
):
    list_display = ["title", "starts_at", "ends_at", "venue", "publication_status"]
    list_filter = [PublicationStatusFilter]
    search_fields = ["translations__title", "slug"]
    date_hierarchy = "starts_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "description"]}),
        (_("Zeit und Ort"), {"fields": ["starts_at", "ends_at", "venue", "location"]}),
        (_("Anmeldung"), {"fields": ["registration_note"]}),
        (_("Veröffentlichung"), {"fields": PUBLICATION_FIELDS}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations").distinct()

    @admin.display(description=_("Titel"))
    def title(self, obj):
        return str(obj)

    @admin.display(description=_("Veranstaltungsort"))
    def venue(self, obj):
        return obj.safe_translation_getter("venue", any_language=True)
