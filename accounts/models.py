from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff member of the centre. Citizens and organisations have no accounts."""

    class Meta(AbstractUser.Meta):
        verbose_name = _("Benutzer*in")
        verbose_name_plural = _("Benutzer*innen")
        swappable = "AUTH_USER_MODEL"
