"""The admin's start page: what each person has to do, as tiles with counts and links.

Each tile is one function of the request and the moment. It returns None for a person
whose role does not own the work, and a `Tile` otherwise, also when nothing is to do. Who
owns a tile is decided by the permission checks of the admin page the tile leads to
(`has_view_or_change_permission` of its ModelAdmin): the roles of `ki_portal.roles` grant
those permissions, and the counselling admin adds its team check (`counselling.admin.
TeamOnly`), so the count of new requests appears for the team "Beratung" only, never for a
superuser outside it. A tile shows no names and no content, only counts, dates and, for
events, their titles.

The project shell holds the dashboard because its tiles span the apps.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import admin
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from centre.models import REVIEW_INTERVAL, AccessibilityStatement, BarrierFeedback
from counselling.models import CounsellingRequest
from counselling.models import Status as RequestStatus
from news.models import Event
from organisations.models import HIDDEN_AFTER, RECONFIRM_AFTER, Organisation, ReviewItem
from portal.models import MailStatus, OutgoingMail
from portal.translations import TranslatableModel, needing_translation

# Barrier reports whose answer is due within this time are shown before they are late.
FEEDBACK_DUE_SOON = datetime.timedelta(days=3)
# Events starting within this time are listed.
EVENTS_AHEAD = datetime.timedelta(days=14)
# The accessibility statement is announced this long before its yearly review is due.
STATEMENT_DUE_SOON = datetime.timedelta(days=30)


@dataclass(frozen=True)
class Task:
    """One line of a tile: what to do, and where it is done."""

    text: str
    url: str


@dataclass(frozen=True)
class Tile:
    """What one area asks of this person; no tasks means "Nichts zu tun"."""

    key: str
    title: str
    tasks: list[Task] = field(default_factory=list)
    # A calm line shown below the tasks, or instead of them, e.g. the next due date.
    note: str = ""


def may_open(request, model) -> bool:
    """Whether this person may open the model's pages in the admin, by its own checks."""
    return admin.site.is_registered(model) and admin.site.get_model_admin(
        model
    ).has_view_or_change_permission(request)


def changelist(model, **lookups) -> str:
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(lookups)}" if lookups else url


def sentences(*parts: str) -> str:
    """One task line from sentences that each carry one number, so that every language
    can inflect the words next to each number on its own."""
    return " ".join(parts)


def review_overdue_after() -> datetime.timedelta:
    """How long a registration or change request may wait for review before it is overdue
    (KI_ORGANISATION_REVIEW_DAYS)."""
    return datetime.timedelta(days=settings.ORGANISATION_REVIEW_DAYS)


def review_queue(request, now: datetime.datetime) -> Tile | None:
    """Registrations and change requests waiting for review, and those waiting too long.

    One query."""
    if not may_open(request, ReviewItem):
        return None
    overdue_since = now - review_overdue_after()
    counts = Organisation.objects.review_queue().aggregate(
        waiting=Count("pk"), overdue=Count("pk", filter=Q(confirmed_at__lt=overdue_since))
    )
    tasks = []
    if counts["waiting"]:
        tasks.append(
            Task(
                ngettext(
                    "%(count)d Anmeldung oder Änderungswunsch wartet auf Prüfung.",
                    "%(count)d Anmeldungen und Änderungswünsche warten auf Prüfung.",
                    counts["waiting"],
                )
                % {"count": counts["waiting"]},
                changelist(ReviewItem),
            )
        )
    if counts["overdue"]:
        tasks.append(
            Task(
                sentences(
                    ngettext(
                        "%(count)d davon wartet schon zu lange.",
                        "%(count)d davon warten schon zu lange.",
                        counts["overdue"],
                    )
                    % {"count": counts["overdue"]},
                    ngettext(
                        "Die Prüfung soll nicht länger als %(days)d Tag dauern.",
                        "Die Prüfung soll nicht länger als %(days)d Tage dauern.",
                        review_overdue_after().days,
                    )
                    % {"days": review_overdue_after().days},
                ),
                changelist(ReviewItem, confirmed_at__lt=overdue_since.isoformat()),
            )
        )
    return Tile("review_queue", _("Prüfliste der Migrantenorganisationen"), tasks)


