import functools

from django.conf import settings
from django.core import signing
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import DetailView, ListView, TemplateView

from organisations import structured_data
from organisations.forms import (
    PRIVACY_NOTICE_VERSION,
    ChangeRequestForm,
    DirectoryFilterForm,
    NewLinkForm,
    RegistrationForm,
    TopicWishForm,
    privacy_notice,
)
from organisations.models import (
    CONFIRMATION_VALID,
    MANAGE_LINK_VALID,
    UNCONFIRMED_KEPT,
    Activity,
    Audience,
    EntryGone,
    NetworkMeeting,
    Organisation,
    QualificationTopic,
    Status,
    SupportOffer,
)
from organisations.services import (
    organisation_confirm_email,
    organisation_reconfirm,
    organisation_register,
    organisation_request_change,
    organisation_send_manage_link,
    organisation_set_topic_wishes,
    organisation_withdraw,
)
from portal.pages import Crumb, PageMixin, page
from portal.ratelimit import limit_posts

SECTION_TITLE = gettext_lazy("Migrantenorganisationen")
DIRECTORY_TITLE = gettext_lazy("Verzeichnis der Migrantenorganisationen")
ORGANISATIONS_PER_PAGE = 20
# What the manage page confirms after a redirect ("?gespeichert=<key>").
SAVED_MESSAGES = {
    "bestaetigt": gettext_lazy("Vielen Dank: Ihr Eintrag ist für ein weiteres Jahr bestätigt."),
    "aenderung": gettext_lazy(
        "Vielen Dank: Ihre Änderungen sind bei uns eingegangen. Bis wir sie geprüft haben, "
        "bleibt Ihr bisheriger Eintrag sichtbar."
    ),
    "themen": gettext_lazy("Vielen Dank: Ihre Themenwünsche sind gespeichert."),
}


SECTION = Crumb(SECTION_TITLE, reverse_lazy("organisations:landing"))
DIRECTORY = Crumb(DIRECTORY_TITLE, reverse_lazy("organisations:directory"))


class LandingView(PageMixin, TemplateView):
    """What the centre does with migrant organisations, its offers and coming meetings."""

    template_name = "organisations/landing.html"
    title = SECTION_TITLE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            support_offers=SupportOffer.objects.with_german_text().prefetch_related("translations"),
            topics=QualificationTopic.objects.with_german_text().prefetch_related("translations"),
            meetings=NetworkMeeting.objects.upcoming().prefetch_related("translations")[:3],
            form=DirectoryFilterForm(),
        )
        return context


def with_lists(organisations):
    """Organisations with their district, languages and activities: 3 queries."""
    return organisations.select_related("district").prefetch_related(
        "languages", Prefetch("activities", Activity.objects.prefetch_related("translations"))
    )


class DirectoryView(PageMixin, ListView):
    """Published organisations, filtered and searched; bad filter values are shown as errors
    and left out, a bad page number shows the first or last page."""

    template_name = "organisations/directory.html"
    context_object_name = "organisations"
    paginate_by = ORGANISATIONS_PER_PAGE
    title = DIRECTORY_TITLE
    parents = (SECTION,)

    @cached_property
    def form(self):
        form = DirectoryFilterForm(self.request.GET)
        form.is_valid()
        return form

    def get_queryset(self):
        return with_lists(self.form.filter(Organisation.objects.published()))

    def paginate_queryset(self, queryset, page_size):
        # Paginator.get_page() instead of ListView's 404 for a page number out of range.
        paginator = self.get_paginator(queryset, page_size)
        page_obj = paginator.get_page(self.request.GET.get("page"))
        return paginator, page_obj, page_obj.object_list, page_obj.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page_obj = context["page_obj"]
        context.update(
            form=self.form,
            page_range=page_obj.paginator.get_elided_page_range(
                page_obj.number, on_each_side=1, on_ends=1
            ),
            filter_query=self.form.query_string(),
            is_filtered=any(self.request.GET.get(name) for name in self.form.fields),
        )
        return context


