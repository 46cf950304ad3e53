from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from centre.sitemaps import PageSitemap
from centre.views import logo
from fields.sitemaps import FieldOfWorkSitemap, TargetGroupSitemap
from ki_portal import health, views
from networks.sitemaps import NetworkSitemap
from news.sitemaps import EventSitemap, NewsItemSitemap
from organisations.sitemaps import OrganisationSitemap
from portal.admin import view_on_site
from portal.images import IMAGE_NAME, image

SITEMAPS = {
    "pages": PageSitemap,
    "fields": FieldOfWorkSitemap,
    "groups": TargetGroupSitemap,
    "news": NewsItemSitemap,
    "events": EventSitemap,
    "organisations": OrganisationSitemap,
    "networks": NetworkSitemap,
}

urlpatterns = [
    # In front of the admin's own shortcut, which tells any staff account what exists.
    path(
        "admin/r/<path:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
    ),
    path("admin/", admin.site.urls),
    # Outside the language prefix: a load balancer asks for one fixed path.
    path("health/", health.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("logo", logo, name="logo"),
    re_path(rf"^bilder/(?P<name>{IMAGE_NAME})$", image, name="image"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

# The language is always in the path; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("", include("fields.urls")),
    path("", include("news.urls")),
    path("", include("organisations.urls")),
    path("", include("counselling.urls")),
    path("", include("networks.urls")),
    path("", include("centre.urls")),
    path("", include("accounts.urls")),
    prefix_default_language=True,
)

handler404 = "ki_portal.views.page_not_found"
handler400 = "ki_portal.views.bad_request"
handler403 = "ki_portal.views.permission_denied"
handler500 = "ki_portal.views.server_error"