def leaving_directory(request, now: datetime.datetime) -> Tile | None:
    """Directory entries whose representative was asked to confirm them a year after the
    last confirmation and has not: they leave the directory 13 months after it. One query."""
    if not may_open(request, Organisation):
        return None
    asked_before = now - RECONFIRM_AFTER
    count = Organisation.objects.published(now).filter(last_confirmed_at__lt=asked_before).count()
    days_left = (HIDDEN_AFTER - RECONFIRM_AFTER).days
    tasks = []
    if count:
        tasks.append(
            Task(
                sentences(
                    ngettext(
                        "%(count)d Eintrag verlässt bald das Verzeichnis, weil die Organisation "
                        "ihn nicht bestätigt hat.",
                        "%(count)d Einträge verlassen bald das Verzeichnis, weil die "
                        "Organisationen sie nicht bestätigt haben.",
                        count,
                    )
                    % {"count": count},
                    ngettext(
                        "Das geschieht innerhalb von %(days)d Tag.",
                        "Das geschieht innerhalb von %(days)d Tagen.",
                        days_left,
                    )
                    % {"days": days_left},
                ),
                changelist(
                    Organisation, sichtbar="ja", last_confirmed_at__lt=asked_before.isoformat()
                ),
            )
        )
    return Tile("leaving_directory", _("Verzeichnis der Migrantenorganisationen"), tasks)


def counselling_requests(request, now: datetime.datetime) -> Tile | None:
    """The number of new requests, for the counselling team only; nothing of their content.

    One query, and the team check's one query for the person's groups."""
    if not may_open(request, CounsellingRequest):
        return None
    count = CounsellingRequest.objects.filter(status=RequestStatus.NEW).count()
    tasks = []
    if count:
        tasks.append(
            Task(
                ngettext(
                    "%(count)d neue Beratungsanfrage wartet auf Antwort.",
                    "%(count)d neue Beratungsanfragen warten auf Antwort.",
                    count,
                )
                % {"count": count},
                changelist(CounsellingRequest, status__exact=RequestStatus.NEW),
            )
        )
    return Tile("counselling_requests", _("Beratungsanfragen"), tasks)


def barrier_feedback(request, now: datetime.datetime) -> Tile | None:
    """Unanswered barrier reports due within three days, and those past their due date.

    One query."""
    if not may_open(request, BarrierFeedback):
        return None
    today = timezone.localdate(now)
    soon = today + FEEDBACK_DUE_SOON
    counts = BarrierFeedback.objects.unanswered().aggregate(
        due_soon=Count("pk", filter=Q(due_on__gte=today, due_on__lte=soon)),
        overdue=Count("pk", filter=Q(due_on__lt=today)),
    )
    tasks = []
    if counts["overdue"]:
        tasks.append(
            Task(
                ngettext(
                    "%(count)d Rückmeldung ist überfällig: Bitte antworten Sie jetzt.",
                    "%(count)d Rückmeldungen sind überfällig: Bitte antworten Sie jetzt.",
                    counts["overdue"],
                )
                % {"count": counts["overdue"]},
                changelist(BarrierFeedback, stand="ueberfaellig"),
            )
        )
    if counts["due_soon"]:
        tasks.append(
            Task(
                sentences(
                    ngettext(
                        "%(count)d Rückmeldung ist bald zu beantworten.",
                        "%(count)d Rückmeldungen sind bald zu beantworten.",
                        counts["due_soon"],
                    )
                    % {"count": counts["due_soon"]},
                    ngettext(
                        "Die Frist endet innerhalb von %(days)d Tag.",
                        "Die Frist endet innerhalb von %(days)d Tagen.",
                        FEEDBACK_DUE_SOON.days,
                    )
                    % {"days": FEEDBACK_DUE_SOON.days},
                ),
                changelist(
                    BarrierFeedback,
                    stand="offen",
                    due_on__gte=today.isoformat(),
                    due_on__lte=soon.isoformat(),
                ),
            )
        )
    return Tile("barrier_feedback", _("Rückmeldungen zur Barrierefreiheit"), tasks)


def failed_mails(request, now: datetime.datetime) -> Tile | None:
    """Mails the outbox gave up on, for those who may read the outbox. One query."""
    if not may_open(request, OutgoingMail):
        return None
    count = OutgoingMail.objects.filter(status=MailStatus.FAILED).count()
    tasks = []
    if count:
        tasks.append(
            Task(
                ngettext(
                    "%(count)d E-Mail konnte nicht gesendet werden. Prüfen Sie den Fehler "
                    "und senden Sie sie erneut.",
                    "%(count)d E-Mails konnten nicht gesendet werden. Prüfen Sie die Fehler "
                    "und senden Sie sie erneut.",
                    count,
                )
                % {"count": count},
                changelist(OutgoingMail, status__exact=MailStatus.FAILED),
            )
        )
    return Tile("failed_mails", _("Postausgang"), tasks)


