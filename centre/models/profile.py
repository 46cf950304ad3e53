"""The centre itself: its name, body, channels and who answers for it."""

from django.core.cache import cache
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from centre.validators import sanitised_logo, validate_logo
from languages.models import Language
from portal.translations import TranslatableModel, TranslatedFields

# v4: the cached profile carries its prefetched languages.
PROFILE_CACHE_KEY = "centre:profile:v4"
# Saving clears the cached entry. With Redis (KI_REDIS_URL) every process sees the change
# at once; with the local-memory default only the process that saved does, the others
# after this many seconds at the latest.
PROFILE_CACHE_SECONDS = 600


class BodyKind(models.TextChoices):
    CITY = "city", _("kreisfreie Stadt")
    TOWN = "town", _("kreisangehörige Stadt")
    DISTRICT = "district", _("Kreis")


class CentreProfile(TranslatableModel):
    """The centre this deployment serves: one record, shown in the header and footer."""

    translations = TranslatedFields(
        name=models.CharField(
            _("Name"),
            max_length=200,
            help_text=_(
                "Der vollständige Name, z. B. „Kommunales Integrationszentrum Oberhausen“. Er "
                "steht oben auf jeder Seite."
            ),
        ),
        mission=models.TextField(
            _("Auftrag in einem Satz"),
            blank=True,
            help_text=_("Erscheint auf der Startseite unter dem Namen des Zentrums."),
        ),
        legal_representative=models.CharField(
            _("Gesetzlich vertreten durch"),
            max_length=200,
            blank=True,
            help_text=_("Für das Impressum, z. B. „den Oberbürgermeister der Stadt Oberhausen“."),
        ),
        editorial_responsible=models.TextField(
            _("Verantwortlich für den Inhalt"),
            blank=True,
            help_text=_(
                "Für das Impressum: Funktion und Anschrift der Person, die für die redaktionellen "
                "Inhalte verantwortlich ist."
            ),
        ),
        data_protection_officer=models.TextField(
            _("Datenschutzbeauftragte Stelle"),
            blank=True,
            help_text=_("Für die Datenschutzerklärung: Funktion, Anschrift und E-Mail."),
        ),
    )
    body_kind = models.CharField(
        _("Art der Körperschaft"),
        max_length=20,
        choices=BodyKind.choices,
        blank=True,
        help_text=_("Die Art der Stadt oder des Kreises, zu dem das Zentrum gehört."),
    )
    parent_organization = models.CharField(
        _("Träger"),
        max_length=200,
        blank=True,
        help_text=_(
            "Die Stadt oder der Kreis, zu dem das Zentrum gehört, z. B. „Stadt Oberhausen“."
        ),
    )
    languages = models.ManyToManyField(
        Language,
        blank=True,
        related_name="centre_profiles",
        verbose_name=_("Sprachen der Beratung"),
        help_text=_(
            "Die Sprachen, in denen das Zentrum berät. Tippen Sie den Namen der Sprache und "
            "wählen Sie aus der Liste."
        ),
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    building = models.CharField(
        _("Gebäude"),
        max_length=200,
        blank=True,
        help_text=_("Nur wenn es hilft, den Eingang zu finden, z. B. „Rathaus, 2. Etage“."),
    )
    postal_code = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    phone = models.CharField(
        _("Telefon"),
        max_length=50,
        blank=True,
        help_text=_("Mit Vorwahl, z. B. „0208 825-0“. Erscheint auf jeder Seite unten."),
    )
    fax = models.CharField(
        _("Fax"),
        max_length=50,
        blank=True,
        help_text=_("Nur, wenn das Zentrum noch Faxe empfängt."),
    )
    email = models.EmailField(
        _("E-Mail"),
        blank=True,
        help_text=_("Die allgemeine Adresse des Zentrums. Erscheint auf jeder Seite unten."),
    )
    website = models.URLField(
        _("Website des Trägers"), blank=True, help_text=_("Zum Beispiel https://www.oberhausen.de")
    )
    logo = models.FileField(
        _("Logo"),
        upload_to="centre/",
        blank=True,
        validators=[validate_logo],
        help_text=_("Erscheint in der Kopfzeile jeder Seite."),
    )

    class Meta:
        verbose_name = _("Profil des Zentrums")
        verbose_name_plural = _("Profil des Zentrums")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or str(_("Zentrum"))

    def save(self, *args, **kwargs):
        if self.logo and not self.logo._committed:
            # A new upload: only its re-encoded pixels are stored, under a generated name.
            self.logo = sanitised_logo(self.logo)
        super().save(*args, **kwargs)
        cache.delete(PROFILE_CACHE_KEY)

    @classmethod
    def load(cls):
        """The profile with all its translations and languages, cached: pages add no query
        for it once warm.

        Each call returns its own copy, switched to the active language. Changing only the
        languages saves no profile; the admin clears the cache for them.
        """
        profile = cache.get(PROFILE_CACHE_KEY)
        if profile is None:
            profile = cls.objects.prefetch_related("translations", "languages").first()
            cache.set(PROFILE_CACHE_KEY, profile or False, timeout=PROFILE_CACHE_SECONDS)
        if not profile:
            return None
        profile.set_current_language(get_language())
        return profile
