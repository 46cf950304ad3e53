import datetime
import re
import secrets
import unicodedata

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core import signing
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import connections, models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from parler.managers import TranslatableQuerySet

from languages.models import Language
from portal.querysets import ContentQuerySet
from portal.slugs import free_slug, german_slugify
from portal.translations import TranslatableModel, TranslatedFields

# A registration whose e-mail address is not confirmed within this time is deleted.
CONFIRMATION_VALID = datetime.timedelta(hours=72)
UNCONFIRMED_KEPT = datetime.timedelta(days=7)
# The link in every mail to the representative (changes, topics, withdrawal).
MANAGE_LINK_VALID = datetime.timedelta(days=60)
# A new link is mailed to an entry at most this often, however often it is asked for.
NEW_LINK_INTERVAL = datetime.timedelta(minutes=15)
# Once a year the representative is asked to confirm the entry; 13 months after the last
# confirmation it leaves the public directory.
RECONFIRM_AFTER = datetime.timedelta(days=365)
HIDDEN_AFTER = datetime.timedelta(days=395)


def hidden_kept() -> datetime.timedelta:
    """How long a hidden entry is kept before it is deleted (KI_ORGANISATION_HIDDEN_KEEP_DAYS)."""
    return datetime.timedelta(days=settings.ORGANISATION_HIDDEN_KEEP_DAYS)


# Vereinsregister, Handelsregister A/B, Genossenschafts- and Partnerschaftsregister,
# e.g. "VR 1234", "HRB 56789 B".
REGISTER_NUMBER = re.compile(r"^(VR|HRA|HRB|GNR|PR)\s?(\d{1,6})(?:\s?([A-Z]{1,2}))?$")
# Legal-form words that make "Kulturverein Musterstadt e. V." and "Kulturverein
# Musterstadt" the same organisation for the duplicate check.
LEGAL_FORM_WORDS = re.compile(r"\b(e\s?v|ggmbh|gmbh|ug|eg)\b")


