import functools

from django.core import signing
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from organisations import structured_data
from organisations.forms import (
    PRIVACY_NOTICE,
    PRIVACY_NOTICE_VERSION,
    ChangeRequestForm,
    DirectoryFilterForm,
    NewLinkForm,
    RegistrationForm,
    TopicWishForm,
)
from organisations.models import (
    CONFIRMATION_VALID,
    MANAGE_LINK_VALID,
    UNCONFIRMED_KEPT,
    Activity,
    Audience,
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


def crumbs(title=None):
    trail = [{"title": SECTION_TITLE, "url": reverse("organisations:landing")}]
    return [*trail, {"title": title}] if title else [{"title": SECTION_TITLE}]


def landing(request):
    """What the centre does with migrant organisations, its offers and coming meetings."""
    context = {
        "title": SECTION_TITLE,
        "crumbs": crumbs(),
        "support_offers": SupportOffer.objects.with_german_name().prefetch_related("translations"),
        "topics": QualificationTopic.objects.with_german_name().prefetch_related("translations"),
        "meetings": NetworkMeeting.objects.upcoming().prefetch_related("translations")[:3],
        "form": DirectoryFilterForm(),
    }
    return render(request, "organisations/landing.html", context)


def with_lists(organisations):
    """Organisations with their district, languages and activities: 3 queries."""
    return organisations.select_related("district").prefetch_related(
        "languages", Prefetch("activities", Activity.objects.prefetch_related("translations"))
    )


def directory(request):
    """Published organisations, filtered and searched; bad filter values are shown as errors
    and left out, a bad page number shows the first or last page."""
    form = DirectoryFilterForm(request.GET)
    form.is_valid()
    organisations = with_lists(form.filter(Organisation.objects.published()))
    page = Paginator(organisations, ORGANISATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/directory.html",
        {
            "title": DIRECTORY_TITLE,
            "crumbs": crumbs(DIRECTORY_TITLE),
            "form": form,
            "page_obj": page,
            "organisations": page.object_list,
            "page_range": page.paginator.get_elided_page_range(
                page.number, on_each_side=1, on_ends=1
            ),
            "filter_query": form.query_string(),
            "is_filtered": any(request.GET.get(name) for name in form.fields),
        },
    )


def detail(request, slug):
    """One published entry, with only what its representative chose to publish."""
    organisations = with_lists(Organisation.objects.published()).prefetch_related(
        Prefetch("audiences", Audience.objects.prefetch_related("translations"))
    )
    organisation = get_object_or_404(organisations, slug=slug)
    return render(
        request,
        "organisations/detail.html",
        {
            "title": organisation.name,
            "crumbs": [
                {"title": SECTION_TITLE, "url": reverse("organisations:landing")},
                {"title": DIRECTORY_TITLE, "url": reverse("organisations:directory")},
                {"title": organisation.name},
            ],
            "organisation": organisation,
            "structured_data": structured_data.organization(
                organisation, request.build_absolute_uri(organisation.get_absolute_url())
            ),
        },
    )


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
                consent_text=str(PRIVACY_NOTICE),
            )
            return redirect("organisations:registered")
        if form.is_spam:
            return redirect("organisations:registered")
    else:
        form = RegistrationForm()
    title = _("Organisation anmelden")
    return render(
        request,
        "organisations/register.html",
        {"title": title, "crumbs": crumbs(title), "form": form},
    )


def registered(request):
    title = _("Bitte bestätigen Sie Ihre E-Mail-Adresse")
    return render(
        request,
        "organisations/registered.html",
        {
            "title": title,
            "crumbs": crumbs(title),
            "confirm_hours": int(CONFIRMATION_VALID.total_seconds() // 3600),
            "kept_days": UNCONFIRMED_KEPT.days,
        },
    )


def link_page(purpose: str, max_age, statuses):
    """A page reached through a signed link from a mail.

    An expired, tampered or no longer valid link gets a page that says so and changes
    nothing. The pages are not cached; like every page they send the referrer (which
    holds the link) only to the portal itself.
    """

    def decorator(view):
        @functools.wraps(view)
        @never_cache
        def wrapper(request, token, *args, **kwargs):
            try:
                organisation = Organisation.from_link_token(token, purpose, max_age)
            except signing.SignatureExpired:
                return invalid_link(request, expired=True)
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
        {"title": title, "crumbs": crumbs(title), "expired": expired},
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
        {
            "title": title,
            "crumbs": crumbs(title),
            "organisation": organisation,
            "kept_days": UNCONFIRMED_KEPT.days,
        },
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
            "title": title,
            "crumbs": crumbs(title),
            "organisation": organisation,
            "token": token,
            "saved": SAVED_MESSAGES.get(request.GET.get("gespeichert", "")),
            "pending_change": organisation.change_requests.exists(),
            "is_public": organisation.is_public(),
        },
    )


def manage_crumbs(organisation, token, title):
    return [
        {"title": SECTION_TITLE, "url": reverse("organisations:landing")},
        {
            "title": _("Ihr Eintrag"),
            "url": reverse("organisations:manage", kwargs={"token": token}),
        },
        {"title": title},
    ]


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("organisations-change", limit=20, seconds=3600)
@manage_link_page
def change(request, organisation, token):
    """A change request; the published entry stays as it is until staff approve it."""
    current = organisation.change_requests.first() or organisation
    if request.method == "POST":
        form = ChangeRequestForm(request.POST, instance=Organisation())
        if form.is_valid():
            organisation_request_change(
                entry=organisation, data=form.cleaned_data, language=get_language()
            )
            manage_url = reverse("organisations:manage", kwargs={"token": token})
            return redirect(f"{manage_url}?gespeichert=aenderung")
    else:
        form = ChangeRequestForm(instance=current)
    title = _("Eintrag ändern")
    return render(
        request,
        "organisations/change.html",
        {
            "title": title,
            "crumbs": manage_crumbs(organisation, token, title),
            "organisation": organisation,
            "form": form,
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
    title = _("Themen für die Qualifizierung wünschen")
    return render(
        request,
        "organisations/topics.html",
        {
            "title": title,
            "crumbs": manage_crumbs(organisation, token, title),
            "organisation": organisation,
            "form": form,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@manage_link_page
def withdraw(request, organisation, token):
    if request.method == "POST":
        name = organisation.name
        organisation_withdraw(entry=organisation)
        title = _("Ihr Eintrag ist gelöscht")
        return render(
            request,
            "organisations/withdrawn.html",
            {"title": title, "crumbs": crumbs(title), "name": name},
        )
    title = _("Eintrag zurückziehen")
    return render(
        request,
        "organisations/withdraw.html",
        {
            "title": title,
            "crumbs": manage_crumbs(organisation, token, title),
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
    title = _("Neuen Link zu Ihrem Eintrag anfordern")
    return render(
        request,
        "organisations/new_link.html",
        {"title": title, "crumbs": crumbs(title), "form": form},
    )


def new_link_sent(request):
    title = _("Bitte sehen Sie in Ihr Postfach")
    return render(
        request,
        "organisations/new_link_sent.html",
        {"title": title, "crumbs": crumbs(title), "valid_days": MANAGE_LINK_VALID.days},
    )