class OrganisationDetailView(PageMixin, DetailView):
    """One published entry, with only what its representative chose to publish."""

    template_name = "organisations/detail.html"
    context_object_name = "organisation"
    parents = (SECTION, DIRECTORY)

    def get_queryset(self):
        return with_lists(Organisation.objects.published()).prefetch_related(
            Prefetch("audiences", Audience.objects.prefetch_related("translations"))
        )

    def get_title(self):
        return self.object.name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["structured_data"] = structured_data.organization(
            self.object, self.request.build_absolute_uri(self.object.get_absolute_url())
        )
        return context


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("organisations-register", limit=10, seconds=3600)
def register(request):
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if form.is_valid():
            organisation_register(
                data=form.cleaned_data,
                language=get_language(),
                submission_key=form.cleaned_data["submission_key"],
                consent_version=PRIVACY_NOTICE_VERSION,
                consent_text=privacy_notice(),
            )
            return redirect("organisations:registered")
        if form.is_spam:
            return redirect("organisations:registered")
    else:
        form = RegistrationForm()
    return render(
        request,
        "organisations/register.html",
        {**page(_("Organisation anmelden"), SECTION), "form": form},
    )


class RegisteredView(PageMixin, TemplateView):
    template_name = "organisations/registered.html"
    title = gettext_lazy("Bitte bestätigen Sie Ihre E-Mail-Adresse")
    parents = (SECTION,)
    extra_context = {
        "confirm_hours": int(CONFIRMATION_VALID.total_seconds() // 3600),
        "kept_days": UNCONFIRMED_KEPT.days,
    }


def link_page(purpose: str, max_age, statuses, *, gone=None):
    """A page reached through a signed link from a mail.

    An expired, tampered or no longer valid link gets a page that says so and changes
    nothing; a genuine link whose entry was deleted gets `gone(request)` where given.
    The pages are not cached; like every page they send the referrer (which holds the
    link) only to the portal itself.
    """

    def decorator(view):
        @functools.wraps(view)
        @never_cache
        def wrapper(request, token, *args, **kwargs):
            try:
                organisation = Organisation.from_link_token(token, purpose, max_age)
            except signing.SignatureExpired:
                return invalid_link(request, expired=True)
            except EntryGone:
                if gone is None:
                    return invalid_link(request, expired=False)
                return gone(request)
            except signing.BadSignature:
                return invalid_link(request, expired=False)
            if organisation.status not in statuses:
                return invalid_link(request, expired=False)
            return view(request, organisation, token, *args, **kwargs)

        return wrapper

    return decorator


def invalid_link(request, *, expired: bool):
    title = _("Dieser Link ist abgelaufen") if expired else _("Dieser Link ist nicht gültig")
    return render(
        request,
        "organisations/invalid_link.html",
        {**page(title, SECTION), "expired": expired},
        status=400,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@link_page("confirm", CONFIRMATION_VALID, [Status.UNCONFIRMED, Status.PENDING])
def confirm(request, organisation, token):
    """Confirms on a button press: mail programs that open links to check them change nothing."""
    if request.method == "POST" or organisation.status == Status.PENDING:
        organisation_confirm_email(organisation=organisation)
        title = _("Vielen Dank, Ihre Anmeldung ist bestätigt")
        template = "organisations/confirmed.html"
    else:
        title = _("Anmeldung bestätigen")
        template = "organisations/confirm.html"
    return render(
        request,
        template,
        {**page(title, SECTION), "organisation": organisation, "kept_days": UNCONFIRMED_KEPT.days},
    )


manage_link_page = link_page("manage", MANAGE_LINK_VALID, [Status.APPROVED])


@require_http_methods(["GET", "HEAD", "POST"])
@manage_link_page
def manage(request, organisation, token):
    """The representative's page for the entry: confirm it, change it, wish topics, withdraw."""
    if request.method == "POST":
        organisation_reconfirm(entry=organisation)
        return redirect(f"{request.path}?gespeichert=bestaetigt")
    title = _("Ihr Eintrag: %(name)s") % {"name": organisation.name}
    return render(
        request,
        "organisations/manage.html",
        {
            **page(title, SECTION),
            "organisation": organisation,
            "token": token,
            "saved": SAVED_MESSAGES.get(request.GET.get("gespeichert", "")),
            "pending_change": organisation.change_requests.exists(),
            "is_public": organisation.is_public(),
            "deleted_after": organisation.deleted_after(),
            "hidden_kept_days": settings.ORGANISATION_HIDDEN_KEEP_DAYS,
        },
    )


def manage_page(token, title):
    """A page below the representative's page for the entry."""
    manage_url = reverse("organisations:manage", kwargs={"token": token})
    return page(title, SECTION, Crumb(_("Ihr Eintrag"), manage_url))


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("organisations-change", limit=20, seconds=3600)
@manage_link_page
def change(request, organisation, token):
    """A change request; the published entry stays as it is until staff approve it."""
    current = organisation.change_requests.first() or organisation
    if request.method == "POST":
        form = ChangeRequestForm(request.POST, instance=Organisation())
        saved_url = reverse("organisations:manage", kwargs={"token": token})
        saved_url = f"{saved_url}?gespeichert=aenderung"
        if form.is_valid():
            organisation_request_change(
                entry=organisation,
                data=form.cleaned_data,
                language=get_language(),
                submission_key=form.cleaned_data["submission_key"],
            )
            return redirect(saved_url)
        if form.is_spam:
            return redirect(saved_url)
    else:
        form = ChangeRequestForm(instance=current)
    return render(
        request,
        "organisations/change.html",
        {
            **manage_page(token, _("Eintrag ändern")),
            "organisation": organisation,
            "form": form,
            # The form shows the waiting change; what is sent now replaces it.
            "pending_change": current != organisation,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@manage_link_page
def topics(request, organisation, token):
    if request.method == "POST":
        form = TopicWishForm(request.POST)
        if form.is_valid():
            organisation_set_topic_wishes(entry=organisation, topics=form.cleaned_data["topics"])
            manage_url = reverse("organisations:manage", kwargs={"token": token})
            return redirect(f"{manage_url}?gespeichert=themen")
    else:
        form = TopicWishForm(
            initial={"topics": [wish.topic_id for wish in organisation.topic_wishes.all()]}
        )
    return render(
        request,
        "organisations/topics.html",
        {
            **manage_page(token, _("Themen für die Qualifizierung wünschen")),
            "organisation": organisation,
            "form": form,
        },
    )


def withdrawn(request, name=""):
    return render(
        request,
        "organisations/withdrawn.html",
        {**page(_("Ihr Eintrag ist gelöscht"), SECTION), "name": name},
    )


@require_http_methods(["GET", "HEAD", "POST"])
# A second click on "withdraw", or the link opened again, finds the entry deleted: the
# person is told so again instead of "link not valid".
@link_page("manage", MANAGE_LINK_VALID, [Status.APPROVED], gone=withdrawn)
def withdraw(request, organisation, token):
    if request.method == "POST":
        name = organisation.name
        organisation_withdraw(entry=organisation)
        return withdrawn(request, name)
    return render(
        request,
        "organisations/withdraw.html",
        {
            **manage_page(token, _("Eintrag zurückziehen")),
            "organisation": organisation,
            "token": token,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("organisations-new-link", limit=5, seconds=3600)
def new_link(request):
    """Sends a fresh link to the address of an entry, without saying whether there is one."""
    if request.method == "POST":
        form = NewLinkForm(request.POST)
        if form.is_valid():
            organisation_send_manage_link(email=form.cleaned_data["email"])
            return redirect("organisations:new-link-sent")
        if form.is_spam:
            return redirect("organisations:new-link-sent")
    else:
        form = NewLinkForm()
    return render(
        request,
        "organisations/new_link.html",
        {**page(_("Neuen Link zu Ihrem Eintrag anfordern"), SECTION), "form": form},
    )


class NewLinkSentView(PageMixin, TemplateView):
    template_name = "organisations/new_link_sent.html"
    title = gettext_lazy("Bitte sehen Sie in Ihr Postfach")
    parents = (SECTION,)
    extra_context = {"valid_days": MANAGE_LINK_VALID.days}
