"""The lists staff keep: activities, audiences, qualification topics, districts, support
offers and network meetings. The languages have their own app (`languages.admin`)."""

from django.contrib import admin
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.models import (
    Activity,
    Audience,
    District,
    NetworkMeeting,
    Organisation,
    QualificationTopic,
    SupportOffer,
    TopicWish,
)
from portal.history import HistoryAdminMixin
from portal.slugs import GermanSlugAdminMixin
from portal.translation_admin import TranslatableAdmin


class NamedListAdmin(HistoryAdminMixin, GermanSlugAdminMixin, TranslatableAdmin):
    slug_source = "name"
    list_display = ["__str__", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["translations__name", "slug"]
    fields = ["name", "slug", "order"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")


@admin.register(Activity)
class ActivityAdmin(NamedListAdmin):
    pass


@admin.register(Audience)
class AudienceAdmin(NamedListAdmin):
    pass


# A subquery rather than an aggregate, so the admin can order by it before annotating.
WISH_COUNT = Coalesce(
    Subquery(
        TopicWish.objects.filter(topic=OuterRef("pk"))
        .values("topic")
        .annotate(count=Count("pk"))
        .values("count")
    ),
    0,
)


@admin.register(QualificationTopic)
class QualificationTopicAdmin(NamedListAdmin):
    """The topics, ranked by how many organisations want them next."""

    list_display = ["__str__", "wish_count", "order"]
    readonly_fields = ["wished_by"]
    fields = ["name", "slug", "order", "wished_by"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(wish_count=WISH_COUNT)

    def get_ordering(self, request):
        return [WISH_COUNT.desc(), "order", "pk"]

    @admin.display(description=gettext_lazy("Wünsche"), ordering="wish_count")
    def wish_count(self, topic):
        return topic.wish_count

    @admin.display(description=gettext_lazy("Gewünscht von"))
    def wished_by(self, topic):
        organisations = Organisation.objects.filter(topic_wishes__topic=topic).order_by("name_key")
        if not organisations:
            return _("noch von keiner Organisation")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a></li>',
                (
                    (reverse("admin:organisations_organisation_change", args=[org.pk]), org.name)
                    for org in organisations
                ),
            ),
        )


@admin.register(District)
class DistrictAdmin(HistoryAdminMixin, admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


@admin.register(SupportOffer)
class SupportOfferAdmin(HistoryAdminMixin, TranslatableAdmin):
    list_display = ["__str__", "order"]
    list_editable = ["order"]
    fields = ["title", "description", "order"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")


@admin.register(NetworkMeeting)
class NetworkMeetingAdmin(HistoryAdminMixin, TranslatableAdmin):
    list_display = ["starts_at", "place"]
    search_fields = ["place"]
    date_hierarchy = "starts_at"
    fields = ["starts_at", "place", "agenda"]
