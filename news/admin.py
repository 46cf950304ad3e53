from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from news.models import Event, NewsItem
from portal.admin import ImageAdminMixin
from portal.history import HistoryAdminMixin
from portal.slugs import GermanSlugAdminMixin
from portal.translation_admin import TranslatableAdmin


@admin.register(NewsItem)
class NewsItemAdmin(HistoryAdminMixin, GermanSlugAdminMixin, ImageAdminMixin, TranslatableAdmin):
    list_display = ["title", "published_on", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["translations__title", "slug"]
    date_hierarchy = "published_on"
    fieldsets = [
        (None, {"fields": ["title", "slug", "teaser", "body"]}),
        (_("Veröffentlichung"), {"fields": ["published_on", "is_published"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations").distinct()

    @admin.display(description=_("Titel"))
    def title(self, obj):
        return str(obj)


@admin.register(Event)
class EventAdmin(HistoryAdminMixin, GermanSlugAdminMixin, ImageAdminMixin, TranslatableAdmin):
    list_display = ["title", "starts_at", "ends_at", "venue", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["translations__title", "slug"]
    date_hierarchy = "starts_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "description"]}),
        (_("Zeit und Ort"), {"fields": ["starts_at", "ends_at", "venue", "location"]}),
        (_("Anmeldung"), {"fields": ["registration_note"]}),
        (_("Veröffentlichung"), {"fields": ["is_published"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations").distinct()

    @admin.display(description=_("Titel"))
    def title(self, obj):
        return str(obj)

    @admin.display(description=_("Veranstaltungsort"))
    def venue(self, obj):
        return obj.safe_translation_getter("venue", any_language=True)
