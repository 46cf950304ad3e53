from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from ki_portal import views

urlpatterns = [
    path("admin/", admin.site.urls),
]

# The language is always in the path; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("handlungsfelder/", include("fields.urls")),
    path("", include("centre.urls")),
    prefix_default_language=True,
)

handler404 = "ki_portal.views.page_not_found"
