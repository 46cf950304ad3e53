"""The register's workflows: registration, confirmation, review, self-service, upkeep.

Every function that writes runs in one transaction; its mails are stored in the outbox in
that transaction and leave after the commit, so a mail server that is down never undoes or
breaks a stored decision.
Representatives get mails in the language they used; staff get German mails without
personal data, only the organisation's name and a link to the admin.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from centre.models import CentreProfile
from organisations.models import (
    CONFIRMATION_VALID,
    HIDDEN_AFTER,
    MANAGE_LINK_VALID,
    NEW_LINK_INTERVAL,
    RECONFIRM_AFTER,
    UNCONFIRMED_KEPT,
    Decision,
    DecisionKind,
    Organisation,
    Status,
    TopicWish,
)
from portal.history import forget, record
from portal.idempotency import create_once
from portal.mail import absolute_url, send_templated_mail

# Fields a change request may change; everything else (status, consent, dates) stays.
ENTRY_FIELDS = [
    "name",
    "legal_form",
    "register_court",
    "register_number",
    "founded_year",
    "street",
    "postal_code",
    "city",
    "district",
    "website",
    "social_links",
    "description",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
    "publish_address",
    "publish_contact_name",
    "publish_contact_email",
    "publish_contact_phone",
]
RELATED_FIELDS = ["languages", "activities", "audiences"]
PUBLISH_FLAGS = [field for field in ENTRY_FIELDS if field.startswith("publish_")]
# Erased when an entry is withdrawn or a registration rejected: whatever can name a person.
PERSONAL_FIELDS = {
    "street": "",
    "postal_code": "",
    "description": "",
    "contact_name": "",
    "contact_role": "",
    "contact_email": "",
    "contact_phone": "",
    "publish_address": False,
    "publish_contact_name": False,
    "publish_contact_email": False,
    "publish_contact_phone": False,
    "consent_text": "",
    "submission_key": None,
}


def _link(organisation: Organisation, view: str, purpose: str) -> str:
    with translation.override(organisation.language):
        path = reverse(view, kwargs={"token": organisation.make_link_token(purpose)})
    return absolute_url(path)


def manage_link(organisation: Organisation) -> str:
    """The link in every mail to an entry's representative: changes, topics, withdrawal."""
    return _link(organisation, "organisations:manage", "manage")


def _mail_representative(organisation: Organisation, template: str, **context) -> None:
    context = {
        "organisation": organisation,
        "centre": CentreProfile.load(),
        "valid_days": MANAGE_LINK_VALID.days,
        "hidden_kept_days": settings.ORGANISATION_HIDDEN_KEEP_DAYS,
        **context,
    }
    send_templated_mail(
        template=f"organisations/mail/{template}",
        context=context,
        recipient=organisation.contact_email,
        language=organisation.language,
    )


def _mail_staff(template: str, **context) -> None:
    centre = CentreProfile.load()
    if not (centre and centre.email):
        return
    send_templated_mail(
        template=f"organisations/mail/{template}",
        context=context,
        recipient=centre.email,
        language=settings.LANGUAGE_CODE,
    )


def _admin_link(organisation: Organisation) -> str:
    """Where staff deal with a record: the review queue while it waits, else the entry."""
    view = "reviewitem" if organisation.status == Status.PENDING else "organisation"
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse(f"admin:organisations_{view}_change", args=[organisation.pk])
    return absolute_url(path)


def _set_related(organisation: Organisation, data: dict) -> None:
    for field in RELATED_FIELDS:
        getattr(organisation, field).set(data.get(field, []))


