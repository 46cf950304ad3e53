"""The base of every sitemap section: each page in the languages it has content in."""

from django.contrib.sitemaps import Sitemap

from portal.translations import SOURCE_LANGUAGE


class PortalSitemap(Sitemap):
    """A page per language, each naming its alternates and `x-default`, the German page.

    A page whose text is the interface's exists in every language. A sitemap of translated
    content overrides `get_languages_for_item` (or uses `ContentSitemap`), so a language in
    which a page would only show the German fallback is left out, as the page's own
    hreflang alternates leave it out (`portal.pages.page`).
    """

    i18n = True
    alternates = True

    def get_urls(self, page=1, site=None, protocol=None):
        # Django's own x-default names the address without a language, which here only
        # redirects; every page has its German text, so x-default is the German page.
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            german = next(
                alternate["location"]
                for alternate in url["alternates"]
                if alternate["lang_code"] == SOURCE_LANGUAGE
            )
            url["alternates"].append({"location": german, "lang_code": "x-default"})
        return urls


class ContentSitemap(PortalSitemap):
    """Pages of translated objects, each in the languages its object is translated into.

    `items()` prefetches the translations (`prefetch_related("translations")`), which
    lets this read them without a query per entry.
    """

    def get_languages_for_item(self, item):
        translated = item.translated_languages()
        return [code for code in self._languages() if code in translated]
