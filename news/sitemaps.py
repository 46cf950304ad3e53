from django.contrib.sitemaps import Sitemap

from news.models import Event, NewsItem


class NewsItemSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return NewsItem.objects.published().order_by("-published_on", "-pk")

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(Sitemap):
    """Every published event: past events keep their page, as news items may link to them."""

    i18n = True
    alternates = True

    def items(self):
        return Event.objects.published().order_by("starts_at", "pk")

    def lastmod(self, event):
        return event.updated_at