def name_key(name: str) -> str:
    """The name reduced for comparison: no case, accents, punctuation or legal form."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("ß", "ss"))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    letters = re.sub(r"[^\w\s]", " ", letters)
    letters = LEGAL_FORM_WORDS.sub(" ", re.sub(r"\be\s+v\b", "ev", letters))
    return " ".join(letters.split())


# Descriptions are written in many languages, so no language's stemming applies: the
# `simple` configuration only lowercases, and prefix matching finds inflected forms.
SEARCH_CONFIG = "simple"
MAX_SEARCH_WORDS = 10


def search_vector() -> SearchVector:
    """Name (weight A) and description (weight B) as one tsvector, for PostgreSQL.

    The GIN index `organisation_search` (migration 0003) is built on exactly this
    expression; change both together, or searches fall back to reading every row.
    """
    return SearchVector("name", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "description", weight="B", config=SEARCH_CONFIG
    )


def search_words(text: str) -> list[str]:
    """The words of a search: runs of letters, digits and combining marks, at most ten.

    Everything else separates words, so no character can reach a tsquery as an operator.
    """
    kept = "".join(
        char if char.isalnum() or unicodedata.category(char).startswith("M") else " "
        for char in text
    )
    return kept.split()[:MAX_SEARCH_WORDS]


def register_key(number: str) -> str:
    """ "VR 1234" and "vr1234" are the same register entry."""
    return re.sub(r"\s", "", number).upper()


class NamedListEntry(TranslatableModel):
    """An entry of a list staff maintain; the public pages show its name."""

    slug = models.SlugField(
        _("Kurzname"),
        max_length=100,
        unique=True,
        help_text=_(
            "Dient der Auswahl im Verzeichnis. Bleibt das Feld leer, wird er aus dem Namen "
            "gebildet."
        ),
    )
    order = models.PositiveIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )

    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class Activity(NamedListEntry):
    translations = TranslatedFields(name=models.CharField(_("Name"), max_length=100))

    class Meta(NamedListEntry.Meta):
        verbose_name = _("Tätigkeitsfeld")
        verbose_name_plural = _("Tätigkeitsfelder")


class Audience(NamedListEntry):
    translations = TranslatedFields(name=models.CharField(_("Name"), max_length=100))

    class Meta(NamedListEntry.Meta):
        verbose_name = _("Zielgruppe einer Organisation")
        verbose_name_plural = _("Zielgruppen der Organisationen")


class QualificationTopic(NamedListEntry):
    """A topic for the qualification programme, as the network meetings chose them."""

    translations = TranslatedFields(name=models.CharField(_("Name"), max_length=150))

    class Meta(NamedListEntry.Meta):
        verbose_name = _("Qualifizierungsthema")
        verbose_name_plural = _("Qualifizierungsthemen")


class SupportOffer(TranslatableModel):
    """What the centre offers migrant organisations; shown on the landing page."""

    translations = TranslatedFields(
        title=models.CharField(_("Titel"), max_length=200),
        description=models.TextField(_("Beschreibung"), max_length=1000, blank=True),
    )
    order = models.PositiveIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Unterstützungsangebot")
        verbose_name_plural = _("Unterstützungsangebote")

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.pk)


class District(models.Model):
    """A district of the centre's city or county, for the directory's filter."""

    name = models.CharField(
        _("Name"),
        max_length=100,
        unique=True,
        help_text=_(
            "Zum Beispiel „Sterkrade“. So erscheint der Stadtteil im Filter des Verzeichnisses."
        ),
    )
    order = models.PositiveIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("Stadtteil oder Ort")
        verbose_name_plural = _("Stadtteile und Orte")

    def __str__(self):
        return self.name


class NetworkMeetingQuerySet(TranslatableQuerySet):
    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now()).order_by("starts_at")


class NetworkMeeting(TranslatableModel):
    """A meeting of all migrant organisations, where they choose the qualification topics."""

    translations = TranslatedFields(
        agenda=models.TextField(
            _("Tagesordnung"), max_length=2000, help_text=_("Ein Punkt pro Zeile.")
        ),
    )
    starts_at = models.DateTimeField(_("Beginn"), help_text=_("Tag und Uhrzeit des Treffens."))
    place = models.CharField(
        _("Ort"), max_length=200, help_text=_("Zum Beispiel „Haus der Vielfalt, Saal 2“.")
    )

    objects = NetworkMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("Netzwerktreffen")
        verbose_name_plural = pgettext_lazy("plural", "Netzwerktreffen")

    def __str__(self):
        return f"{timezone.localtime(self.starts_at):%d.%m.%Y %H:%M}, {self.place}"

    def agenda_items(self) -> list[str]:
        agenda = self.safe_translation_getter("agenda", any_language=True) or ""
        return [line.strip() for line in agenda.splitlines() if line.strip()]


class LegalForm(models.TextChoices):
    REGISTERED_ASSOCIATION = "ev", _("eingetragener Verein (e. V.)")
    GGMBH = "ggmbh", _("gemeinnützige GmbH (gGmbH)")
    NOT_REGISTERED = "none", _("nicht eingetragen")
    OTHER = "other", _("andere Rechtsform")


class Status(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("E-Mail-Adresse nicht bestätigt")
    PENDING = "pending", _("zu prüfen")
    APPROVED = "approved", _("freigegeben")
    REJECTED = "rejected", _("abgelehnt")
    WITHDRAWN = "withdrawn", _("zurückgezogen")


class OrganisationQuerySet(models.QuerySet):
    def entries(self):
        """Organisations themselves, without the change requests waiting for review."""
        return self.filter(revision_of__isnull=True)

    def published(self, now=None):
        """Approved entries confirmed by their representative within the last 13 months."""
        now = now or timezone.now()
        return self.entries().filter(
            status=Status.APPROVED, last_confirmed_at__gte=now - HIDDEN_AFTER
        )

    def hidden(self, now=None):
        """Approved entries left out of the directory: not confirmed for 13 months."""
        now = now or timezone.now()
        return (
            self.entries()
            .filter(status=Status.APPROVED)
            .exclude(last_confirmed_at__gte=now - HIDDEN_AFTER)
        )

    def hidden_too_long(self, now=None):
        """Entries hidden for longer than KI_ORGANISATION_HIDDEN_KEEP_DAYS: to be deleted."""
        now = now or timezone.now()
        return (
            self.entries()
            .filter(status=Status.APPROVED)
            .filter(last_confirmed_at__lt=now - HIDDEN_AFTER - hidden_kept())
        )

    def search(self, text: str):
        """Entries whose name or description has every word of `text`, best match first.

        PostgreSQL: full-text search over `search_vector()` with each word as a prefix,
        ranked (name before description). SQLite: each word anywhere in the name or the
        description, case-insensitive for ASCII letters only, entries whose name has
        every word first.
        """
        words = search_words(text)
        if not words:
            return self
        if connections[self.db].vendor == "postgresql":
            query = SearchQuery(
                " & ".join(f"'{word}':*" for word in words),
                search_type="raw",
                config=SEARCH_CONFIG,
            )
            return (
                self.annotate(search=search_vector(), rank=SearchRank(search_vector(), query))
                .filter(search=query)
                .order_by("-rank", "name_key", "pk")
            )
        in_name = models.Q()
        matches = models.Q()
        for word in words:
            in_name &= models.Q(name__icontains=word)
            matches &= models.Q(name__icontains=word) | models.Q(description__icontains=word)
        return (
            self.filter(matches)
            .annotate(
                rank=models.Case(
                    models.When(in_name, then=models.Value(1.0)),
                    default=models.Value(0.0),
                    output_field=models.FloatField(),
                )
            )
            .order_by("-rank", "name_key", "pk")
        )

    def review_queue(self):
        """Confirmed registrations and change requests that await a decision."""
        return self.filter(status=Status.PENDING)

    def duplicate_candidates(self):
        """Entries a new registration could duplicate: confirmed and not withdrawn."""
        return self.entries().exclude(status__in=[Status.UNCONFIRMED, Status.WITHDRAWN])

    def with_review_flags(self):
        """Annotates `has_change_request` and `has_possible_duplicate` for the admin's lists.

        Two subqueries inside the one query for the list, so no query per row.
        """
        others = Organisation.objects.duplicate_candidates().exclude(
            pk=Coalesce(OuterRef("revision_of"), OuterRef("pk"))
        )
        return self.annotate(
            has_change_request=Exists(Organisation.objects.filter(revision_of=OuterRef("pk"))),
            has_possible_duplicate=Exists(
                others.filter(
                    similar(
                        OuterRef("name_key"), OuterRef("register_key"), OuterRef("contact_email")
                    )
                )
            ),
        )


def similar(name_key, register_key, contact_email) -> models.Q:
    """Same normalised name, same register number or same e-mail address.

    The values may be `OuterRef`s; empty register numbers and addresses match nothing.
    """
    return (
        models.Q(name_key=name_key)
        | (models.Q(register_key=register_key) & ~models.Q(register_key=""))
        | (models.Q(contact_email__iexact=contact_email) & ~models.Q(contact_email=""))
    )


class EntryGone(signing.BadSignature):
    """A genuine link to an entry that was deleted, e.g. withdrawn by its representative."""


class Organisation(models.Model):
    """A migrant (self-)organisation as its representative registered it.

    A change request is a second record pointing to the entry with `revision_of`; the
    published entry stays as it is until staff approve the request.
    """

    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED
    )
    revision_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="change_requests",
        verbose_name=_("Änderungswunsch zu"),
    )
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=120, unique=True)

    name = models.CharField(_("Name der Organisation"), max_length=200)
    name_key = models.CharField(max_length=200, editable=False, blank=True, db_index=True)
    legal_form = models.CharField(_("Rechtsform"), max_length=10, choices=LegalForm.choices)
    register_court = models.CharField(_("Registergericht"), max_length=100, blank=True)
    register_number = models.CharField(_("Registernummer"), max_length=30, blank=True)
    register_key = models.CharField(max_length=30, editable=False, blank=True, db_index=True)
    founded_year = models.PositiveSmallIntegerField(_("Gründungsjahr"), null=True, blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("Postleitzahl"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("Eine Postleitzahl hat fünf Ziffern."))],
    )
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    district = models.ForeignKey(
        District,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("Stadtteil oder Ort"),
    )
    website = models.URLField(_("Website"), max_length=300, blank=True)
    social_links = models.JSONField(_("Soziale Medien"), default=list, blank=True)
    languages = models.ManyToManyField(
        Language, blank=True, related_name="organisations", verbose_name=_("Sprachen")
    )
    activities = models.ManyToManyField(
        Activity, blank=True, related_name="organisations", verbose_name=_("Tätigkeitsfelder")
    )
    audiences = models.ManyToManyField(
        Audience, blank=True, related_name="organisations", verbose_name=_("Zielgruppen")
    )
    description = models.TextField(
        _("Kurzbeschreibung"), validators=[MaxLengthValidator(1500)], blank=True
    )

    contact_name = models.CharField(_("Name der Ansprechperson"), max_length=200, blank=True)
    contact_role = models.CharField(_("Funktion"), max_length=100, blank=True)
    contact_email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=30, blank=True)
    publish_address = models.BooleanField(_("Anschrift veröffentlichen"), default=False)
    publish_contact_name = models.BooleanField(
        _("Name und Funktion der Ansprechperson veröffentlichen"), default=False
    )
    publish_contact_email = models.BooleanField(_("E-Mail-Adresse veröffentlichen"), default=False)
    publish_contact_phone = models.BooleanField(_("Telefonnummer veröffentlichen"), default=False)

    language = models.CharField(
        _("Sprache der Ansprechperson"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("In dieser Sprache wurde das Formular ausgefüllt und schreiben wir."),
    )
    consent_version = models.CharField(_("Fassung der Datenschutzhinweise"), max_length=20)
    consent_text = models.TextField(_("Gezeigter Text der Datenschutzhinweise"), blank=True)
    consented_at = models.DateTimeField(_("Einwilligung am"), null=True, blank=True)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # Part of every link sent by mail: a new value makes all earlier links invalid.
    link_secret = models.CharField(max_length=32, editable=False, blank=True)

    created_at = models.DateTimeField(_("eingegangen am"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("E-Mail bestätigt am"), null=True, blank=True)
    last_confirmed_at = models.DateTimeField(
        _("Eintrag zuletzt bestätigt am"),
        null=True,
        blank=True,
        help_text=_(
            "Bei der Freigabe und bei jeder jährlichen Bestätigung durch die Organisation."
        ),
    )
    reconfirmation_requested_at = models.DateTimeField(
        _("Um Bestätigung gebeten am"), null=True, blank=True
    )
    hidden_reported_at = models.DateTimeField(_("Als veraltet gemeldet am"), null=True, blank=True)
    manage_link_sent_at = models.DateTimeField(
        _("Zuletzt neuen Link angefordert am"), null=True, blank=True, editable=False
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name_key", "pk"]
        verbose_name = _("Migrantenorganisation")
        verbose_name_plural = _("Migrantenorganisationen")
        permissions = [("export_organisation", _("Darf das Verzeichnis exportieren"))]
        indexes = [
            # The public directory: approved, recently confirmed entries by name.
            models.Index(fields=["status", "last_confirmed_at"]),
        ]
        constraints = [
            # A later change request replaces the waiting one; two posts at the same
            # moment must not leave two.
            models.UniqueConstraint(fields=["revision_of"], name="one_change_request_per_entry")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        self.register_key = register_key(self.register_number)
        if not self.link_secret:
            self.link_secret = secrets.token_hex(16)
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    def _unique_slug(self) -> str:
        max_length = self._meta.get_field("slug").max_length
        base = german_slugify(self.name, max_length - 10) or "organisation"
        return free_slug(Organisation, base, max_length=max_length)

    @property
    def entry(self) -> "Organisation":
        """The directory entry this record is, or asks to change."""
        return self.revision_of or self

    def is_public(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.revision_of_id is None
            and self.status == Status.APPROVED
            and self.last_confirmed_at is not None
            and self.last_confirmed_at >= now - HIDDEN_AFTER
        )

    def deleted_after(self) -> datetime.datetime | None:
        """When the entry is deleted unless its representative confirms it before."""
        if self.last_confirmed_at is None:
            return None
        return self.last_confirmed_at + HIDDEN_AFTER + hidden_kept()

    def make_link_token(self, purpose: str) -> str:
        """A signed token for a link in a mail; valid until `link_secret` changes."""
        return signing.dumps([self.pk, self.link_secret], salt=f"organisations.{purpose}")

    @classmethod
    def from_link_token(cls, token: str, purpose: str, max_age: datetime.timedelta):
        """The organisation a link names.

        Raises `signing.SignatureExpired` for a link that is too old,
        `signing.BadSignature` for a tampered link or one made invalid since, and
        `EntryGone` (a `BadSignature`) for a genuine link whose entry no longer exists.
        """
        pk, secret = signing.loads(token, salt=f"organisations.{purpose}", max_age=max_age)
        organisation = cls.objects.filter(pk=pk, link_secret=secret).first()
        if organisation is None:
            if not cls.objects.filter(pk=pk).exists():
                raise EntryGone("The link's entry was deleted.")
            raise signing.BadSignature("The link no longer names an organisation.")
        return organisation

    def possible_duplicates(self):
        """Other entries with the same normalised name, register number or e-mail address.

        One query; used on the review page, not in lists.
        """
        return (
            Organisation.objects.duplicate_candidates()
            .filter(similar(self.name_key, self.register_key, self.contact_email))
            .exclude(pk=self.entry.pk)
        )


class ReviewItem(Organisation):
    """The admin's review queue: registrations and change requests awaiting a decision."""

    class Meta:
        proxy = True
        verbose_name = _("Eintrag der Prüfliste")
        verbose_name_plural = _("Prüfliste")


