"""The networks, committees, city cooperations and state initiatives the centre belongs to."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from fields.models import DownloadableDocument, FieldOfWork
from organisations.models import Organisation
from portal.images import PlainImageMixin
from portal.publishing import Publishable, PublishableQuerySet
from portal.translations import TranslatableModel, TranslatedFields


class Level(models.TextChoices):
    LOCAL = "local", _("Lokal")
    REGIONAL = "regional", _("Regional")
    STATE = "state", _("Land")
    FEDERAL = "federal", _("Bund")


class Kind(models.TextChoices):
    STEERING_GROUP = "steering_group", _("Steuerungsgruppe")
    WORKING_GROUP = "working_group", _("Arbeitsgruppe oder Arbeitskreis")
    PROJECT = "project", _("Projekt")
    INITIATIVE = "initiative", _("Initiative")
    CITY_COOPERATION = "city_cooperation", _("Städtekooperation")
    STATE_INITIATIVE = "state_initiative", _("Landesinitiative")
    CENTRE_ASSOCIATION = "centre_association", _("Verbund der Integrationszentren")


class Role(models.TextChoices):
    MEMBER = "member", _("Mitglied")
    LEAD = "lead", _("Leitung")
    COORDINATION = "coordination", _("Koordination")
    PARTNER = "partner", _("Partner")


class PartnerKind(models.TextChoices):
    CITY = "city", _("Stadt oder Kreis")
    AUTHORITY = "authority", _("Behörde oder Ministerium")
    WELFARE = "welfare", _("Wohlfahrtsverband")
    MIGRANT_ORGANISATION = "migrant_organisation", _("Migrantenorganisation")
    EDUCATION = "education", _("Bildungseinrichtung")
    OTHER = "other", _("Andere")


class Theme(TranslatableModel):
    """A subject a network works on, e.g. "demographic change and migration"."""

    translations = TranslatedFields(name=models.CharField(_("Name"), max_length=300))
    order = models.PositiveIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or ""


class Partner(PlainImageMixin, models.Model):
    """A city, authority, welfare organisation or migrant organisation in a network.

    Names are proper names and stay as they are in every language.
    """

    name = models.CharField(
        _("Name"),
        max_length=200,
        unique=True,
        help_text=_("Zum Beispiel „Caritasverband Oberhausen“."),
    )
    kind = models.CharField(
        _("Art"),
        max_length=30,
        choices=PartnerKind.choices,
        help_text=_("Welche Art von Einrichtung der Partner ist."),
    )
    website = models.URLField(_("Website"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_partners",
        verbose_name=_("Eintrag im Verzeichnis der Migrantenorganisationen"),
        help_text=_("Dann verlinkt die Netzwerkseite den Eintrag, solange er veröffentlicht ist."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Partner")
        verbose_name_plural = pgettext_lazy("plural", "Partner")

    def __str__(self):
        return self.name


class NetworkQuerySet(PublishableQuerySet):
    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today))

    def former(self, today=None):
        today = today or timezone.localdate()
        return self.filter(ended_on__lte=today)


class Network(Publishable, TranslatableModel):
    translations = TranslatedFields(
        name=models.CharField(
            _("Name"),
            max_length=200,
            help_text=_(
                "Der Name, unter dem das Netzwerk bekannt ist, z. B. „Arbeitskreis Flüchtlinge“."
            ),
        ),
        description=models.TextField(
            _("Was das Netzwerk tut"), help_text=_("Zwei bis vier Sätze in einfacher Sprache.")
        ),
        centre_role=models.CharField(
            _("Was das Integrationszentrum dort tut"),
            max_length=500,
            blank=True,
            help_text=_("Zum Beispiel „bringt die interkulturelle Sicht ein“."),
        ),
    )
    slug = models.SlugField(
        _("Kurzname in der Adresse"),
        max_length=100,
        unique=True,
        help_text=_(
            "Der Teil der Internetadresse der Seite. Bleibt das Feld leer, wird er aus dem "
            "Namen gebildet. Nach dem Veröffentlichen nicht mehr ändern, sonst funktionieren "
            "Links nicht mehr."
        ),
    )
    level = models.CharField(
        _("Ebene"),
        max_length=20,
        choices=Level.choices,
        help_text=_(
            "Ob das Netzwerk vor Ort, in der Region, im Land oder im Bund arbeitet. Die "
            "Übersicht ist danach gegliedert."
        ),
    )
    kind = models.CharField(
        _("Art"),
        max_length=30,
        choices=Kind.choices,
        help_text=_("Was für ein Zusammenschluss das ist."),
    )
    role = models.CharField(
        _("Rolle des Zentrums"),
        max_length=20,
        choices=Role.choices,
        default=Role.MEMBER,
        help_text=_("Welche Aufgabe das Zentrum im Netzwerk hat."),
    )
    since = models.DateField(
        _("dabei seit"),
        null=True,
        blank=True,
        help_text=_("Leer lassen, wenn Sie es nicht wissen."),
    )
    ended_on = models.DateField(
        _("beendet am"),
        null=True,
        blank=True,
        help_text=_("Eine beendete Mitgliedschaft erscheint unter „Frühere Mitgliedschaften“."),
    )
    website = models.URLField(_("Website des Netzwerks"), blank=True)
    themes = models.ManyToManyField(
        Theme,
        blank=True,
        related_name="networks",
        verbose_name=_("Themen"),
        help_text=_("Die Themen, unter denen man das Netzwerk findet."),
    )
    fields_of_work = models.ManyToManyField(
        FieldOfWork,
        blank=True,
        related_name="networks",
        verbose_name=_("Handlungsfelder"),
        help_text=_("Auf den Seiten dieser Handlungsfelder erscheint das Netzwerk."),
    )
    order = models.PositiveIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )

    objects = NetworkQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["order", "pk"]
        verbose_name = _("Netzwerk")
        verbose_name_plural = _("Netzwerke")
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(since__isnull=True)
                | Q(ended_on__gte=F("since")),
                name="network_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("networks:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        today = timezone.localdate()
        if self.since and self.since > today:
            raise ValidationError(
                {
                    "since": _(
                        "Dieses Datum liegt in der Zukunft. Tragen Sie ein, seit wann das "
                        "Zentrum schon dabei ist."
                    )
                }
            )
        if self.since and self.ended_on and self.ended_on < self.since:
            raise ValidationError({"ended_on": _("Das Ende kann nicht vor dem Beginn liegen.")})

    @property
    def has_ended(self) -> bool:
        """Ended on or before today; an end date still ahead leaves the membership current."""
        return self.ended_on is not None and self.ended_on <= timezone.localdate()

    @property
    def is_city_cooperation(self) -> bool:
        return self.kind == Kind.CITY_COOPERATION


class Membership(models.Model):
    """A partner in a network; each partner is listed once per network."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("Netzwerk")
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("Partner")
    )
    order = models.PositiveIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )

    class Meta:
        ordering = ["order", "partner__name"]
        verbose_name = _("Partner im Netzwerk")
        verbose_name_plural = pgettext_lazy("plural", "Partner im Netzwerk")
        constraints = [
            models.UniqueConstraint(fields=["network", "partner"], name="partner_once_per_network")
        ]

    def __str__(self):
        return str(self.partner)


class NetworkDocument(DownloadableDocument):
    """An agreement, contract or paper of a network, e.g. a partnership agreement."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="documents", verbose_name=_("Netzwerk")
    )

    class Meta(DownloadableDocument.Meta):
        pass

    def get_absolute_url(self):
        return reverse("networks:document", kwargs={"slug": self.network.slug, "pk": self.pk})