@transaction.atomic
def organisation_register(
    *, data: dict, language: str, submission_key, consent_version: str, consent_text: str
) -> tuple[Organisation, bool]:
    """Stores a registration and mails the confirmation link; returns it and whether it is new.

    The same form sent twice (double click, reload, replay) carries the same submission
    key and returns the first registration without a second mail.
    """

    def store_lists_and_mail(organisation: Organisation) -> None:
        _set_related(organisation, data)
        _mail_representative(
            organisation,
            "confirm",
            confirm_link=_link(organisation, "organisations:confirm", "confirm"),
            confirm_hours=int(CONFIRMATION_VALID.total_seconds() // 3600),
            kept_days=UNCONFIRMED_KEPT.days,
        )

    organisation = Organisation(
        **{field: data[field] for field in ENTRY_FIELDS if field in data},
        language=language,
        consent_version=consent_version,
        consent_text=consent_text,
        consented_at=timezone.now(),
    )
    # The slug is made from the name when the registration is saved.
    return create_once(
        organisation,
        submission_key=submission_key,
        after_save=store_lists_and_mail,
        exclude=["slug"],
    )


@transaction.atomic
def organisation_confirm_email(*, organisation: Organisation) -> None:
    """The representative's address is confirmed: the registration goes to the review queue."""
    if organisation.status != Status.UNCONFIRMED:
        return
    organisation.status = Status.PENDING
    organisation.confirmed_at = timezone.now()
    organisation.save(update_fields=["status", "confirmed_at"])
    _mail_staff("staff_new", organisation=organisation, admin_link=_admin_link(organisation))


def _shown(organisation: Organisation, field: str, value) -> str:
    """A field's value as staff read it when comparing an entry with a change request."""
    model_field = Organisation._meta.get_field(field)
    if field in RELATED_FIELDS:
        return ", ".join(sorted(str(obj) for obj in value))
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        value = getattr(organisation, field)
    if isinstance(value, bool):
        return gettext("ja") if value else gettext("nein")
    if isinstance(value, list):
        return ", ".join(value)
    return "" if value is None else str(value)


def changed_fields(entry: Organisation, proposal: Organisation) -> list[tuple[str, str, str]]:
    """(label, published value, proposed value) of every field a change request changes.

    Reads the languages, activities and audiences of both records: a few queries per call.
    """
    before, after = model_to_dict(entry), model_to_dict(proposal)
    changes = []
    for field in ENTRY_FIELDS + RELATED_FIELDS:
        old, new = before.get(field), after.get(field)
        if field in RELATED_FIELDS:
            differs = {obj.pk for obj in old} != {obj.pk for obj in new}
        else:
            differs = old != new
        if differs:
            changes.append(
                (
                    str(Organisation._meta.get_field(field).verbose_name),
                    _shown(entry, field, old),
                    _shown(proposal, field, new),
                )
            )
    return changes


@transaction.atomic
def organisation_approve(*, organisation: Organisation, user) -> Organisation:
    """Publishes a registration, or applies a change request to its entry.

    Returns the entry that is now published.
    """
    if organisation.status != Status.PENDING:
        raise ValueError("Only records in the review queue can be approved.")
    now = timezone.now()
    if organisation.revision_of_id is None:
        organisation.status = Status.APPROVED
        organisation.last_confirmed_at = now
        organisation.save(update_fields=["status", "last_confirmed_at"])
        Decision.objects.create(
            organisation=organisation, kind=DecisionKind.APPROVED, decided_by=user, decided_at=now
        )
        _mail_representative(organisation, "approved", manage_link=manage_link(organisation))
        return organisation
    entry = organisation.revision_of
    changes = [label for label, _old, _new in changed_fields(entry, organisation)]
    for field in ENTRY_FIELDS:
        setattr(entry, field, getattr(organisation, field))
    entry.language = organisation.language
    # Asking for a change is also a sign of life.
    entry.last_confirmed_at = now
    entry.save()
    _set_related(entry, {field: getattr(organisation, field).all() for field in RELATED_FIELDS})
    Decision.objects.create(
        organisation=entry,
        kind=DecisionKind.CHANGE_APPROVED,
        decided_by=user,
        decided_at=now,
        changes="\n".join(changes),
    )
    organisation.delete()
    record(entry, user=user, comment=gettext("Änderungswunsch übernommen."))
    _mail_representative(entry, "change_approved", manage_link=manage_link(entry))
    return entry


@transaction.atomic
def organisation_reject(*, organisation: Organisation, user, reason: str) -> None:
    """Turns down a registration (its personal data is erased) or a change request."""
    if organisation.status != Status.PENDING:
        raise ValueError("Only records in the review queue can be rejected.")
    if organisation.revision_of_id is None:
        # The mail is composed from the record before its contact data is erased.
        _mail_representative(organisation, "rejected", reason=reason)
        Decision.objects.create(
            organisation=organisation, kind=DecisionKind.REJECTED, decided_by=user, reason=reason
        )
        for field, empty in PERSONAL_FIELDS.items():
            setattr(organisation, field, empty)
        organisation.status = Status.REJECTED
        organisation.save()
        # Earlier versions in the admin's history hold the erased data.
        forget(Organisation, [organisation.pk])
        return
    entry = organisation.revision_of
    Decision.objects.create(
        organisation=entry, kind=DecisionKind.CHANGE_REJECTED, decided_by=user, reason=reason
    )
    _mail_representative(entry, "change_rejected", reason=reason, manage_link=manage_link(entry))
    organisation.delete()


@transaction.atomic
def organisation_request_change(
    *, entry: Organisation, data: dict, language: str, submission_key=None
) -> Organisation:
    """Queues a change of a published entry for review and tells staff; returns the proposal.

    An entry has at most one waiting change request (a database constraint): a different
    change sent later replaces it, with a new mail to staff, because the representative
    edits the waiting request in the form and sends what should now apply. The same form
    sent again (double click, reload, replay, also at the same moment) carries the same
    submission key and returns the first proposal without a second mail.

    Consent to publish a detail is withdrawn at once, not after the review: a detail the
    request no longer allows to publish leaves the public entry immediately.
    """
    # Posts for one entry take turns (on SQLite the write lock at the start does this), so
    # two of them never both find no proposal and store two.
    entry = Organisation.objects.select_for_update().get(pk=entry.pk)
    withdrawn = [flag for flag in PUBLISH_FLAGS if getattr(entry, flag) and not data.get(flag)]
    if withdrawn:
        for flag in withdrawn:
            setattr(entry, flag, False)
        entry.save(update_fields=withdrawn)
    replaced = entry.change_requests.all()
    if submission_key is not None:
        # Unless it is the post this one repeats: create_once returns that proposal.
        replaced = replaced.exclude(submission_key=submission_key)
    replaced.delete()

    def store_lists_and_mail(proposal: Organisation) -> None:
        _set_related(proposal, data)
        _mail_staff("staff_change", organisation=entry, admin_link=_admin_link(proposal))

    proposal = Organisation(
        **{field: data[field] for field in ENTRY_FIELDS if field in data},
        revision_of=entry,
        status=Status.PENDING,
        language=language,
        consent_version=entry.consent_version,
        consent_text=entry.consent_text,
        consented_at=entry.consented_at,
        confirmed_at=timezone.now(),
    )
    proposal, _created = create_once(
        proposal, submission_key=submission_key, after_save=store_lists_and_mail, exclude=["slug"]
    )
    return proposal


@transaction.atomic
def organisation_withdraw(*, entry: Organisation, user=None) -> None:
    """Deletes an entry at once, as the privacy notice promises, with its change request,
    topic wishes and every link sent for it.

    `user` is the staff member who did it on the representative's request, if it was not
    the representative through the link. The decision log keeps its lines, the withdrawal
    among them, without the entry: they name no organisation any more. A network partner
    that pointed to the entry stays, without the link.
    """
    # Mail and log line are composed from the record before it is deleted.
    _mail_representative(entry, "withdrawn")
    Decision.objects.create(organisation=entry, kind=DecisionKind.WITHDRAWN, decided_by=user)
    forget(Organisation, [entry.pk])
    entry.delete()


@transaction.atomic
def organisation_reconfirm(*, entry: Organisation) -> None:
    """The representative says the entry is still right: it stays (or is back) in the directory."""
    entry.last_confirmed_at = timezone.now()
    entry.reconfirmation_requested_at = None
    entry.hidden_reported_at = None
    entry.save(
        update_fields=["last_confirmed_at", "reconfirmation_requested_at", "hidden_reported_at"]
    )
    Decision.objects.create(organisation=entry, kind=DecisionKind.RECONFIRMED)


@transaction.atomic
def organisation_set_topic_wishes(*, entry: Organisation, topics) -> None:
    entry.topic_wishes.exclude(topic__in=topics).delete()
    existing = set(entry.topic_wishes.values_list("topic_id", flat=True))
    TopicWish.objects.bulk_create(
        TopicWish(organisation=entry, topic=topic) for topic in topics if topic.pk not in existing
    )


def organisation_send_manage_link(*, email: str, now: datetime.datetime | None = None) -> int:
    """Mails a fresh link to every current entry with this contact address, at most once
    per entry within `NEW_LINK_INTERVAL`; returns how many links were sent.

    The page that calls this says the same whether or not an entry was found or a link was
    sent, so nobody can find out which addresses are registered. The interval keeps a
    double click, a reload or someone posting another person's address again and again
    from filling that person's mailbox.
    """
    now = now or timezone.now()
    sent = 0
    with transaction.atomic():
        entries = Organisation.objects.entries().filter(
            status=Status.APPROVED, contact_email__iexact=email
        )
        for entry in entries:
            # One conditional update: of several posts at the same moment, only one finds
            # the entry due (the others wait for its row and then no longer match).
            due = Organisation.objects.filter(pk=entry.pk).filter(
                Q(manage_link_sent_at__isnull=True)
                | Q(manage_link_sent_at__lte=now - NEW_LINK_INTERVAL)
            )
            if due.update(manage_link_sent_at=now):
                _mail_representative(entry, "manage_link", manage_link=manage_link(entry))
                sent += 1
    return sent


@transaction.atomic
def organisations_remind_and_hide(*, now: datetime.datetime | None = None) -> tuple[int, int]:
    """The daily upkeep: asks for the yearly confirmation and reports entries now hidden.

    Returns how many representatives were asked and how many entries were hidden.
    """
    now = now or timezone.now()
    approved = Organisation.objects.entries().filter(status=Status.APPROVED)
    to_ask = approved.filter(
        last_confirmed_at__lt=now - RECONFIRM_AFTER, reconfirmation_requested_at__isnull=True
    )
    asked = 0
    for entry in to_ask:
        entry.reconfirmation_requested_at = now
        entry.save(update_fields=["reconfirmation_requested_at"])
        _mail_representative(entry, "reconfirm", manage_link=manage_link(entry))
        asked += 1
    hidden = list(
        approved.filter(last_confirmed_at__lt=now - HIDDEN_AFTER, hidden_reported_at__isnull=True)
    )
    for entry in hidden:
        entry.hidden_reported_at = now
        entry.save(update_fields=["hidden_reported_at"])
        Decision.objects.create(organisation=entry, kind=DecisionKind.HIDDEN, decided_at=now)
    if hidden:
        _mail_staff(
            "staff_hidden",
            entries=[(entry.name, _admin_link(entry)) for entry in hidden],
            hidden_kept_days=settings.ORGANISATION_HIDDEN_KEEP_DAYS,
        )
    return asked, len(hidden)


@transaction.atomic
def organisations_delete_hidden(*, now: datetime.datetime | None = None) -> int:
    """Deletes entries hidden for KI_ORGANISATION_HIDDEN_KEEP_DAYS without a confirmation,
    with their change requests and topic wishes, as on withdrawal; returns how many.

    The decision log keeps its lines and one more for the deletion, without the entry:
    they name no organisation any more.
    """
    now = now or timezone.now()
    expired = list(Organisation.objects.hidden_too_long(now=now))
    for entry in expired:
        Decision.objects.create(
            organisation=entry, kind=DecisionKind.DELETED_UNCONFIRMED, decided_at=now
        )
        forget(Organisation, [entry.pk])
        entry.delete()
    return len(expired)


def organisations_delete_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Deletes registrations whose e-mail address was not confirmed within seven days."""
    now = now or timezone.now()
    unconfirmed = Organisation.objects.filter(
        status=Status.UNCONFIRMED, created_at__lt=now - UNCONFIRMED_KEPT
    )
    with transaction.atomic():
        forget(Organisation, list(unconfirmed.values_list("pk", flat=True)))
        deleted, _by_model = unconfirmed.delete()
    return deleted
