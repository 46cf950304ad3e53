from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from centre.models import CentreProfile, InformationPage, Location, PageKind
from centre.structured_data import government_organization
from fields.models import FieldOfWork, TargetGroup
from news.models import Event, NewsItem
from portal.pages import PageMixin, page

# How many news items and coming events the home page shows; the rest are on their lists.
HOME_ENTRIES = 3


class HomeView(PageMixin, TemplateView):
    template_name = "home.html"
    title = gettext_lazy("Startseite")
    home = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        target_groups = TargetGroup.objects.published().filter(featured=True)
        events = Event.objects.published().upcoming()
        centre, location = CentreProfile.load(), Location.load_main()
        structured_data = centre and government_organization(
            centre, [location] if location else [], self.request.build_absolute_uri("/")
        )
        sign_language = (
            InformationPage.objects.filter(kind=PageKind.EASY_LANGUAGE)
            .exclude(sign_language_video="")
            .exists()
        )
        context.update(
            fields=FieldOfWork.objects.published().prefetch_related("translations"),
            target_groups=target_groups.prefetch_related("translations"),
            structured_data=structured_data,
            sign_language=sign_language,
            news=NewsItem.objects.published().prefetch_related("translations")[:HOME_ENTRIES],
            events=events.prefetch_related("translations")[:HOME_ENTRIES],
        )
        return context


def robots_txt(request):
    """Crawlers may read every public page; the admin is none of their business."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    """The portal's own 404 page, in the design system and the requested language."""
    return render(request, "404.html", page(_("Seite nicht gefunden")), status=404)
