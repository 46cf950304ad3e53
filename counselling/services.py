"""The workflows of a counselling request (arrival, opening, status, erasure) and the
record of who joins or leaves the sealed groups."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from accounts.groups import COUNSELLING_GROUP, SEALED_GROUPS
from counselling.models import (
    AccessAction,
    AccessLog,
    Channel,
    CounsellingRequest,
    MembershipLog,
    MonthlyCount,
    Status,
)
from portal.idempotency import create_once
from portal.mail import absolute_url, send_templated_mail

# The team's working language; notifications say nothing but that a request arrived.
TEAM_LANGUAGE = "de"


@transaction.atomic
def request_submit(
    *, data: dict, page_language: str, submission_key, message_consent_text: str
) -> tuple[CounsellingRequest, bool]:
    """Stores a request, counts it for the statistic and tells the team; returns it and
    whether it is new.

    The same form sent twice (double click, reload, replay) carries the same submission
    key and returns the first request, counted once, without a second notification.
    """
    now = timezone.now()
    appointment = " ".join(
        value.isoformat(timespec="minutes") if isinstance(value, datetime.time) else str(value)
        for value in (data.get("appointment_date"), data.get("appointment_time"))
        if value
    )
    counselling_request = CounsellingRequest(
        topic=data["topic"],
        language=data["language"],
        channel=data["channel"],
        contact_detail=data.get("contact_detail", ""),
        name=data.get("name", ""),
        preferred_days=sorted(data.get("preferred_days", [])),
        preferred_time=data["preferred_time"],
        authority=data.get("authority", ""),
        appointment=appointment,
        message=data.get("message", ""),
        message_consent_at=now if data.get("message") else None,
        message_consent_text=message_consent_text if data.get("message") else "",
        confirmation_requested=bool(data.get("wants_confirmation")),
        page_language=page_language,
        created_at=now,
        updated_at=now,
    )
    return create_once(
        counselling_request, submission_key=submission_key, after_save=_count_and_notify
    )


def _count_and_notify(counselling_request: CounsellingRequest) -> None:
    _count(counselling_request)
    _notify(counselling_request)


def _count(counselling_request: CounsellingRequest) -> None:
    month = timezone.localdate(counselling_request.created_at).replace(day=1)
    kind = {
        "month": month,
        "topic": counselling_request.topic,
        "language": counselling_request.language,
        "channel": counselling_request.channel,
    }
    MonthlyCount.objects.get_or_create(**kind)
    MonthlyCount.objects.filter(**kind).update(count=F("count") + 1)


def _notify(counselling_request: CounsellingRequest) -> None:
    """Tells the team and, if she asked for it, confirms to her, once the request is stored.

    Each mail is its own task in the outbox: a mail server that refuses one never turns her
    stored request into an error page, and the other mails still go out. Her confirmation
    is confidential, so the outbox in the admin does not show her address to staff
    outside the team.
    """
    team = get_user_model().objects.filter(
        groups__name=COUNSELLING_GROUP, is_active=True, email__gt=""
    )
    link = absolute_url(reverse("admin:counselling_counsellingrequest_changelist"))
    mails = [
        {
            "template": "counselling/mail/team_notification",
            "context": {"link": link},
            "recipient": email,
            "language": TEAM_LANGUAGE,
        }
        for email in team.values_list("email", flat=True).distinct()
    ]
    if counselling_request.confirmation_requested and (
        counselling_request.channel == Channel.EMAIL
    ):
        mails.append(
            {
                "template": "counselling/mail/confirmation",
                "context": {
                    "reference": counselling_request.reference,
                    "answer_days": settings.COUNSELLING_ANSWER_DAYS,
                },
                "recipient": counselling_request.contact_detail,
                "language": counselling_request.page_language,
                "confidential": True,
            }
        )
    for mail in mails:
        send_templated_mail(**mail)


def request_log_access(*, counselling_request: CounsellingRequest, user) -> None:
    """Records that `user` opened the request's detail page."""
    _log(counselling_request.reference, AccessAction.OPENED, user)


def request_log_refusal(*, object_id: str, user) -> None:
    """Records that `user`, outside the team, was refused the page of the request numbered
    `object_id` (as the address gave it): by its reference when it exists, else by "#" and
    the number asked for, cut to the reference's length."""
    reference = (
        CounsellingRequest.objects.filter(pk=object_id).values_list("reference", flat=True).first()
        if object_id.isdecimal()
        else None
    )
    length = AccessLog._meta.get_field("reference").max_length
    _log(reference or f"#{object_id}"[:length], AccessAction.REFUSED, user)


def request_set_status(*, counselling_request: CounsellingRequest, status: str) -> None:
    """Keeps the dates the erasure periods count from in step with the status."""
    now = timezone.now()
    if status == Status.DONE and counselling_request.closed_at is None:
        counselling_request.closed_at = now
    elif status != Status.DONE:
        counselling_request.closed_at = None
    counselling_request.status = status
    counselling_request.updated_at = now


@transaction.atomic
def request_erase(*, counselling_request: CounsellingRequest, user) -> None:
    """Erases the request and its notes at once, as she asked; the statistic keeps its count."""
    _log(counselling_request.reference, AccessAction.ERASED, user)
    counselling_request.delete()


@transaction.atomic
def requests_erase_expired(*, now: datetime.datetime) -> int:
    """Erases requests closed or untouched for longer than their periods; returns how many."""
    expired = list(CounsellingRequest.objects.due_for_erasure(now).values_list("pk", "reference"))
    AccessLog.objects.bulk_create(
        AccessLog(reference=reference, action=AccessAction.EXPIRED, at=now)
        for _pk, reference in expired
    )
    # Only the keys are read, so the erasure does not need the encryption key.
    CounsellingRequest.objects.filter(pk__in=[pk for pk, _reference in expired]).only("pk").delete()
    return len(expired)


def _log(reference: str, action: str, user) -> None:
    AccessLog.objects.create(
        reference=reference, action=action, user=user, username=user.get_username()
    )


@transaction.atomic
def memberships_record(*, memberships: list[tuple[int, str, str]], change: str, actor) -> None:
    """Logs each changed membership of a sealed group, given as (user id, user name,
    group name), and tells both sealed groups that it changed, without saying whose.

    `actor` is the person who changed it, or None for the system (a shell, a migration).
    Costs two queries and one insert per mail.
    """
    MembershipLog.objects.bulk_create(
        MembershipLog(
            actor=actor,
            actor_name=actor.get_username() if actor else "",
            member_id=member_id,
            member_name=member_name,
            group=group,
            change=change,
        )
        for member_id, member_name, group in memberships
    )
    recipients = (
        get_user_model()
        .objects.filter(groups__name__in=SEALED_GROUPS, is_active=True, email__gt="")
        .values_list("email", flat=True)
        .distinct()
    )
    link = absolute_url(reverse("admin:counselling_membershiplog_changelist"))
    groups = sorted({group for _member_id, _member_name, group in memberships})
    for email in recipients:
        for group in groups:
            send_templated_mail(
                template="counselling/mail/membership_changed",
                context={"group": group, "link": link},
                recipient=email,
                language=TEAM_LANGUAGE,
            )
