"""Where citizens come by and when: locations, weekly hours, closures, open now."""

import datetime
import functools
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from centre.models.profile import PROFILE_CACHE_SECONDS
from portal.translations import TranslatableModel, TranslatedFields

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
        name=models.CharField(
            _("Name"),
            max_length=200,
            help_text=_("So, wie der Standort öffentlich heißt, z. B. „Haus der Vielfalt“."),
        ),
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
    ends_on = models.DateField(
        _("geschlossen bis einschließlich"),
        help_text=_(
            "Der letzte Tag, an dem geschlossen ist. Bei nur einem Tag dasselbe Datum wie "
            "„geschlossen ab“."
        ),
    )
    translations = TranslatedFields(
        reason=models.CharField(
            _("Grund"),
            max_length=200,
            blank=True,
            help_text=_("Erscheint auf der Website, z. B. „Betriebsausflug“."),
        ),
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
    """The status as a sentence for the footer, e.g. "Geschlossen – nächste Öffnung: Montag,
    07:30". A weekday or date stands after a label, never inside a sentence, so that no
    language has to inflect it."""
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
        return format_html(_("Geschlossen – öffnet heute um {time}"), time=time)
    if days_ahead == 1:
        return format_html(_("Geschlossen – öffnet morgen um {time}"), time=time)
    day = date_format(moment, "l" if days_ahead < 7 else "SHORT_DATE_FORMAT")
    return format_html(_("Geschlossen – nächste Öffnung: {day}, {time}"), day=day, time=time)
