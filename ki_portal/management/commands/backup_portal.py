from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from ki_portal.backups import KEY_REMINDER, backup_create


class Command(BaseCommand):
    help = (
        "Backs up the database (PostgreSQL: pg_dump of one snapshot; SQLite: a consistent "
        "copy) and the uploaded files into a new directory, with a manifest of row counts "
        "and key checksums for restore_portal to verify. The field-encryption key is not "
        "part of it. Meant to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.BASE_DIR) / "var" / "backups",
            help="The folder the backup directory is made in (default: var/backups).",
        )

    def handle(self, *args, output, **options):
        backup = backup_create(output=output, now=timezone.now())
        tables = backup.manifest["tables"]
        self.stdout.write(
            f"Backup written to {backup.directory}: {len(tables)} tables, "
            f"{sum(table['rows'] for table in tables.values())} rows, "
            f"{backup.manifest['media_files']} uploaded file(s)."
        )
        self.stdout.write(self.style.WARNING(KEY_REMINDER))
