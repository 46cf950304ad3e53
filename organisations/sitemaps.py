from organisations.models import Organisation
from portal.sitemaps import PortalSitemap


class OrganisationSitemap(PortalSitemap):
    """The published entries of the directory, each in every language: what an entry says
    is its representative's, in the language they wrote it in, not translated per language."""

    def items(self):
        return Organisation.objects.published().only("slug").order_by("name_key", "pk")
