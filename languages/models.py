"""The languages people speak and write, as one list every app points to.

Which direction a piece of text is written in follows one rule:

- Text in one of the portal's interface languages (`settings.LANGUAGES`: the page, its
  mails, the language a form was filled in) takes Django's bidi information
  (`get_language_bidi()` for the page, `portal.bidi.direction(code)` for any other).
- Text in a language from this list (a language's own name, what an organisation or a
  contact person speaks, the language a woman asks to be counselled in) takes
  `Language.direction`, which staff can correct. Where Django knows the code, the seeded
  direction agrees with Django (a test checks it).
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    LTR = "ltr", _("von links nach rechts")
    RTL = "rtl", _("von rechts nach links")


class Language(models.Model):
    """A language, named in itself ("Türkçe", "العربية") and in German."""

    code = models.CharField(
        _("Sprachcode (BCP 47)"),
        max_length=35,
        primary_key=True,
        validators=[
            RegexValidator(
                r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                _("Bitte geben Sie einen Sprachcode nach BCP 47 an, z. B. „tr“ oder „ckb“."),
            )
        ],
        help_text=_(
            "Das international übliche Kürzel, z. B. „tr“ für Türkisch oder „ckb“ für Sorani. "
            "Es lässt sich später nicht mehr ändern."
        ),
    )
    name = models.CharField(
        _("Name in der Sprache selbst"),
        max_length=100,
        help_text=_("So, wie Sprechende der Sprache sie nennen, z. B. „Türkçe“."),
    )
    name_de = models.CharField(
        _("Deutscher Name"),
        max_length=100,
        help_text=_("So heißt die Sprache auf Deutsch; danach wird die Liste sortiert."),
    )
    direction = models.CharField(
        _("Schreibrichtung"),
        max_length=3,
        choices=Direction.choices,
        default=Direction.LTR,
        help_text=_(
            "Arabisch, Persisch oder Urdu zum Beispiel werden von rechts nach links geschrieben."
        ),
    )

    class Meta:
        ordering = ["name_de"]
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")

    def __str__(self):
        return f"{self.name} ({self.name_de})" if self.name != self.name_de else self.name

    @property
    def html_attrs(self) -> str:
        """The lang and dir attributes for text in this language, e.g. its own name."""
        return format_html(' lang="{}" dir="{}"', self.code, self.direction)
