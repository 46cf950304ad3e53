from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from centre.models import CentreProfile, InformationPage, Location, PageKind
from centre.structured_data import government_organization
from counselling.views import in_section, keep_private
from fields.models import FieldOfWork, TargetGroup
from news.models import Event, NewsItem
from portal import failures
from portal.pages import PageMixin

# The counselling section keeps the helpline, the quick exit and its headers on failure pages.
COUNSELLING = failures.Section(
    base_template="counselling/base.html",
    standalone_template="counselling/standalone.html",
    finish=keep_private,
)
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


def section_of(request) -> failures.Section:
    """The frame of the failure pages for this request, chosen by the part of the site."""
    return COUNSELLING if in_section(request.path) else failures.SITE


def bad_request(request, exception=None):
    """400: the request may be unreadable (a wrong host, a broken upload), so the page uses
    nothing of it but its path."""
    return failures.standalone_page("400.html", status=400, section=section_of(request))


def permission_denied(request, exception=None):
    return failures.failure_page(
        request, "403.html", _("Kein Zugriff"), status=403, section=section_of(request)
    )


def form_url_of(request) -> str:
    """Where a fresh copy of the form that was sent is: every form of the portal posts to
    its own address, so the request's path (the home page for one that leaves the site)."""
    form_url = request.get_full_path()
    if not url_has_allowed_host_and_scheme(form_url, allowed_hosts=None):
        form_url = reverse("home")
    return form_url


def csrf_failure(request, reason=""):
    """A form whose security check failed (CSRF_FAILURE_VIEW): nothing was stored."""
    return failures.failure_page(
        request,
        "403_csrf.html",
        _("Formular bitte neu öffnen"),
        status=403,
        section=section_of(request),
        form_url=form_url_of(request),
    )


def request_too_large(request):
    """413 for a body above the portal's bound (REQUEST_TOO_LARGE_VIEW), answered before
    it was read: nothing was stored."""
    return failures.failure_page(
        request,
        "413.html",
        _("Zu viel auf einmal gesendet"),
        status=413,
        section=section_of(request),
        form_url=form_url_of(request),
    )


def page_not_found(request, exception):
    """The portal's own 404 page, in the design system and the requested language."""
    return failures.failure_page(
        request, "404.html", _("Seite nicht gefunden"), status=404, section=section_of(request)
    )


def server_error(request):
    """500: a self-contained page; it reads no database and of the request only its path."""
    return failures.standalone_page("500.html", status=500, section=section_of(request))


def database_unavailable(request, exception):
    """503 while the database cannot serve the request (DATABASE_UNAVAILABLE_VIEW): a
    standalone page with `Retry-After`, the section's frame kept."""
    return failures.database_unavailable(request, exception, section=section_of(request))
