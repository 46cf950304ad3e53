"""Counselling for women and girls: requests, the team's notes, who opened what, a statistic.

A request can reveal ethnic origin, religion, health or violence (GDPR Art. 9). Its contact
detail, name, message, accompaniment details and the team's notes are encrypted at rest
with KI_FIELD_ENCRYPTION_KEY; only the metadata the list shows and the admin searches
(reference, status, dates, topic, language, channel) is stored in clear text.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Named here too, where the counselling code has always imported them from.
from accounts.groups import COUNSELLING_GROUP as COUNSELLING_GROUP
from accounts.groups import DATA_PROTECTION_GROUP as DATA_PROTECTION_GROUP
from centre.models import ContactPerson, Weekday
from languages.models import Language
from portal.encryption import EncryptedCharField, EncryptedTextField

MESSAGE_MAX_LENGTH = 1000
# Easy to read out on the phone: no 0/O or 1/I/L.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_reference() -> str:
    return "B-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


class Topic(models.TextChoices):
    ACCOMPANIMENT = "accompaniment", _("Begleitung zu einer Behörde")
    RESIDENCE = "residence", _("Aufenthalt und Dokumente")
    EDUCATION = "education", _("Schule, Ausbildung oder Arbeit")
    FAMILY = "family", _("Familie")
    HEALTH = "health", _("Gesundheit")
    VIOLENCE = "violence", _("Gewalt und Schutz")
    OTHER = "other", _("Etwas anderes")


class Channel(models.TextChoices):
    PHONE = "phone", _("Anruf")
    SMS = "sms", _("SMS")
    EMAIL = "email", _("E-Mail")
    VISIT = "visit", _("Ich komme vorbei")


class Status(models.TextChoices):
    NEW = "new", _("Neu")
    IN_PROGRESS = "in_progress", _("In Bearbeitung")
    DONE = "done", _("Erledigt")


class TimeOfDay(models.TextChoices):
    ANY = "any", _("egal")
    MORNING = "morning", _("vormittags")
    AFTERNOON = "afternoon", _("nachmittags")


class CounsellingRequestQuerySet(models.QuerySet):
    def due_for_erasure(self, now: datetime.datetime):
        """Closed longer than the closed period, or untouched longer than the longer one."""
        closed_before = now - datetime.timedelta(days=settings.COUNSELLING_KEEP_CLOSED_DAYS)
        untouched_before = now - datetime.timedelta(days=settings.COUNSELLING_KEEP_UNTOUCHED_DAYS)
        return self.filter(
            Q(status=Status.DONE, closed_at__lt=closed_before) | Q(updated_at__lt=untouched_before)
        )


class CounsellingRequest(models.Model):
    reference = models.CharField(
        _("Kennung"), max_length=8, unique=True, default=new_reference, editable=False
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    created_at = models.DateTimeField(_("eingegangen am"), default=timezone.now, editable=False)
    # Any change by the team; a request untouched for long is erased.
    updated_at = models.DateTimeField(_("zuletzt bearbeitet"), default=timezone.now)
    closed_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)
    topic = models.CharField(_("Anliegen"), max_length=20, choices=Topic.choices)
    language = models.ForeignKey(
        Language,
        on_delete=models.PROTECT,
        related_name="counselling_requests",
        verbose_name=_("Gewünschte Sprache"),
    )
    channel = models.CharField(_("Kontaktweg"), max_length=10, choices=Channel.choices)
    contact_detail = EncryptedCharField(
        _("Telefonnummer oder E-Mail-Adresse"), max_length=254, blank=True
    )
    name = EncryptedCharField(_("Name oder Pseudonym"), max_length=100, blank=True)
    preferred_days = models.JSONField(_("Gewünschte Tage"), default=list, blank=True)
    preferred_time = models.CharField(
        _("Gewünschte Tageszeit"), max_length=10, choices=TimeOfDay.choices, default=TimeOfDay.ANY
    )
    authority = EncryptedCharField(_("Behörde"), max_length=200, blank=True)
    appointment = EncryptedCharField(_("Termin bei der Behörde"), max_length=100, blank=True)
    message = EncryptedTextField(_("Nachricht"), blank=True)
    message_consent_at = models.DateTimeField(
        _("Einwilligung zur Nachricht am"), null=True, blank=True
    )
    message_consent_text = models.TextField(_("Text der Einwilligung"), blank=True)
    confirmation_requested = models.BooleanField(_("Bestätigung per E-Mail gewünscht"))
    page_language = models.CharField(_("Sprache der Seite"), max_length=10)
    submission_key = models.UUIDField(unique=True, null=True, editable=False)

    objects = CounsellingRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Beratungsanfrage")
        verbose_name_plural = _("Beratungsanfragen")
        # The daily erasure looks for old closed and old untouched requests.
        indexes = [
            models.Index(fields=["status", "closed_at"]),
            models.Index(fields=["updated_at"]),
        ]

    def __str__(self):
        # Also what the admin's history keeps: never anything she wrote.
        return self.reference

    # No get_absolute_url: the admin's "view on site" shortcut has nothing to say about
    # a request, not even whether its number exists.

    @property
    def preferred_day_labels(self) -> list[str]:
        return [Weekday(day).label for day in self.preferred_days]


class Note(models.Model):
    request = models.ForeignKey(
        CounsellingRequest,
        on_delete=models.CASCADE,
        related_name="notes",
        verbose_name=_("Anfrage"),
    )
    text = EncryptedTextField(_("Notiz"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        verbose_name=_("von"),
    )
    created_at = models.DateTimeField(_("Datum"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("Interne Notiz")
        verbose_name_plural = _("Interne Notizen")

    def __str__(self):
        # The admin's history names added notes by this: never by their text.
        return _("Notiz vom %(date)s") % {
            "date": timezone.localtime(self.created_at).strftime("%d.%m.%Y %H:%M")
        }


class AccessAction(models.TextChoices):
    OPENED = "opened", _("geöffnet")
    ERASED = "erased", _("gelöscht auf Wunsch")
    EXPIRED = "expired", _("automatisch gelöscht")
    # Someone outside the team asked for a request's page and was turned away.
    REFUSED = "refused", _("verweigert")


class AccessLog(models.Model):
    """Who opened or erased which request when; written by the portal, edited by nobody.

    It names the request by its reference, so it outlives the erased request without
    keeping anything she wrote.
    """

    at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        verbose_name=_("Benutzerkonto"),
    )
    # Kept when the account is deleted.
    username = models.CharField(_("Benutzername"), max_length=150, editable=False)
    reference = models.CharField(_("Anfrage"), max_length=8, editable=False)
    action = models.CharField(
        _("Vorgang"), max_length=10, choices=AccessAction.choices, editable=False
    )

    class Meta:
        ordering = ["-at"]
        verbose_name = _("Zugriffsprotokoll")
        verbose_name_plural = _("Zugriffsprotokoll")

    def __str__(self):
        return f"{self.reference} {self.get_action_display()} ({self.username or '–'})"


class MembershipChange(models.TextChoices):
    ADDED = "added", _("aufgenommen")
    REMOVED = "removed", _("entfernt")


class MembershipLog(models.Model):
    """Who changed whose membership of "Beratung" or "Datenschutz" when; written by the
    portal for every change (admin, shell or migration), edited by nobody.

    Names are kept as text, so the entry outlives deleted accounts.
    """

    at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("geändert von"),
    )
    # Empty when no person acted (a shell or a migration): the system.
    actor_name = models.CharField(_("geändert von"), max_length=150, blank=True, editable=False)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("Benutzerkonto"),
    )
    member_name = models.CharField(_("Benutzerkonto"), max_length=150, editable=False)
    group = models.CharField(_("Gruppe"), max_length=150, editable=False)
    change = models.CharField(
        _("Änderung"), max_length=10, choices=MembershipChange.choices, editable=False
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("Änderung einer Mitgliedschaft")
        verbose_name_plural = _("Protokoll der Mitgliedschaften")

    def __str__(self):
        return f"{self.group}: {self.member_name} {self.get_change_display()}"


class MonthlyCount(models.Model):
    """The anonymous statistic for the annual report: requests per month, topic, language
    and channel. Counted when a request arrives; erasing the request leaves it."""

    month = models.DateField(_("Monat"))
    topic = models.CharField(_("Anliegen"), max_length=20, choices=Topic.choices)
    language = models.ForeignKey(
        Language,
        on_delete=models.PROTECT,
        related_name="counselling_counts",
        verbose_name=_("Sprache"),
    )
    channel = models.CharField(_("Kontaktweg"), max_length=10, choices=Channel.choices)
    count = models.PositiveIntegerField(_("Anzahl"), default=0)

    class Meta:
        ordering = ["-month", "topic", "language", "channel"]
        verbose_name = _("Statistik")
        verbose_name_plural = _("Statistik")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "topic", "language", "channel"], name="one_count_per_kind"
            ),
        ]

    def __str__(self):
        # The code, so the string costs no query for the language.
        return f"{self.month:%Y-%m} {self.topic} {self.language_id} {self.channel}: {self.count}"


class Counsellor(models.Model):
    """A contact person of the centre who counsels women and girls, shown on the pages."""

    contact_person = models.OneToOneField(
        ContactPerson,
        on_delete=models.CASCADE,
        related_name="counsellor",
        verbose_name=_("Ansprechperson"),
    )
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Beraterin")
        verbose_name_plural = _("Beraterinnen")

    def __str__(self):
        return str(self.contact_person)
