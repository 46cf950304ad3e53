from networks.models import Network
from portal.sitemaps import ContentSitemap


class NetworkSitemap(ContentSitemap):
    def items(self):
        return Network.objects.published().order_by("order", "pk").prefetch_related("translations")
