import datetime
import functools
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from centre.validators import mp4_duration, validate_logo, validate_video
from portal.richtext import RichTextField

PROFILE_CACHE_KEY = "centre:profile:v3"
# A BCP 47 tag as the portal uses them: a language, optionally a script and a region.
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")
# Saving clears the cache of the process that saved; with the per-process default
# cache, other processes see the change after this many seconds at the latest.
PROFILE_CACHE_SECONDS = 600


def split_language_codes(value: str) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()]


def validate_language_codes(value: str) -> None:
    codes = [code.strip() for code in value.split(",")]
    wrong = [code or "(leer)" for code in codes if not LANGUAGE_CODE.match(code)]
    if wrong:
        raise ValidationError(
            _("Kein gültiger Sprachcode: %(codes)s. Beispiel: „de, en, tr, ar“."),
            params={"codes": ", ".join(wrong)},
            code="language_code",
        )


class BodyKind(models.TextChoices):
    CITY = "city", _("kreisfreie Stadt")
    TOWN = "town", _("kreisangehörige Stadt")
    DISTRICT = "district", _("Kreis")


class CentreProfile(TranslatableModel):
    """The centre this deployment serves: one record, shown in the header and footer."""

    translations = TranslatedFields(
        name=models.CharField(_("Name"), max_length=200),
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
    languages = models.CharField(
        _("Sprachen der Beratung"),
        max_length=200,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Sprachcodes nach BCP 47, durch Kommas getrennt, z. B. „de, en, tr, ar“."),
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    building = models.CharField(_("Gebäude"), max_length=200, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    fax = models.CharField(_("Fax"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    website = models.URLField(
        _("Website des Trägers"), blank=True, help_text=_("Zum Beispiel https://www.oberhausen.de")
    )
    logo = models.FileField(
        _("Logo"),
        upload_to="centre/",
        blank=True,
        validators=[validate_logo],
        help_text=_("PNG oder JPEG, höchstens 1 MB. Erscheint in der Kopfzeile jeder Seite."),
    )

    class Meta:
        verbose_name = _("Profil des Zentrums")
        verbose_name_plural = _("Profil des Zentrums")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or str(_("Zentrum"))

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(PROFILE_CACHE_KEY)

    @property
    def language_codes(self) -> list[str]:
        return split_language_codes(self.languages)

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


MAIN_LOCATION_CACHE_KEY = "centre:main-location:v1"
# How far ahead the status looks for the next opening; longer closures show no time.
LOOKAHEAD_DAYS = 21


class RefreshesFooter(models.Model):
    """Changes to a location, its hours or its closures show in the footer at once."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(MAIN_LOCATION_CACHE_KEY)

    def delete(self, *args, **kwargs):
        cache.delete(MAIN_LOCATION_CACHE_KEY)
        return super().delete(*args, **kwargs)


@functools.cache
def public_holidays(year: int):
    """Public holidays in North Rhine-Westphalia (the state all centres belong to)."""
    return holidays.country_holidays("DE", subdiv="NW", years=year)


@dataclass(frozen=True)
class OpeningStatus:
    is_open: bool
    # While open: when it closes. While closed: when it opens next, if within the lookahead.
    changes_at: datetime.datetime | None


class Location(RefreshesFooter, TranslatableModel):
    """A place where citizens can come by, with its weekly hours and closures."""

    translations = TranslatedFields(
        name=models.CharField(_("Name"), max_length=200),
        directions=models.TextField(
            _("Anfahrt"), blank=True, help_text=_("Wie man mit Bus, Bahn oder Auto hinkommt.")
        ),
        access=models.TextField(
            _("Barrierefreier Zugang"),
            blank=True,
            help_text=_("Zum Beispiel: stufenloser Eingang, Aufzug, barrierefreies WC."),
        ),
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200)
    postal_code = models.CharField(_("Postleitzahl"), max_length=10)
    city = models.CharField(_("Ort"), max_length=100)
    order = models.PositiveIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Der erste Standort erscheint in der Fußzeile.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Standort")
        verbose_name_plural = _("Standorte")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.street

    @classmethod
    def load_main(cls):
        """The first location with its hours and closures, cached like the centre profile."""
        location = cache.get(MAIN_LOCATION_CACHE_KEY)
        if location is None:
            location = cls.objects.prefetch_related("translations", "hours", "closures").first()
            cache.set(MAIN_LOCATION_CACHE_KEY, location or False, timeout=PROFILE_CACHE_SECONDS)
        if not location:
            return None
        location.set_current_language(get_language())
        return location

    def weekly_hours(self):
        """Each weekday with its time ranges, Monday first; uses prefetched hours."""
        return [
            (weekday.label, [hours for hours in self.hours.all() if hours.weekday == weekday])
            for weekday in Weekday
        ]

    def is_closed_on(self, day: datetime.date) -> bool:
        """Closed all day: a public holiday or a closure staff entered. Uses prefetched closures."""
        if day in public_holidays(day.year):
            return True
        return any(closure.starts_on <= day <= closure.ends_on for closure in self.closures.all())

    def status_at(self, moment: datetime.datetime) -> OpeningStatus:
        """Open or closed at a moment, and when that changes; computed in the centre's time zone."""
        zone = ZoneInfo(settings.TIME_ZONE)
        now = moment.astimezone(zone)
        hours = sorted(self.hours.all(), key=lambda hours: (hours.weekday, hours.opens))
        for offset in range(LOOKAHEAD_DAYS + 1):
            day = now.date() + datetime.timedelta(days=offset)
            if self.is_closed_on(day):
                continue
            for period in (hours for hours in hours if hours.weekday == day.weekday()):
                opens = datetime.datetime.combine(day, period.opens, tzinfo=zone)
                closes = datetime.datetime.combine(day, period.closes, tzinfo=zone)
                if opens <= now < closes:
                    return OpeningStatus(is_open=True, changes_at=closes)
                if now < opens:
                    return OpeningStatus(is_open=False, changes_at=opens)
        return OpeningStatus(is_open=False, changes_at=None)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Montag")
    TUESDAY = 1, _("Dienstag")
    WEDNESDAY = 2, _("Mittwoch")
    THURSDAY = 3, _("Donnerstag")
    FRIDAY = 4, _("Freitag")
    SATURDAY = 5, _("Samstag")
    SUNDAY = 6, _("Sonntag")


class TimeRange(models.Model):
    """One time range on one weekday; a day may have several (e.g. a lunch break)."""

    weekday = models.IntegerField(_("Wochentag"), choices=Weekday.choices)
    opens = models.TimeField(_("von"))
    closes = models.TimeField(_("bis"))

    class Meta:
        abstract = True
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")),
                name="%(app_label)s_%(class)s_ends_after_start",
                violation_error_message=_("Die Endzeit muss nach der Anfangszeit liegen."),
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class OpeningHours(RefreshesFooter, TimeRange):
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="hours", verbose_name=_("Standort")
    )

    class Meta(TimeRange.Meta):
        verbose_name = _("Öffnungszeit")
        verbose_name_plural = _("Öffnungszeiten")


class Closure(RefreshesFooter, TranslatableModel):
    """Days on which a location stays closed, e.g. between Christmas and New Year."""

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="closures", verbose_name=_("Standort")
    )
    starts_on = models.DateField(_("geschlossen ab"))
    ends_on = models.DateField(_("geschlossen bis einschließlich"))
    translations = TranslatedFields(
        reason=models.CharField(_("Grund"), max_length=200, blank=True),
    )

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("Schließzeit")
        verbose_name_plural = _("Schließzeiten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="closure_ends_on_or_after_start",
                violation_error_message=_("Das Ende darf nicht vor dem Beginn liegen."),
            )
        ]

    def __str__(self):
        return f"{self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y}"


def describe_status(status: OpeningStatus, now: datetime.datetime):
    """The status as a sentence for the footer, e.g. "Geschlossen – öffnet Montag 07:30"."""
    if status.changes_at is None:
        return _("Geschlossen")
    moment = status.changes_at
    time = format_html(
        '<time datetime="{}">{}</time>', moment.isoformat(), date_format(moment, "H:i")
    )
    if status.is_open:
        return format_html(_("Jetzt geöffnet bis {time}"), time=time)
    days_ahead = (moment.date() - now.astimezone(moment.tzinfo).date()).days
    if days_ahead == 0:
        day = _("heute")
    elif days_ahead == 1:
        day = _("morgen")
    elif days_ahead < 7:
        day = date_format(moment, "l")
    else:
        day = date_format(moment, "SHORT_DATE_FORMAT")
    return format_html(_("Geschlossen – öffnet {day} {time}"), day=day, time=time)


def vcard_text(value: str) -> str:
    """A vCard text value: backslash, comma, semicolon and line breaks escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold_vcard_line(line: str) -> str:
    """Folds a content line after 75 octets, never inside a UTF-8 character."""
    folded, current = [], ""
    for character in line:
        limit = 75 if not folded else 74
        if len((current + character).encode()) > limit:
            folded.append(current)
            current = ""
        current += character
    folded.append(current)
    return "\r\n ".join(folded)


class ContactPerson(TranslatableModel):
    """Someone to contact, shown by role; the name is optional."""

    translations = TranslatedFields(
        role=models.CharField(
            _("Aufgabe"),
            max_length=200,
            help_text=_("Zum Beispiel „Ansprechperson für Migrantenorganisationen“."),
        ),
        unit=models.CharField(_("Organisationseinheit"), max_length=200, blank=True),
    )
    name = models.CharField(
        _("Name"),
        max_length=200,
        blank=True,
        help_text=_("Nur mit Einverständnis der Person; sonst erscheint nur die Aufgabe."),
    )
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    languages = models.CharField(
        _("Sprachen"),
        max_length=200,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Sprachcodes nach BCP 47, durch Kommas getrennt, z. B. „de, en, tr, ar“."),
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_persons",
        verbose_name=_("Standort"),
    )
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")

    def __str__(self):
        role = self.safe_translation_getter("role", any_language=True) or ""
        return f"{self.name} ({role})" if self.name else role

    @property
    def language_codes(self) -> list[str]:
        return split_language_codes(self.languages)

    def get_absolute_url(self):
        return reverse("centre:vcard", kwargs={"pk": self.pk})

    def vcard(self, centre) -> str:
        """The person as a vCard 4.0 (RFC 6350) for address books; uses prefetched data."""
        role = self.safe_translation_getter("role", any_language=True) or ""
        unit = self.safe_translation_getter("unit", any_language=True) or ""
        address = self.location or centre
        properties = [
            ("VERSION", "4.0"),
            ("KIND", "individual" if self.name else "org"),
            ("FN", vcard_text(self.name or role)),
            ("ORG", ";".join(vcard_text(part) for part in (str(centre or ""), unit) if part)),
            ("TITLE", vcard_text(role)),
        ]
        if self.phone:
            properties.append(("TEL;TYPE=work;VALUE=uri", "tel:" + self.phone.replace(" ", "")))
        if self.email:
            properties.append(("EMAIL;TYPE=work", self.email))
        if address and address.street:
            parts = ["", "", address.street, address.city, "", address.postal_code, "Deutschland"]
            properties.append(("ADR;TYPE=work", ";".join(vcard_text(part) for part in parts)))
        properties.extend(
            (f"LANG;PREF={rank}", code) for rank, code in enumerate(self.language_codes, start=1)
        )
        lines = [fold_vcard_line(f"{name}:{value}") for name, value in properties if value]
        return "\r\n".join(["BEGIN:VCARD", *lines, "END:VCARD", ""])


class ConsultationHours(TimeRange):
    contact_person = models.ForeignKey(
        ContactPerson,
        on_delete=models.CASCADE,
        related_name="consultation_hours",
        verbose_name=_("Ansprechperson"),
    )

    class Meta(TimeRange.Meta):
        verbose_name = _("Sprechzeit")
        verbose_name_plural = _("Sprechzeiten")


class PageKind(models.TextChoices):
    IMPRINT = "imprint", _("Impressum")
    PRIVACY = "privacy", _("Datenschutzerklärung")
    EASY_LANGUAGE = "easy-language", _("Leichte Sprache")
    ABOUT = "about", _("Über uns")


class InformationPage(TranslatableModel):
    """A page every centre publishes, written by its staff: one record per kind."""

    kind = models.CharField(_("Seite"), max_length=20, choices=PageKind.choices, unique=True)
    translations = TranslatedFields(
        intro=RichTextField(_("Einleitung"), blank=True),
    )
    sign_language_video = models.FileField(
        _("Video in Deutscher Gebärdensprache"),
        upload_to="videos/",
        blank=True,
        validators=[validate_video],
        help_text=_("MP4. Größe und Dauer werden auf der Seite angezeigt."),
    )
    video_duration = models.DurationField(_("Dauer des Videos"), null=True, editable=False)
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("Informationsseite")
        verbose_name_plural = _("Informationsseiten")

    def __str__(self):
        return self.get_kind_display()

    def save(self, *args, **kwargs):
        self.video_duration = (
            mp4_duration(self.sign_language_video) if self.sign_language_video else None
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(f"centre:{self.kind}")

    @property
    def video_length(self) -> str:
        """The video's duration as minutes and seconds, e.g. "3:05"."""
        if self.video_duration is None:
            return ""
        minutes, seconds = divmod(int(self.video_duration.total_seconds()), 60)
        return f"{minutes}:{seconds:02d}"


class PageSection(TranslatableModel):
    """A titled part of an information page; its anchor lets forms link straight to it."""

    page = models.ForeignKey(
        InformationPage, on_delete=models.CASCADE, related_name="sections", verbose_name=_("Seite")
    )
    anchor = models.SlugField(
        _("Sprungmarke"),
        max_length=80,
        help_text=_(
            "Kurzer Name für Links auf diesen Abschnitt, z. B. „kontaktformular“. Formulare "
            "verweisen darauf; bitte nicht ändern, ohne die Verweise zu prüfen."
        ),
    )
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    translations = TranslatedFields(
        heading=models.CharField(_("Überschrift"), max_length=200),
        body=RichTextField(_("Text")),
    )

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["page", "anchor"], name="unique_section_anchor")
        ]
        verbose_name = _("Abschnitt")
        verbose_name_plural = _("Abschnitte")

    def __str__(self):
        return self.safe_translation_getter("heading", any_language=True) or self.anchor


