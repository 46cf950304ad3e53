from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CounsellingConfig(AppConfig):
    name = "counselling"
    verbose_name = _("Beratung für Frauen und Mädchen")

    def ready(self):
        from counselling import signals

        signals.connect()
