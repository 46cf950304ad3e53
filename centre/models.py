from django.core.cache import cache
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

PROFILE_CACHE_KEY = "centre:profile:v1"
# Saving clears the cache of the process that saved; with the per-process default
# cache, other processes see the change after this many seconds at the latest.
PROFILE_CACHE_SECONDS = 600


class CentreProfile(TranslatableModel):
    """The centre this deployment serves: one record, shown in the header and footer."""

    translations = TranslatedFields(
        name=models.CharField(_("Name"), max_length=200),
        mission=models.TextField(
            _("Auftrag in einem Satz"),
            blank=True,
            help_text=_("Erscheint auf der Startseite unter dem Namen des Zentrums."),
        ),
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    building = models.CharField(_("Gebäude"), max_length=200, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)

    class Meta:
        verbose_name = _("Profil des Zentrums")
        verbose_name_plural = _("Profil des Zentrums")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or str(_("Zentrum"))

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(PROFILE_CACHE_KEY)

    @classmethod
    def load(cls):
        """The profile with all its translations, cached: pages add no query for it once warm.

        Each call returns its own copy, switched to the active language.
        """
        profile = cache.get(PROFILE_CACHE_KEY)
        if profile is None:
            profile = cls.objects.prefetch_related("translations").first()
            cache.set(PROFILE_CACHE_KEY, profile or False, timeout=PROFILE_CACHE_SECONDS)
        if not profile:
            return None
        profile.set_current_language(get_language())
        return profile
