from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from centre.models import CentreProfile, Closure, ContactPerson, Location
from centre.structured_data import government_organization

# The legally required pages. Their content is maintained by the centre; until
# the centre's editors have written it, each page says whom to ask instead.
LEGAL_PAGES = {
    "imprint": _("Impressum"),
    "privacy": _("Datenschutzerklärung"),
    "accessibility": _("Erklärung zur Barrierefreiheit"),
    "easy-language": _("Leichte Sprache"),
}


def legal_page(request, page):
    title = LEGAL_PAGES[page]
    return render(request, "centre/legal_page.html", {"title": title, "crumbs": [{"title": title}]})


def contact(request):
    """Every location with its address, way there, access, weekly hours and coming closures."""
    upcoming = Closure.objects.filter(ends_on__gte=timezone.localdate()).prefetch_related(
        "translations"
    )
    locations = Location.objects.prefetch_related(
        "translations", "hours", Prefetch("closures", queryset=upcoming)
    )
    title = _("Kontakt und Öffnungszeiten")
    centre = CentreProfile.load()
    structured_data = centre and government_organization(
        centre, list(locations), request.build_absolute_uri("/")
    )
    return render(
        request,
        "centre/contact.html",
        {
            "title": title,
            "crumbs": [{"title": title}],
            "locations": locations,
            "contact_persons": ContactPerson.objects.prefetch_related(
                "translations", "consultation_hours"
            ),
            "structured_data": structured_data,
        },
    )


def robots_txt(request):
    """Crawlers may read every public page; the admin is none of their business."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def vcard(request, pk):
    """A contact person as a vCard file for the visitor's address book."""
    person = get_object_or_404(
        ContactPerson.objects.select_related("location").prefetch_related("translations"), pk=pk
    )
    response = HttpResponse(
        person.vcard(CentreProfile.load()), content_type="text/vcard; charset=utf-8"
    )
    filename = slugify(str(person)) or "kontakt"
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    return response