class DecisionKind(models.TextChoices):
    APPROVED = "approved", _("freigegeben")
    REJECTED = "rejected", _("abgelehnt")
    CHANGE_APPROVED = "change_approved", _("Änderung übernommen")
    CHANGE_REJECTED = "change_rejected", _("Änderung abgelehnt")
    RECONFIRMED = "reconfirmed", _("von der Organisation bestätigt")
    HIDDEN = "hidden", _("wegen fehlender Bestätigung ausgeblendet")
    WITHDRAWN = "withdrawn", _("von der Organisation zurückgezogen")
    DELETED_UNCONFIRMED = "deleted_unconfirmed", _("nach langer Ausblendung gelöscht")


class Decision(models.Model):
    """What happened to an entry, by whom and when; written once, never edited.

    A withdrawn entry, or one hidden for too long, is deleted; its lines stay without it,
    so they name no organisation.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("Organisation"),
    )
    kind = models.CharField(_("Entscheidung"), max_length=20, choices=DecisionKind.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("durch"),
        help_text=_("Leer, wenn die Organisation selbst oder das System gehandelt hat."),
    )
    decided_at = models.DateTimeField(_("Datum"), default=timezone.now)
    reason = models.TextField(_("Begründung"), blank=True)
    changes = models.TextField(_("Geänderte Angaben"), blank=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("Entscheidung")
        verbose_name_plural = _("Entscheidungen")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.decided_at:%d.%m.%Y})"


class TopicWish(models.Model):
    """An organisation would like the qualification programme to cover this topic next."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="topic_wishes"
    )
    topic = models.ForeignKey(QualificationTopic, on_delete=models.CASCADE, related_name="wishes")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["topic", "organisation"]
        verbose_name = _("Themenwunsch")
        verbose_name_plural = _("Themenwünsche")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "topic"], name="one_wish_per_topic")
        ]

    def __str__(self):
        return f"{self.organisation} – {self.topic}"
