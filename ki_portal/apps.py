from django.apps import AppConfig


class KiPortalConfig(AppConfig):
    """The project shell: settings, root URLs, home and failure pages, deployment checks."""

    name = "ki_portal"

    def ready(self):
        from ki_portal import checks  # noqa: F401 (registers the checks)
