from django.contrib.sitemaps import Sitemap

from networks.models import Network


class NetworkSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return Network.objects.published().order_by("order", "pk")
