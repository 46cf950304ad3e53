from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from centre.forms import BarrierFeedbackForm
from centre.models import (
    AccessibilityStatement,
    CentreProfile,
    Closure,
    ContactPerson,
    InformationPage,
    KeyFigure,
    Location,
    PageKind,
    PageSection,
)
from centre.services import barrier_feedback_create
from centre.structured_data import government_organization


def information_page(request, kind):
    """Impressum, Datenschutz, Leichte Sprache or Über uns, as the centre's staff wrote it.

    Until they have, the page shows what the centre profile knows and whom to ask.
    """
    pages = InformationPage.objects.prefetch_related(
        "translations",
        Prefetch("sections", queryset=PageSection.objects.prefetch_related("translations")),
    )
    if kind == PageKind.ABOUT:
        pages = pages.prefetch_related(
            Prefetch("key_figures", queryset=KeyFigure.objects.prefetch_related("translations"))
        )
    title = PageKind(kind).label
    return render(
        request,
        "centre/information_page.html",
        {
            "title": title,
            "crumbs": [{"title": title}],
            "kind": kind,
            "page": pages.filter(kind=kind).first(),
        },
    )


ACCESSIBILITY_TITLE = _("Erklärung zur Barrierefreiheit")


def accessibility_statement(request):
    title = ACCESSIBILITY_TITLE
    return render(
        request,
        "centre/accessibility.html",
        {
            "title": title,
            "crumbs": [{"title": title}],
            "statement": AccessibilityStatement.objects.prefetch_related("translations").first(),
        },
    )


def sign_language_video(request, kind):
    page = InformationPage.objects.filter(kind=kind).exclude(sign_language_video="").first()
    if page is None:
        raise Http404
    return FileResponse(page.sign_language_video.open("rb"), content_type="video/mp4")


def logo(request):
    """The centre's logo for the header; its address changes with the file."""
    centre = CentreProfile.load()
    if not centre or not centre.logo:
        raise Http404
    response = FileResponse(centre.logo.open("rb"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


def barrier_feedback_crumbs(title):
    return [
        {"title": ACCESSIBILITY_TITLE, "url": reverse("centre:accessibility")},
        {"title": title},
    ]


@require_http_methods(["GET", "HEAD", "POST"])
def barrier_feedback(request):
    """The form to report a barrier; "?seite=<address>" names the page it was met on."""
    if request.method == "POST":
        form = BarrierFeedbackForm(request.POST)
        if form.is_valid():
            barrier_feedback_create(**form.cleaned_data, site_url=request.build_absolute_uri("/"))
            return redirect("centre:barrier-feedback-thanks")
    else:
        form = BarrierFeedbackForm(
            initial=BarrierFeedbackForm.initial_page(request.GET.get("seite", ""))
        )
    title = _("Barriere melden")
    return render(
        request,
        "centre/barrierfeedback_form.html",
        {"title": title, "crumbs": barrier_feedback_crumbs(title), "form": form},
    )


def barrier_feedback_thanks(request):
    title = _("Vielen Dank für Ihre Rückmeldung")
    return render(
        request,
        "centre/barrierfeedback_thanks.html",
        {"title": title, "crumbs": barrier_feedback_crumbs(title)},
    )


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
                "translations", "consultation_hours", "languages"
            ),
            "structured_data": structured_data,
        },
    )


def vcard(request, pk):
    """A contact person as a vCard file for the visitor's address book."""
    person = get_object_or_404(
        ContactPerson.objects.select_related("location").prefetch_related(
            "translations", "languages"
        ),
        pk=pk,
    )
    response = HttpResponse(
        person.vcard(CentreProfile.load()), content_type="text/vcard; charset=utf-8"
    )
    filename = slugify(str(person)) or "kontakt"
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    return response