class KeyFigure(TranslatableModel):
    """A number that tells what the centre works for, e.g. the share of people with a
    migration history among the inhabitants."""

    page = models.ForeignKey(
        InformationPage,
        on_delete=models.CASCADE,
        related_name="key_figures",
        verbose_name=_("Seite"),
    )
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    translations = TranslatedFields(
        value=models.CharField(_("Zahl"), max_length=40, help_text=_("Zum Beispiel „27 %“.")),
        label=models.CharField(_("Bedeutung"), max_length=200),
        source=models.CharField(
            _("Quelle und Stand"),
            max_length=200,
            blank=True,
            help_text=_("Zum Beispiel „Mai 2011“."),
        ),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Kennzahl")
        verbose_name_plural = _("Kennzahlen")

    def __str__(self):
        value = self.safe_translation_getter("value", any_language=True) or ""
        label = self.safe_translation_getter("label", any_language=True) or ""
        return f"{value} {label}".strip()


class ComplianceStatus(models.TextChoices):
    FULL = "full", _("vollständig vereinbar")
    PARTIAL = "partial", _("teilweise vereinbar")
    NONE = "none", _("nicht vereinbar")


class ReviewMethod(models.TextChoices):
    SELF = "self", _("Selbstbewertung")
    EXTERNAL = "external", _("Prüfung durch eine externe Stelle")


# The statement must be reviewed once a year (BITV NRW); staff are warned after that.
REVIEW_INTERVAL = datetime.timedelta(days=365)


class AccessibilityStatement(TranslatableModel):
    """The Erklärung zur Barrierefreiheit under BITV NRW: one record."""

    status = models.CharField(
        _("Stand der Vereinbarkeit"),
        max_length=20,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIAL,
        help_text=_("Mit den Anforderungen der BITV NRW (WCAG 2.1, Stufe AA)."),
    )
    method = models.CharField(
        _("Methode"), max_length=20, choices=ReviewMethod.choices, default=ReviewMethod.SELF
    )
    prepared_on = models.DateField(_("Erstellt am"))
    last_reviewed = models.DateField(
        _("Zuletzt überprüft am"),
        help_text=_("Die Erklärung ist jährlich zu überprüfen; danach erscheint eine Warnung."),
    )
    translations = TranslatedFields(
        known_barriers=RichTextField(
            _("Bekannte Barrieren"),
            blank=True,
            help_text=_("Was noch nicht barrierefrei ist, warum, und welche Alternative es gibt."),
        ),
        method_details=models.TextField(
            _("Zur Methode"),
            blank=True,
            help_text=_("Zum Beispiel: womit und von wem geprüft wurde."),
        ),
        ombudsstelle=models.TextField(
            _("Schlichtungsstelle"),
            help_text=_(
                "Name und Anschrift der Ombudsstelle für barrierefreie Informationstechnik des "
                "Landes Nordrhein-Westfalen. Bitte die aktuellen Angaben von ihrer Website "
                "übernehmen."
            ),
        ),
    )
    ombudsstelle_email = models.EmailField(_("E-Mail der Schlichtungsstelle"), blank=True)
    ombudsstelle_website = models.URLField(_("Website der Schlichtungsstelle"), blank=True)

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärung zur Barrierefreiheit")

    def __str__(self):
        return str(_("Erklärung zur Barrierefreiheit"))

    def clean(self):
        if self.prepared_on and self.last_reviewed and self.last_reviewed < self.prepared_on:
            raise ValidationError(
                {"last_reviewed": _("Die Überprüfung kann nicht vor der Erstellung liegen.")}
            )
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            raise ValidationError(
                {"last_reviewed": _("Das Datum der Überprüfung darf nicht in der Zukunft liegen.")}
            )

    def review_due(self, today: datetime.date | None = None) -> bool:
        return (today or timezone.localdate()) - self.last_reviewed > REVIEW_INTERVAL


# Staff answer a barrier report within two weeks (BITV NRW allows six at most).
ANSWER_PERIOD = datetime.timedelta(days=14)
# A path on this site: one slash, no whitespace or backslash ("//host" would be another site).
SITE_PATH = re.compile(r"^/(?!/)[^\s\\]*$")
validate_web_address = URLValidator(schemes=["http", "https"])


def validate_page_address(value: str) -> None:
    """A page on this site ("/de/kontakt/") or anywhere on the web over http(s)."""
    if SITE_PATH.match(value):
        return
    try:
        validate_web_address(value)
    except ValidationError:
        raise ValidationError(
            _("Bitte geben Sie die Adresse der Seite an, z. B. „https://…“ oder „/de/kontakt/“."),
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
    name = models.CharField(_("Name"), max_length=200, blank=True)
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
