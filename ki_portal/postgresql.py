"""Where the PostgreSQL programs are: pg_dump and pg_restore for backups, initdb and pg_ctl
for the test suite's throw-away server (`tests/postgres.py`).

Imports nothing of Django: the test plugin needs it before the settings are read.
"""

import glob
import shutil
from pathlib import Path


def find_program(name: str) -> str | None:
    """The program on PATH, else the one of the newest version Debian installed."""
    found = shutil.which(name)
    if found:
        return found
    # Debian keeps the server binaries, and with several versions installed the newer
    # clients, in /usr/lib/postgresql/<major>/bin, off PATH.
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda path: int(Path(path).parts[-3]),
    )
    return candidates[-1] if candidates else None
