from django.contrib.sitemaps import Sitemap

from fields.models import FieldOfWork, TargetGroup


class FieldOfWorkSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return FieldOfWork.objects.published().order_by("order", "pk")

    def lastmod(self, field):
        return field.updated_at


class TargetGroupSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return TargetGroup.objects.published().order_by("order", "pk")
