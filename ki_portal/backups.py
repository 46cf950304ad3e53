"""Backups of the portal: the database in one snapshot, the uploaded files and a manifest.

A backup is one directory `ki-portal-backup-<UTC time>` (mode 0700, every file 0600: it
holds personal data) with

- `database.dump` (PostgreSQL: `pg_dump --format=custom`) or `database.sqlite3` (SQLite: a
  copy made through SQLite's backup API),
- `media.tar.gz`, everything under MEDIA_ROOT,
- `manifest.json`: when, which database engine, the last migration applied per app, per
  table its row count and key checksum, and the SHA-256 of the two files. It holds no
  personal data.

A table's key checksum is the SHA-256 of its primary keys, each rendered as text, sorted
and joined by newlines. It shows a restore that lost or gained rows without putting any
content, not even hashed, into the manifest; the content itself is guarded by the files'
SHA-256. The field-encryption key is never part of a backup.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import DatabaseError, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.utils import load_backend
from psycopg.conninfo import make_conninfo

from ki_portal.postgresql import find_program

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
KEY_REMINDER = (
    "The field-encryption key (KI_FIELD_ENCRYPTION_KEY) is NOT in this backup. Keep it "
    "apart from the backups, e.g. in the centre's password safe: without it the counselling "
    "requests in this backup cannot be read, and whoever holds both can read them."
)
# libpq connection parameters Django passes through OPTIONS that pg_dump and pg_restore
# need as well.
LIBPQ_OPTIONS = ("sslmode", "sslrootcert", "sslcert", "sslkey", "passfile", "service")


@dataclass
class Backup:
    directory: Path
    manifest: dict

    @property
    def dump(self) -> Path:
        return self.directory / self.manifest["database"]

    @property
    def media(self) -> Path:
        return self.directory / MEDIA_ARCHIVE


def table_summary(connection) -> dict[str, dict]:
    """Row count and key checksum of every table.

    Reads every primary key of every table once. A table without a primary key is counted
    only, so that no content reaches the manifest.
    """
    quote = connection.ops.quote_name
    summary = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            columns = connection.introspection.get_primary_key_columns(cursor, table)
            if not columns:
                cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
                summary[table] = {"rows": cursor.fetchone()[0], "key_checksum": None}
                continue
            keys = ", ".join(quote(column) for column in columns)
            cursor.execute(f"SELECT {keys} FROM {quote(table)}")
            rendered = sorted("\t".join(str(value) for value in row) for row in cursor)
            checksum = hashlib.sha256("\n".join(rendered).encode()).hexdigest()
            summary[table] = {"rows": len(rendered), "key_checksum": checksum}
    return summary


def migration_state(connection) -> dict[str, str]:
    """The last migration applied per app."""
    table = MigrationRecorder.Migration._meta.db_table
    if table not in connection.introspection.table_names():
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT app, MAX(name) FROM {connection.ops.quote_name(table)} "
            "GROUP BY app ORDER BY app"
        )
        return dict(cursor.fetchall())


def open_database(settings_dict: dict):
    """A Django connection to a database outside settings.DATABASES (a restore's target)."""
    configured = connections.configure_settings({"default": settings_dict})["default"]
    return load_backend(configured["ENGINE"]).DatabaseWrapper(configured, "backup")


def connect(connection) -> None:
    try:
        connection.ensure_connection()
    except DatabaseError as error:
        raise CommandError(f"Cannot connect to the database: {error}".strip()) from None


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def private_file(path: Path):
    """A new file only its owner may read, whatever the umask."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")


def libpq(connection) -> tuple[str, dict[str, str]]:
    """The connection string (without the password) and the environment (with it) for
    pg_dump and pg_restore, so the password never shows in the process list."""
    database = connection.settings_dict
    options = database["OPTIONS"]
    conninfo = make_conninfo(
        dbname=database["NAME"],
        host=database["HOST"] or None,
        port=str(database["PORT"]) if database["PORT"] else None,
        user=database["USER"] or None,
        **{key: str(options[key]) for key in LIBPQ_OPTIONS if key in options},
    )
    environment = dict(os.environ)
    if database["PASSWORD"]:
        environment["PGPASSWORD"] = database["PASSWORD"]
    return conninfo, environment


def run_program(name: str, arguments: list[str], *, connection, stdout=None) -> None:
    program = find_program(name)
    if program is None:
        raise CommandError(
            f"{name} not found on PATH or in /usr/lib/postgresql/*/bin. Install the PostgreSQL "
            "client programs (Debian: postgresql-client), at least the server's version."
        )
    conninfo, environment = libpq(connection)
    finished = subprocess.run(
        [program, f"--dbname={conninfo}", *arguments],
        stdout=stdout or subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=environment,
        check=False,
    )
    if finished.returncode != 0:
        message = finished.stderr.decode(errors="replace").strip()
        raise CommandError(f"{name} failed: {message}")


def dump_postgresql(connection, path: Path) -> tuple[dict, dict]:
    """pg_dump of the database, and the summary of the very snapshot it dumps."""
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        tables, migrations = table_summary(connection), migration_state(connection)
        # The snapshot lives as long as this transaction: pg_dump must finish inside it.
        with private_file(path) as dump:
            run_program(
                "pg_dump",
                ["--format=custom", f"--snapshot={snapshot}"],
                connection=connection,
                stdout=dump,
            )
    return tables, migrations


def copy_sqlite(connection, path: Path) -> tuple[dict, dict]:
    """A copy through SQLite's backup API (one step, so one consistent state), and its
    summary, read from the copy."""
    private_file(path).close()
    copy = sqlite3.connect(path)
    try:
        connection.connection.backup(copy)
        # The copy is one self-contained file, without a write-ahead log beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
    copied = open_database({"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)})
    try:
        return table_summary(copied), migration_state(copied)
    finally:
        copied.close()


def archive_media(media_root: Path, path: Path) -> int:
    """Everything under MEDIA_ROOT as a gzipped tar; returns the number of files.

    Taken after the database snapshot, so every file the dump refers to is in it unless
    it was deleted in between; a file uploaded meanwhile is in it without its row.
    """
    files = 0
    with private_file(path) as archive, tarfile.open(fileobj=archive, mode="w:gz") as tar:
        if media_root.is_dir():
            for child in sorted(media_root.iterdir()):
                tar.add(child, arcname=child.name)
            files = sum(1 for item in media_root.rglob("*") if item.is_file())
    return files


def backup_create(*, output: Path, now: datetime.datetime) -> Backup:
    """Writes a backup of the configured database and MEDIA_ROOT into a new directory
    under `output`; a failed backup leaves nothing behind."""
    connection = connections["default"]
    if connection.vendor not in DUMPS:
        raise CommandError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    connect(connection)
    directory = output.resolve() / f"ki-portal-backup-{now:%Y%m%dT%H%M%SZ}"
    try:
        output.mkdir(mode=0o700, parents=True, exist_ok=True)
        directory.mkdir(mode=0o700)
        directory.chmod(0o700)
    except OSError as error:
        raise CommandError(f"Cannot create the backup directory: {error}") from None
    try:
        dump = directory / DUMPS[connection.vendor]
        if connection.vendor == "postgresql":
            tables, migrations = dump_postgresql(connection, dump)
        else:
            tables, migrations = copy_sqlite(connection, dump)
        media_files = archive_media(Path(settings.MEDIA_ROOT), directory / MEDIA_ARCHIVE)
        manifest = {
            "format": FORMAT,
            "created_at": now.isoformat(),
            "engine": connection.vendor,
            "database": dump.name,
            "encryption_key": KEY_REMINDER,
            "migrations": migrations,
            "tables": tables,
            "media_files": media_files,
            "sha256": {name: sha256(directory / name) for name in (dump.name, MEDIA_ARCHIVE)},
        }
        with private_file(directory / MANIFEST) as file:
            file.write(json.dumps(manifest, indent=2).encode())
    except Exception as error:
        shutil.rmtree(directory, ignore_errors=True)
        if isinstance(error, DatabaseError | OSError):
            raise CommandError(f"The backup failed and was removed: {error}") from None
        raise
    return Backup(directory, manifest)


def backup_open(directory: Path) -> Backup:
    """The backup in `directory`, after checking that its files are complete and unchanged."""
    if not directory.is_dir():
        raise CommandError(f"No backup at {directory}: it is not a directory.")
    try:
        manifest = json.loads((directory / MANIFEST).read_text())
    except FileNotFoundError:
        raise CommandError(
            f"{directory} is not a KI-Portal backup: {MANIFEST} is missing."
        ) from None
    except (OSError, ValueError) as error:
        raise CommandError(f"{directory / MANIFEST} cannot be read: {error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise CommandError(f"{directory / MANIFEST} is not a manifest of backup format {FORMAT}.")
    for name, expected in manifest["sha256"].items():
        path = directory / name
        if not path.is_file():
            raise CommandError(f"The backup is incomplete: {path} is missing.")
        if sha256(path) != expected:
            raise CommandError(
                f"{path} does not match its checksum in {MANIFEST}: the backup is damaged "
                "or was changed. Restore another one."
            )
    return Backup(directory, manifest)


def restore_check(backup: Backup, target, media_root: Path, *, replace: bool) -> None:
    """Refuses, before anything is written, a target of another engine, a database that
    has tables or a media folder that has files, unless `replace`."""
    engine = backup.manifest["engine"]
    if target.vendor != engine:
        raise CommandError(
            f"This backup is of a {engine} database; it cannot be restored into {target.vendor}."
        )
    connect(target)
    if replace:
        return
    existing = target.introspection.table_names()
    if existing:
        raise CommandError(
            f"The target database is not empty ({len(existing)} tables). Restore into an "
            "empty database, or give --replace to overwrite this one."
        )
    if media_root.is_dir() and any(media_root.iterdir()):
        raise CommandError(
            f"{media_root} is not empty. Restore the files into an empty folder "
            "(--media-root), or give --replace to write over it."
        )


def restore_database(backup: Backup, target, *, replace: bool) -> None:
    """Loads the dump into `target`, replacing what the dump holds if `replace`."""
    if backup.manifest["engine"] == "postgresql":
        # One transaction: a restore that fails leaves the target as it was.
        arguments = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
        if replace:
            arguments += ["--clean", "--if-exists"]
        run_program("pg_restore", [*arguments, str(backup.dump)], connection=target)
    else:
        source = sqlite3.connect(f"file:{backup.dump}?mode=ro", uri=True)
        try:
            source.backup(target.connection)
        finally:
            source.close()


def restore_media(backup: Backup, media_root: Path) -> None:
    """Unpacks the uploaded files; files in `media_root` the backup lacks stay."""
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(backup.media, mode="r:gz") as tar:
        # The "data" filter refuses absolute paths, links out of the folder and devices.
        tar.extractall(media_root, filter="data")


def differences(backup: Backup, target) -> list[str]:
    """Where the target's tables differ from the manifest's row counts and key checksums."""
    expected, found = backup.manifest["tables"], table_summary(target)
    lines = [f"{table}: missing" for table in sorted(expected.keys() - found.keys())]
    lines += [f"{table}: not in the backup" for table in sorted(found.keys() - expected.keys())]
    for table in sorted(expected.keys() & found.keys()):
        if found[table]["rows"] != expected[table]["rows"]:
            lines.append(
                f"{table}: {found[table]['rows']} rows, the backup has {expected[table]['rows']}"
            )
        elif found[table]["key_checksum"] != expected[table]["key_checksum"]:
            lines.append(f"{table}: the primary keys differ from the backup's")
    return lines
