from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db import apps as tasks_apps


class PortalConfig(AppConfig):
    """The bottom layer every app may use: form helpers, template tags, uploads, mail."""

    name = "portal"

    def ready(self):
        from portal import encryption, images

        # A malformed or missing encryption key stops the start, not the first request
        # that reads a counselling request.
        encryption.keys()
        images.connect_file_removal()


class TaskResultsConfig(tasks_apps.TasksAppConfig):
    """django-tasks' database backend, named in German in the admin (its own name is not
    translatable)."""

    default = False
    verbose_name = _("Hintergrundaufgaben")
