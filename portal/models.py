"""The outbox: every mail the portal sends, from its rendering until it has left."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.encryption import EncryptedCharField, EncryptedTextField

# How long to wait after the first, second, … failed attempt: 1, 4, 16, 64 and 256 minutes,
# so a mail server that is down for about four hours loses nothing. A mail whose last
# attempt fails too has failed and waits for staff.
RETRY_DELAYS = [datetime.timedelta(minutes=4**number) for number in range(5)]
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# What the admin shows of an error; a mail server's answer is short.
ERROR_LENGTH = 500


class MailStatus(models.TextChoices):
    WAITING = "waiting", _("wartet")
    SENT = "sent", _("gesendet")
    FAILED = "failed", _("fehlgeschlagen")


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, moment: datetime.datetime | None = None):
        """Waiting mails whose next attempt is now (or `moment`)."""
        return self.filter(status=MailStatus.WAITING, next_attempt_at__lte=moment or timezone.now())

    def expired(self, moment: datetime.datetime | None = None):
        """Sent or failed mails whose last attempt is longer ago than MAIL_KEEP_DAYS."""
        cutoff = (moment or timezone.now()) - datetime.timedelta(days=settings.MAIL_KEEP_DAYS)
        return self.exclude(status=MailStatus.WAITING).filter(last_attempt_at__lt=cutoff)


class OutgoingMail(models.Model):
    """One rendered mail to one recipient.

    Stored in the transaction of what it tells about, so a mail exists exactly when its
    record does; sent by the task `portal.tasks.deliver_mail` after the commit. Address,
    subject and text are encrypted like counselling data, because a confirmation to a
    woman who asked for counselling is itself sensitive.
    """

    recipient = EncryptedCharField(_("Empfänger"), max_length=254)
    subject = EncryptedCharField(_("Betreff"), max_length=255)
    body = EncryptedTextField(_("Text"))
    confidential = models.BooleanField(
        _("vertraulich"),
        default=False,
        help_text=_(
            "Empfänger, Betreff und Text werden in der Verwaltung nicht angezeigt, etwa bei "
            "einer Bestätigung an eine Ratsuchende der Beratung."
        ),
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=MailStatus.choices, default=MailStatus.WAITING
    )
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    created_at = models.DateTimeField(_("angelegt am"), default=timezone.now)
    last_attempt_at = models.DateTimeField(_("letzter Versuch"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("nächster Versuch"), default=timezone.now)
    last_error = models.CharField(
        _("letzter Fehler"),
        max_length=ERROR_LENGTH,
        blank=True,
        help_text=_("Die Antwort des Mailservers, ohne die Adresse des Empfängers."),
    )

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("ausgehende E-Mail")
        verbose_name_plural = _("ausgehende E-Mails")
        ordering = ["-created_at"]
        indexes = [
            # `due()` and the health check's oldest waiting mail.
            models.Index(fields=["status", "next_attempt_at"], name="portal_mail_due_idx"),
        ]

    def __str__(self):
        # Names no person: the admin's change history keeps this text.
        return str(_("E-Mail Nr. %(number)s") % {"number": self.pk})

    def deliver(self) -> None:
        """Hands the mail to the mail server once and records the outcome.

        A refusal is recorded, never raised: the mail waits for its next attempt, or has
        failed after MAX_ATTEMPTS. Saves the mail (one query).
        """
        now = timezone.now()
        self.attempts += 1
        self.last_attempt_at = now
        try:
            send_mail(
                subject=self.subject,
                message=self.body,
                from_email=None,
                recipient_list=[self.recipient],
            )
        # Whatever the mail server or the connection to it raises waits for a retry.
        except Exception as error:
            self.last_error = self._describe(error)
            if self.attempts < MAX_ATTEMPTS:
                self.next_attempt_at = now + RETRY_DELAYS[self.attempts - 1]
            else:
                self.status = MailStatus.FAILED
        else:
            self.status = MailStatus.SENT
            self.last_error = ""
            if self.confidential:
                # Nobody may read it in the admin, so nothing of it is kept once it left.
                self.recipient = self.subject = self.body = ""
        self.save()

    def _describe(self, error: Exception) -> str:
        """The error's kind and message, with the recipient's address taken out."""
        text = f"{type(error).__name__}: {error}"
        if self.recipient:
            text = text.replace(self.recipient, "…")
        return text[:ERROR_LENGTH]

    def requeue(self) -> None:
        """Makes a failed mail wait again, with every attempt and back-off ahead of it."""
        self.status = MailStatus.WAITING
        self.attempts = 0
        self.next_attempt_at = timezone.now()
        self.save(update_fields=["status", "attempts", "next_attempt_at"])
