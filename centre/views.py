from django.conf import settings
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView

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
from portal.pages import Crumb, PageMixin, page
from portal.ratelimit import limit_posts


class InformationPageView(PageMixin, TemplateView):
    """Impressum, Datenschutz, Leichte Sprache or Über uns, as the centre's staff wrote it.

    Until they have, the page shows what the centre profile knows and whom to ask. The
    URL pattern names the page's `kind`.
    """

    template_name = "centre/information_page.html"

    def get_title(self):
        return PageKind(self.kwargs["kind"]).label

    @cached_property
    def information_page(self):
        pages = InformationPage.objects.prefetch_related(
            "translations",
            Prefetch("sections", queryset=PageSection.objects.prefetch_related("translations")),
        )
        if self.kwargs["kind"] == PageKind.ABOUT:
            pages = pages.prefetch_related(
                Prefetch("key_figures", queryset=KeyFigure.objects.prefetch_related("translations"))
            )
        return pages.filter(kind=self.kwargs["kind"]).first()

    def get_languages(self):
        """The languages the staff wrote the page in; until they have, it is interface
        text in every language."""
        page = self.information_page
        return page.translated_languages() if page else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.information_page
        if context["kind"] == PageKind.PRIVACY:
            # The periods as the settings that enforce them have them, so the page stays true.
            context["retention"] = {
                "server_log_days": settings.SERVER_LOG_DAYS,
                "barrier_unanswered_days": settings.BARRIER_UNANSWERED_KEEP_DAYS,
                "organisation_hidden_days": settings.ORGANISATION_HIDDEN_KEEP_DAYS,
                "counselling_closed_days": settings.COUNSELLING_KEEP_CLOSED_DAYS,
                "counselling_untouched_days": settings.COUNSELLING_KEEP_UNTOUCHED_DAYS,
                "mail_days": settings.MAIL_KEEP_DAYS,
            }
        return context


ACCESSIBILITY_TITLE = _("Erklärung zur Barrierefreiheit")
ACCESSIBILITY = Crumb(ACCESSIBILITY_TITLE, reverse_lazy("centre:accessibility"))


class AccessibilityStatementView(PageMixin, TemplateView):
    template_name = "centre/accessibility.html"
    title = ACCESSIBILITY_TITLE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statement"] = AccessibilityStatement.objects.prefetch_related(
            "translations"
        ).first()
        return context


def sign_language_video(request, kind):
    with_video = InformationPage.objects.filter(kind=kind).exclude(sign_language_video="")
    information = with_video.first()
    if information is None:
        raise Http404
    return FileResponse(information.sign_language_video.open("rb"), content_type="video/mp4")


def logo(request):
    """The centre's logo for the header; its address changes with the file."""
    centre = CentreProfile.load()
    if not centre or not centre.logo:
        raise Http404
    response = FileResponse(centre.logo.open("rb"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("barrier-feedback", limit=10, seconds=3600)
def barrier_feedback(request):
    """The form to report a barrier; "?seite=<address>" names the page it was met on."""
    if request.method == "POST":
        form = BarrierFeedbackForm(request.POST)
        if form.is_valid():
            barrier_feedback_create(
                **{field: form.cleaned_data[field] for field in BarrierFeedbackForm.Meta.fields},
                submission_key=form.cleaned_data["submission_key"],
            )
            return redirect("centre:barrier-feedback-thanks")
        if form.is_spam:
            return redirect("centre:barrier-feedback-thanks")
    else:
        form = BarrierFeedbackForm(
            initial=BarrierFeedbackForm.initial_page(request.GET.get("seite", ""))
        )
    return render(
        request,
        "centre/barrierfeedback_form.html",
        {**page(_("Barriere melden"), ACCESSIBILITY), "form": form},
    )


class BarrierFeedbackThanksView(PageMixin, TemplateView):
    template_name = "centre/barrierfeedback_thanks.html"
    title = _("Vielen Dank für Ihre Rückmeldung")
    parents = (ACCESSIBILITY,)


class ContactView(PageMixin, TemplateView):
    """Every location with its address, way there, access, weekly hours and coming closures."""

    template_name = "centre/contact.html"
    title = _("Kontakt und Öffnungszeiten")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        upcoming = Closure.objects.filter(ends_on__gte=timezone.localdate()).prefetch_related(
            "translations"
        )
        locations = Location.objects.prefetch_related(
            "translations", "hours", Prefetch("closures", queryset=upcoming)
        )
        centre = CentreProfile.load()
        structured_data = centre and government_organization(
            centre, list(locations), self.request.build_absolute_uri("/")
        )
        context.update(
            locations=locations,
            contact_persons=ContactPerson.objects.prefetch_related(
                "translations", "consultation_hours", "languages"
            ),
            structured_data=structured_data,
        )
        return context


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
