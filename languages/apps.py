from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguagesConfig(AppConfig):
    """The one list of languages people speak and write: organisations, contact persons,
    counselling requests and the statistic all point to it."""

    name = "languages"
    verbose_name = _("Sprachen")
