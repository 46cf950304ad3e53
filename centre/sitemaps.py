from django.urls import reverse
from django.utils.functional import cached_property

from centre.models import InformationPage, PageKind
from portal.sitemaps import PortalSitemap

# The information pages the staff write, by the name of their URL pattern.
INFORMATION_PAGES = {
    "centre:imprint": PageKind.IMPRINT,
    "centre:privacy": PageKind.PRIVACY,
    "centre:easy-language": PageKind.EASY_LANGUAGE,
    "centre:about": PageKind.ABOUT,
}


class PageSitemap(PortalSitemap):
    """Pages that exist once per language: home, overviews, contact and the legal pages.

    Their text is the interface's, in every language, but for the information pages the
    staff wrote (`InformationPage`): those are listed in the languages they wrote them in,
    read with two queries for all of them.
    """

    def items(self):
        return [
            "home",
            "fields:list",
            "news:list",
            "news:events",
            "organisations:landing",
            "organisations:directory",
            "organisations:register",
            "counselling:information",
            "counselling:request",
            "networks:list",
            "centre:contact",
            "centre:imprint",
            "centre:privacy",
            "centre:accessibility",
            "centre:barrier-feedback",
            "centre:easy-language",
            "centre:about",
        ]

    def location(self, name):
        return reverse(name)

    @cached_property
    def written(self) -> dict:
        """The languages of each information page the staff wrote, by its kind."""
        pages = InformationPage.objects.prefetch_related("translations")
        return {page.kind: page.translated_languages() for page in pages}

    def get_languages_for_item(self, name):
        written = self.written.get(INFORMATION_PAGES.get(name))
        languages = self._languages()
        return languages if written is None else [code for code in languages if code in written]
