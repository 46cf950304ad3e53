from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The bottom layer every app may use: form helpers, template tags, uploads, mail."""

    name = "portal"
