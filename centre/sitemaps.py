from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PageSitemap(Sitemap):
    """Pages that exist once per language: home, overviews, contact and the legal pages."""

    i18n = True
    alternates = True

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
