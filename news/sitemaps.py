from news.models import Event, NewsItem
from portal.sitemaps import ContentSitemap


class NewsItemSitemap(ContentSitemap):
    def items(self):
        return (
            NewsItem.objects.published()
            .order_by("-published_on", "-pk")
            .prefetch_related("translations")
        )

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(ContentSitemap):
    """Every published event: past events keep their page, as news items may link to them."""

    def items(self):
        return (
            Event.objects.published().order_by("starts_at", "pk").prefetch_related("translations")
        )

    def lastmod(self, event):
        return event.updated_at
