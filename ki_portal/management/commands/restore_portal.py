from pathlib import Path

import dj_database_url
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from ki_portal.backups import (
    backup_open,
    differences,
    open_database,
    restore_check,
    restore_database,
    restore_media,
)


class Command(BaseCommand):
    help = (
        "Restores a backup made by backup_portal: the database into the configured one (or "
        "--database-url), the uploaded files into MEDIA_ROOT (or --media-root), then compares "
        "every table's row count and key checksum with the backup's manifest. Refuses a "
        "database or folder that is not empty unless --replace is given. Stop the portal "
        "while it runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="The backup's directory.")
        parser.add_argument(
            "--database-url",
            help="Restore into this database instead of the configured one "
            "(postgres://user:password@host:port/name or sqlite:////path).",
        )
        parser.add_argument(
            "--media-root",
            type=Path,
            default=Path(settings.MEDIA_ROOT),
            help="Restore the uploaded files into this folder (default: MEDIA_ROOT).",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Overwrite a database that has tables and write over files in the folder.",
        )

    def handle(self, *args, backup, database_url, media_root, replace, **options):
        opened = backup_open(backup)
        target = self.target(database_url)
        try:
            restore_check(opened, target, media_root, replace=replace)
            restore_database(opened, target, replace=replace)
            restore_media(opened, media_root)
            found = differences(opened, target)
        finally:
            if database_url:
                target.close()
        self.stdout.write(
            f"Restored {opened.directory} (made {opened.manifest['created_at']}) and "
            f"{opened.manifest['media_files']} uploaded file(s) into {media_root}."
        )
        if found:
            for line in found:
                self.stderr.write(line)
            raise CommandError(
                f"The restored database differs from the backup in {len(found)} table(s)."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Verified: row counts and key checksums of all "
                f"{len(opened.manifest['tables'])} tables match the backup."
            )
        )
        self.stdout.write(
            "The counselling requests can be read only with the KI_FIELD_ENCRYPTION_KEY that "
            "encrypted them: set it to the key in use when the backup was made."
        )

    def target(self, database_url):
        if not database_url:
            return connections["default"]
        try:
            return open_database(dj_database_url.parse(database_url))
        except ValueError as error:
            raise CommandError(f"--database-url cannot be used: {error}") from None
