from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from counselling.models import CounsellingRequest, Note
from portal.encryption import EncryptedMixin, UndecryptableError
from portal.models import OutgoingMail

MODELS = [CounsellingRequest, Note, OutgoingMail]


def encrypted_fields(model) -> list[str]:
    return [field.name for field in model._meta.fields if isinstance(field, EncryptedMixin)]


class Command(BaseCommand):
    help = (
        "Encrypts every counselling request, note and mail in the outbox again with the "
        "first key of KI_FIELD_ENCRYPTION_KEY. Run it after putting a new key in front of "
        "the old one; afterwards the old key can be removed. Refuses, changing nothing, "
        "when a stored value decrypts with none of the keys."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            try:
                # Reading decrypts: every row is read before the first is written, so a value
                # no key decrypts stops the command with nothing changed, and a value is
                # never encrypted twice.
                rows = {model: list(model.objects.select_for_update()) for model in MODELS}
            except UndecryptableError as error:
                raise CommandError(
                    f"Nothing was changed: {error} Put the key it was encrypted with back "
                    "into KI_FIELD_ENCRYPTION_KEY, behind the new first key, and run the "
                    "command again."
                ) from None
            for model, objects in rows.items():
                fields = encrypted_fields(model)
                for row in objects:
                    # Saving writes the decrypted values back, encrypted with the first key.
                    row.save(update_fields=fields)
        requests, notes, mails = (len(rows[model]) for model in MODELS)
        self.stdout.write(
            f"{requests} request(s), {notes} note(s) and {mails} mail(s) "
            "encrypted with the first key."
        )
