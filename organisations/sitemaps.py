from django.contrib.sitemaps import Sitemap

from organisations.models import Organisation


class OrganisationSitemap(Sitemap):
    """The published entries of the directory, each in every language."""

    i18n = True
    alternates = True

    def items(self):
        return Organisation.objects.published().only("slug").order_by("name_key", "pk")
