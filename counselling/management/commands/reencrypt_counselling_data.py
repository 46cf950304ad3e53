from django.core.management.base import BaseCommand
from django.db import transaction
from encrypted_model_fields.fields import EncryptedMixin

from counselling.models import CounsellingRequest, Note
from portal.models import OutgoingMail


def encrypted_fields(model) -> list[str]:
    return [field.name for field in model._meta.fields if isinstance(field, EncryptedMixin)]


class Command(BaseCommand):
    help = (
        "Encrypts every counselling request, note and mail in the outbox again with the "
        "first key of "
        "KI_FIELD_ENCRYPTION_KEY. Run it after putting a new key in front of the old one; "
        "afterwards the old key can be removed."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            requests = CounsellingRequest.objects.select_for_update()
            for counselling_request in requests:
                # Saving writes the decrypted values back, encrypted with the first key.
                counselling_request.save(update_fields=encrypted_fields(CounsellingRequest))
            notes = Note.objects.select_for_update()
            for note in notes:
                note.save(update_fields=encrypted_fields(Note))
            mails = OutgoingMail.objects.select_for_update()
            for outgoing_mail in mails:
                outgoing_mail.save(update_fields=encrypted_fields(OutgoingMail))
        self.stdout.write(
            f"{len(requests)} request(s), {len(notes)} note(s) and {len(mails)} mail(s) "
            "encrypted with the first key."
        )
