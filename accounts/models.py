from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import F
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff member of the centre. Citizens and organisations have no accounts."""

    session_generation = models.PositiveIntegerField(
        _("Sitzungsgeneration"),
        default=0,
        editable=False,
        help_text=_("Wird bei jeder Abmeldung erhöht; das beendet alle Sitzungen des Kontos."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("Benutzer*in")
        verbose_name_plural = _("Benutzer*innen")
        swappable = "AUTH_USER_MODEL"

    def end_all_sessions(self):
        """Every session of this user, in every browser, ends at its next request.

        One UPDATE; the object in hand keeps its old counter.
        """
        User.objects.filter(pk=self.pk).update(session_generation=F("session_generation") + 1)

    def _get_session_auth_hash(self, secret=None):
        # A session stays valid only while this hash matches the one stored at login.
        # Django keys it to the password hash (a new password ends every session); the
        # counter does the same at logout. Django's get_session_auth_hash() and its
        # SECRET_KEY_FALLBACKS variant both go through this method.
        return salted_hmac(
            "accounts.User.get_session_auth_hash",
            f"{self.password}\n{self.session_generation}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()
