"""Contact persons with their channels, languages, consultation hours and vCard."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from centre.models.opening_hours import Location, TimeRange
from languages.models import Language
from portal.images import ImageMixin, alt_text_field
from portal.translations import TranslatableModel, TranslatedFields


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


class ContactPerson(ImageMixin, TranslatableModel):
    """Someone to contact, shown by role; the name is optional."""

    translations = TranslatedFields(
        image_alt=alt_text_field(),
        role=models.CharField(
            _("Aufgabe"),
            max_length=200,
            help_text=_("Zum Beispiel „Ansprechperson für Migrantenorganisationen“."),
        ),
        unit=models.CharField(
            _("Organisationseinheit"),
            max_length=200,
            blank=True,
            help_text=_("Zum Beispiel „Fachbereich Integration“."),
        ),
    )
    name = models.CharField(
        pgettext_lazy("person", "Name"),
        max_length=200,
        blank=True,
        help_text=_("Nur mit Einverständnis der Person; sonst erscheint nur die Aufgabe."),
    )
    phone = models.CharField(
        _("Telefon"),
        max_length=50,
        blank=True,
        help_text=_("Mit Vorwahl und Durchwahl, z. B. „0208 825-1234“."),
    )
    email = models.EmailField(
        _("E-Mail"),
        blank=True,
        help_text=_(
            "Erscheint auf der Website. Am besten eine Adresse, die auch bei Urlaub gelesen wird."
        ),
    )
    languages = models.ManyToManyField(
        Language,
        blank=True,
        related_name="contact_persons",
        verbose_name=_("Sprachen"),
        help_text=_(
            "Die Sprachen, in denen die Person berät. Tippen Sie den Namen der Sprache und "
            "wählen Sie aus der Liste."
        ),
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_persons",
        verbose_name=_("Standort"),
        help_text=_("Wo man die Person meist antrifft."),
    )
    order = models.PositiveIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")

    def __str__(self):
        role = self.safe_translation_getter("role", any_language=True) or ""
        return f"{self.name} ({role})" if self.name else role

    def get_absolute_url(self):
        return reverse("centre:vcard", kwargs={"pk": self.pk})

    def vcard(self, centre) -> str:
        """The person as a vCard 4.0 (RFC 6350) for address books; uses prefetched data.

        The languages have no order of preference, so LANG carries no PREF.
        """
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
        properties.extend(("LANG", language.code) for language in self.languages.all())
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
