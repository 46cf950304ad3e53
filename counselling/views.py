import functools

from django.conf import settings
from django.db.models import Prefetch
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import decorator_from_middleware, method_decorator
from django.utils.translation import get_language, gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView

from centre.models import ConsultationHours, Location
from counselling.forms import CounsellingRequestForm
from counselling.models import Counsellor
from counselling.services import request_submit
from portal.pages import Crumb, PageMixin, page
from portal.ratelimit import limit_posts

SECTION_TITLE = gettext_lazy("Beratung für Frauen und Mädchen")
SECTION = Crumb(SECTION_TITLE, reverse_lazy("counselling:information"))


def keep_private(response):
    """No copy in the browser's cache or back history that can be avoided, and no address
    of ours for the site she goes to next."""
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "no-referrer"
    return response


def sensitive(view):
    """For every page of this section: `keep_private` on its response."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        return keep_private(view(request, *args, **kwargs))

    return wrapper


def in_section(path: str) -> bool:
    """Whether `path` lies in this section, in the active language (failure pages ask)."""
    try:
        return path.startswith(reverse("counselling:information"))
    except NoReverseMatch:  # a URL configuration without the section
        return False


class WithoutReferrerCsrfMiddleware(CsrfViewMiddleware):
    """CSRF protection for a form on a page sent with "Referrer-Policy: no-referrer".

    Under that policy browsers send "Origin: null" with the form, which Django's origin
    check refuses. The token check still applies, and the CSRF cookie (SameSite=Lax) is
    not sent with a post from another site, so another site still cannot post the form.
    """

    def _origin_verified(self, request):
        return request.META.get("HTTP_ORIGIN") == "null" or super()._origin_verified(request)


csrf_protect_without_referrer = decorator_from_middleware(WithoutReferrerCsrfMiddleware)


@method_decorator(sensitive, name="dispatch")
class InformationView(PageMixin, TemplateView):
    """What the counselling offers, who counsels, how to come by."""

    template_name = "counselling/information.html"
    title = SECTION_TITLE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counsellors = Counsellor.objects.select_related("contact_person").prefetch_related(
            "contact_person__translations",
            "contact_person__languages",
            Prefetch("contact_person__consultation_hours", ConsultationHours.objects.all()),
        )
        context.update(
            contact_persons=[counsellor.contact_person for counsellor in counsellors],
            locations=Location.objects.prefetch_related("translations"),
            answer_days=settings.COUNSELLING_ANSWER_DAYS,
        )
        return context


@sensitive
@csrf_exempt
@csrf_protect_without_referrer
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("counselling-request", limit=5, seconds=3600, base_template="counselling/base.html")
def request_form(request):
    if request.method == "POST":
        form = CounsellingRequestForm(request.POST)
        if form.is_valid():
            request_submit(
                data=form.cleaned_data,
                page_language=get_language(),
                submission_key=form.cleaned_data["submission_key"],
                message_consent_text=form.message_consent_text,
            )
            return redirect("counselling:sent")
        if form.is_spam:
            return redirect("counselling:sent")
    else:
        form = CounsellingRequestForm()
    return render(
        request,
        "counselling/request_form.html",
        {**page(gettext_lazy("Anfrage senden"), SECTION), "form": form},
    )


@method_decorator(sensitive, name="dispatch")
class SentView(PageMixin, TemplateView):
    template_name = "counselling/request_sent.html"
    title = gettext_lazy("Ihre Anfrage ist angekommen")
    parents = (SECTION,)

    def get_context_data(self, **kwargs):
        return super().get_context_data(answer_days=settings.COUNSELLING_ANSWER_DAYS, **kwargs)
