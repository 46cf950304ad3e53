"""Reports of barriers on the site, due within two weeks and deleted a year after the answer;
the contact data of one never answered is erased BARRIER_UNANSWERED_KEEP_DAYS after it came in."""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Staff answer a barrier report within two weeks (BITV NRW allows six at most).
ANSWER_PERIOD = datetime.timedelta(days=14)
# A path on this site: one slash, no whitespace or backslash ("//host" would be another site).
SITE_PATH = re.compile(r"^/(?!/)[^\s\\]*$")
validate_web_address = URLValidator(schemes=["http", "https"])


def validate_page_address(value: str) -> None:
    """A page on this site ("/kontakt/", "/de/kontakt/") or anywhere on the web over http(s)."""
    if SITE_PATH.match(value):
        return
    try:
        validate_web_address(value)
    except ValidationError:
        raise ValidationError(
            _("Bitte geben Sie die Adresse der Seite an, z. B. „https://…“ oder „/kontakt/“."),
            code="page_address",
        ) from None


# Reports are deleted this long after the answer, as the privacy notice at the form says.
FEEDBACK_RETENTION = datetime.timedelta(days=365)


class BarrierFeedbackQuerySet(models.QuerySet):
    def answered(self):
        return self.filter(answered_on__isnull=False)

    def expired(self, today: datetime.date | None = None):
        """Reports answered more than twelve months ago."""
        return self.filter(answered_on__lt=(today or timezone.localdate()) - FEEDBACK_RETENTION)

    def unanswered(self):
        return self.filter(answered_on__isnull=True)

    def contact_kept_too_long(self, now: datetime.datetime | None = None):
        """Unanswered reports that still hold a name or an e-mail address
        BARRIER_UNANSWERED_KEEP_DAYS after they came in."""
        kept = datetime.timedelta(days=settings.BARRIER_UNANSWERED_KEEP_DAYS)
        return (
            self.unanswered()
            .filter(created_at__lt=(now or timezone.now()) - kept)
            .exclude(name="", email="")
        )

    def overdue(self, today: datetime.date | None = None):
        """Unanswered after the due date; "today" in the centre's time zone unless given."""
        return self.unanswered().filter(due_on__lt=today or timezone.localdate())


class BarrierFeedback(models.Model):
    """A barrier someone met on the site, reported through the form; staff answer it in time."""

    page_url = models.CharField(
        _("Seite"),
        max_length=500,
        blank=True,
        validators=[validate_page_address],
        help_text=_("Die Adresse der Seite, auf der die Barriere aufgetreten ist."),
    )
    description = models.TextField(_("Beschreibung"), max_length=5000)
    name = models.CharField(pgettext_lazy("person", "Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    created_at = models.DateTimeField(_("eingegangen am"), default=timezone.now, editable=False)
    # Blank until save() fills it in from created_at, so validation before saving passes.
    due_on = models.DateField(_("zu beantworten bis"), blank=True, editable=False)
    answered_on = models.DateField(
        _("beantwortet am"),
        null=True,
        blank=True,
        help_text=_("Tragen Sie das Datum ein, an dem Sie geantwortet haben."),
    )
    staff_note = models.TextField(
        _("interne Notiz"),
        blank=True,
        help_text=_("Was geprüft und geändert wurde. Nur für Mitarbeitende sichtbar."),
    )
    # The form's hidden key: a report sent twice is stored once (portal.idempotency).
    submission_key = models.UUIDField(null=True, unique=True, editable=False)

    objects = BarrierFeedbackQuerySet.as_manager()

    class Meta:
        # Unanswered first, the most urgent on top; then the latest answers.
        ordering = [models.F("answered_on").desc(nulls_first=True), "due_on"]
        verbose_name = _("Rückmeldung zur Barrierefreiheit")
        verbose_name_plural = _("Rückmeldungen zur Barrierefreiheit")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(description=""),
                name="barrierfeedback_has_description",
                violation_error_message=_("Bitte beschreiben Sie die Barriere."),
            )
        ]

    def __str__(self):
        received = date_format(self.received_on, "SHORT_DATE_FORMAT")
        return _("Rückmeldung vom %(date)s") % {"date": received}

    def save(self, *args, **kwargs):
        if self.due_on is None:
            self.due_on = self.received_on + ANSWER_PERIOD
        super().save(*args, **kwargs)

    def clean(self):
        if self.answered_on and self.answered_on < self.received_on:
            raise ValidationError(
                {"answered_on": _("Die Antwort kann nicht vor dem Eingang liegen.")},
                code="answered_before_received",
            )

    @property
    def received_on(self) -> datetime.date:
        """The day it came in, in the centre's time zone."""
        return timezone.localdate(self.created_at, timezone.get_default_timezone())

    @property
    def is_overdue(self) -> bool:
        """Unanswered after the due date (today in the centre's time zone)."""
        return self.answered_on is None and self.due_on < timezone.localdate()
