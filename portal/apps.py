from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The bottom layer every app may use: form helpers, template tags, uploads, mail."""

    name = "portal"

    def ready(self):
        from portal import encryption, images

        # A malformed or missing encryption key stops the start, not the first request
        # that reads a counselling request.
        encryption.keys()
        images.connect_file_removal()
