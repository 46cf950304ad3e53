"""Backups: `backup_portal` writes one, `restore_portal` restores and verifies it.

The restore drill restores into a scratch database (a second database on the test server,
or a second SQLite file) and reads a counselling request back with the key. Every test is
transactional: pg_dump, a separate process, sees only committed rows.
"""

import json
import stat
import subprocess
import sys
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

import dj_database_url
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from counselling.models import CounsellingRequest
from ki_portal.backups import open_database
from tests.factories import MINIMAL_PDF, CounsellingRequestFactory, DocumentFactory

ROOT = Path(__file__).resolve().parent.parent
MESSAGE = "Mein Vermieter droht mir, ich brauche Hilfe mit einem Brief."

pytestmark = pytest.mark.django_db(transaction=True)

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="only pg_restore keeps tables the backup lacks"
)


@pytest.fixture
def portal_data(media):
    """A field of work with an uploaded document, and one counselling request."""
    return {
        "document": DocumentFactory(),
        "request": CounsellingRequestFactory(name="Amal", message=MESSAGE),
    }


@pytest.fixture
def scratch_url(tmp_path):
    """The address of an empty second database: on the test server, or a SQLite file."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = "ki_portal_restore_drill"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {name}")
    database = connection.settings_dict
    yield (
        f"postgres://{database['USER']}:{database['PASSWORD']}"
        f"@{database['HOST']}:{database['PORT']}/{name}"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE {name} WITH (FORCE)")


def backup(tmp_path) -> tuple[Path, str]:
    out = StringIO()
    call_command("backup_portal", output=tmp_path / "backups", stdout=out)
    [directory] = (tmp_path / "backups").iterdir()
    return directory, out.getvalue()


def restore(directory: Path, *arguments: str) -> str:
    out = StringIO()
    call_command("restore_portal", str(directory), *arguments, stdout=out, stderr=out)
    return out.getvalue()


@contextmanager
def opened(url: str):
    database = open_database(dj_database_url.parse(url))
    try:
        yield database
    finally:
        database.close()


def query(url: str, sql: str, parameters: list) -> list[tuple]:
    with opened(url) as database, database.cursor() as cursor:
        cursor.execute(sql, parameters)
        return cursor.fetchall()


def test_restore_drill_restores_rows_files_and_a_readable_counselling_request(
    portal_data, tmp_path, scratch_url
):
    directory, _output = backup(tmp_path)
    restored_media = tmp_path / "restored-media"

    output = restore(directory, "--database-url", scratch_url, "--media-root", str(restored_media))

    manifest = json.loads((directory / "manifest.json").read_text())
    assert f"row counts and key checksums of all {len(manifest['tables'])} tables match" in output
    assert manifest["tables"]["counselling_counsellingrequest"]["rows"] == 1
    assert query(scratch_url, "SELECT COUNT(*) FROM fields_document", []) == [(1,)]
    assert (restored_media / portal_data["document"].file.name).read_bytes() == MINIMAL_PDF
    [(stored,)] = query(
        scratch_url,
        "SELECT message FROM counselling_counsellingrequest WHERE reference = %s",
        [portal_data["request"].reference],
    )
    field = CounsellingRequest._meta.get_field("message")
    assert MESSAGE not in stored
    assert field.from_db_value(stored, None, connection) == MESSAGE


def test_backup_is_readable_by_its_owner_only(portal_data, tmp_path):
    directory, _output = backup(tmp_path)

    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in directory.iterdir()}
    assert len(modes) == 3
    assert set(modes.values()) == {0o600}


def test_backup_reminds_that_the_encryption_key_is_kept_apart(portal_data, tmp_path):
    directory, output = backup(tmp_path)

    assert f"Backup written to {directory}" in output
    assert "KI_FIELD_ENCRYPTION_KEY) is NOT in this backup" in output
    assert "counselling requests in this backup cannot be read" in output


def test_manifest_holds_no_personal_data(portal_data, tmp_path):
    directory, _output = backup(tmp_path)

    manifest = (directory / "manifest.json").read_text()
    assert "Amal" not in manifest
    assert MESSAGE not in manifest
    assert portal_data["request"].contact_detail not in manifest
    assert json.loads(manifest)["migrations"]["counselling"].startswith("00")


def test_restore_refuses_a_database_that_is_not_empty(portal_data, tmp_path):
    directory, _output = backup(tmp_path)

    with pytest.raises(CommandError, match="The target database is not empty"):
        restore(directory, "--media-root", str(tmp_path / "restored-media"))


def test_restore_refuses_a_media_folder_that_is_not_empty(portal_data, tmp_path, scratch_url):
    directory, _output = backup(tmp_path)

    with pytest.raises(CommandError, match="media is not empty"):
        restore(directory, "--database-url", scratch_url)

    with opened(scratch_url) as database:
        assert database.introspection.table_names() == []


def test_replace_restores_over_an_earlier_restore(portal_data, tmp_path, scratch_url):
    directory, _output = backup(tmp_path)
    restore(directory, "--database-url", scratch_url, "--media-root", str(tmp_path / "first"))

    output = restore(
        directory,
        "--database-url",
        scratch_url,
        "--media-root",
        str(tmp_path / "first"),
        "--replace",
    )

    assert "match the backup" in output


@on_postgresql
def test_a_table_the_backup_lacks_fails_the_verification(portal_data, tmp_path, scratch_url):
    directory, _output = backup(tmp_path)
    restore(directory, "--database-url", scratch_url, "--media-root", str(tmp_path / "first"))
    with opened(scratch_url) as database, database.cursor() as cursor:
        cursor.execute("CREATE TABLE left_over (id integer)")

    with pytest.raises(CommandError, match="differs from the backup in 1 table"):
        restore(
            directory,
            "--database-url",
            scratch_url,
            "--media-root",
            str(tmp_path / "first"),
            "--replace",
        )


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda directory: (directory / "manifest.json").unlink(), "not a KI-Portal backup"),
        (lambda directory: (directory / "manifest.json").write_text("{}"), "backup format 1"),
        (lambda directory: (directory / "media.tar.gz").unlink(), "media.tar.gz is missing"),
        (
            lambda directory: next(directory.glob("database.*")).write_bytes(b"PGDMP tampered"),
            "does not match its checksum",
        ),
    ],
    ids=["no manifest", "foreign manifest", "missing file", "tampered dump"],
)
def test_a_damaged_backup_is_refused_before_anything_is_restored(
    portal_data, tmp_path, scratch_url, damage, message
):
    directory, _output = backup(tmp_path)
    damage(directory)

    with pytest.raises(CommandError, match=message):
        restore(directory, "--database-url", scratch_url, "--media-root", str(tmp_path / "m"))

    assert not (tmp_path / "m").exists()


def test_an_unreachable_database_is_reported(portal_data, tmp_path):
    directory, _output = backup(tmp_path)
    unreachable = (
        "postgres://portal@127.0.0.1:1/ki_portal"
        if connection.vendor == "postgresql"
        else f"sqlite:///{tmp_path / 'no-such-folder' / 'db.sqlite3'}"
    )

    with pytest.raises(CommandError, match="Cannot connect to the database"):
        restore(directory, "--database-url", unreachable)


def test_an_unknown_kind_of_database_url_is_reported(portal_data, tmp_path):
    directory, _output = backup(tmp_path)

    with pytest.raises(CommandError, match="--database-url cannot be used"):
        restore(directory, "--database-url", "mongodb://127.0.0.1/ki_portal")


def test_a_missing_backup_is_a_message_not_a_traceback(tmp_path):
    finished = subprocess.run(
        [sys.executable, "manage.py", "restore_portal", str(tmp_path / "nothing")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert finished.returncode == 1
    assert finished.stderr.startswith(f"CommandError: No backup at {tmp_path / 'nothing'}")
    assert "Traceback" not in finished.stderr