def upcoming_events(request, now: datetime.datetime) -> Tile | None:
    """Events starting within the next 14 days, each with its date and its edit page.

    Two queries (the events, their titles). The portal takes no registrations for events
    yet; once it does, their number belongs on each line."""
    if not may_open(request, Event):
        return None
    until = now + EVENTS_AHEAD
    events = list(
        Event.objects.filter(starts_at__gte=now, starts_at__lt=until)
        .order_by("starts_at", "pk")
        .prefetch_related("translations")
    )
    tasks = []
    if events:
        tasks.append(
            Task(
                sentences(
                    ngettext(
                        "%(count)d Veranstaltung beginnt bald.",
                        "%(count)d Veranstaltungen beginnen bald.",
                        len(events),
                    )
                    % {"count": len(events)},
                    ngettext(
                        "Vorschau auf %(days)d Tag:",
                        "Vorschau auf %(days)d Tage:",
                        EVENTS_AHEAD.days,
                    )
                    % {"days": EVENTS_AHEAD.days},
                ),
                changelist(Event, starts_at__gte=now.isoformat(), starts_at__lt=until.isoformat()),
            )
        )
    for event in events:
        starts_at = timezone.localtime(event.starts_at)
        tasks.append(
            Task(
                _("%(date)s: %(title)s")
                % {"date": date_format(starts_at, "SHORT_DATETIME_FORMAT"), "title": event},
                reverse("admin:news_event_change", args=[event.pk]),
            )
        )
    return Tile("upcoming_events", _("Veranstaltungen"), tasks)


def accessibility_statement(request, now: datetime.datetime) -> Tile | None:
    """The yearly review of the accessibility statement: due within 30 days or overdue.

    One query."""
    if not may_open(request, AccessibilityStatement):
        return None
    statement = AccessibilityStatement.objects.values("pk", "last_reviewed").first()
    title = _("Erklärung zur Barrierefreiheit")
    if statement is None:
        return Tile(
            "accessibility_statement",
            title,
            [
                Task(
                    _("Es gibt noch keine Erklärung zur Barrierefreiheit. Bitte legen Sie sie an."),
                    reverse("admin:centre_accessibilitystatement_add"),
                )
            ],
        )
    today = timezone.localdate(now)
    # review_due() warns once more than REVIEW_INTERVAL has passed: this is its last day.
    due_on = statement["last_reviewed"] + REVIEW_INTERVAL
    url = reverse("admin:centre_accessibilitystatement_change", args=[statement["pk"]])
    if today > due_on:
        text = _("Die Überprüfung war bis zum %(date)s fällig. Bitte prüfen Sie die Erklärung.")
    elif due_on - today <= STATEMENT_DUE_SOON:
        text = _("Bitte überprüfen Sie die Erklärung bis zum %(date)s.")
    else:
        note = _("Nächste Überprüfung bis zum %(date)s.") % {"date": date_format(due_on)}
        return Tile("accessibility_statement", title, note=note)
    return Tile("accessibility_statement", title, [Task(text % {"date": date_format(due_on)}, url)])


def translations(request, now: datetime.datetime) -> Tile | None:
    """Content whose translation is missing or outdated, per language and kind of content,
    for whoever may change translated content. One query per such model."""
    if not any(
        issubclass(model, TranslatableModel) and model_admin.has_change_permission(request)
        for model, model_admin in admin.site._registry.items()
    ):
        return None
    tasks = []
    for need in needing_translation(request.user):
        counts = []
        if need.missing:
            counts.append(
                ngettext("%(count)d fehlt", "%(count)d fehlen", need.missing)
                % {"count": need.missing}
            )
        if need.outdated:
            counts.append(
                ngettext("%(count)d veraltet", "%(count)d veraltet", need.outdated)
                % {"count": need.outdated}
            )
        text = _("%(language)s – %(content)s: %(counts)s") % {
            "language": need.language_name,
            "content": need.model._meta.verbose_name_plural,
            "counts": ", ".join(counts),
        }
        tasks.append(Task(text, need.url))
    return Tile("translations", _("Übersetzungen"), tasks)


# The tiles in the order they are shown.
TILES = [
    review_queue,
    leaving_directory,
    counselling_requests,
    barrier_feedback,
    failed_mails,
    upcoming_events,
    translations,
    accessibility_statement,
]


def tiles(request, now: datetime.datetime | None = None) -> list[Tile]:
    """The tiles this person owns. About one query per tile, plus the person's permissions
    (and groups, for the counselling team's check) once per request."""
    now = now or timezone.now()
    return [tile for make in TILES if (tile := make(request, now)) is not None]
