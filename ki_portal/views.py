from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from centre.models import CentreProfile, InformationPage, Location, PageKind
from centre.structured_data import government_organization
from fields.models import FieldOfWork, TargetGroup
from news.models import Event, NewsItem

# How many news items and coming events the home page shows; the rest are on their lists.
HOME_ENTRIES = 3


def home(request):
    fields = FieldOfWork.objects.published().prefetch_related("translations")
    target_groups = (
        TargetGroup.objects.published().filter(featured=True).prefetch_related("translations")
    )
    news = NewsItem.objects.published().prefetch_related("translations")[:HOME_ENTRIES]
    events = Event.objects.published().upcoming().prefetch_related("translations")[:HOME_ENTRIES]
    centre, location = CentreProfile.load(), Location.load_main()
    structured_data = centre and government_organization(
        centre, [location] if location else [], request.build_absolute_uri("/")
    )
    sign_language = (
        InformationPage.objects.filter(kind=PageKind.EASY_LANGUAGE)
        .exclude(sign_language_video="")
        .exists()
    )
    return render(
        request,
        "home.html",
        {
            "fields": fields,
            "target_groups": target_groups,
            "structured_data": structured_data,
            "sign_language": sign_language,
            "news": news,
            "events": events,
        },
    )


def robots_txt(request):
    """Crawlers may read every public page; the admin is none of their business."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    """The portal's own 404 page, in the design system and the requested language."""
    return render(
        request, "404.html", {"crumbs": [{"title": _("Seite nicht gefunden")}]}, status=404
    )
