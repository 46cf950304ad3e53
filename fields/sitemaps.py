from fields.models import FieldOfWork, TargetGroup
from portal.sitemaps import ContentSitemap


class FieldOfWorkSitemap(ContentSitemap):
    def items(self):
        return (
            FieldOfWork.objects.published().order_by("order", "pk").prefetch_related("translations")
        )

    def lastmod(self, field):
        return field.updated_at


class TargetGroupSitemap(ContentSitemap):
    def items(self):
        return (
            TargetGroup.objects.published().order_by("order", "pk").prefetch_related("translations")
        )
