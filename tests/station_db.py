"""A new station database, migrated once per test session and copied after that.

Alembic takes ~0.8 s to migrate an empty SQLite file to head, and most tests start from
one (the `db` fixture, `open_profile`, `open_database` of a new file, a sync test's
stations).  tests/conftest.py lets `open_database` copy a file the real migrations made at
the start of the session instead: SQLite's backup API writes it page for page into the
new, still empty database (the same bytes a migration leaves, see
tests/test_station_template.py), ~30 ms.

Only `open_database` of an empty file takes the copy.  A file at an older revision is
migrated for real, `app.models.migrate.upgrade` called directly (the migration tests) runs
Alembic, and so does a subprocess (`station-desk setup` in the command-line tests).
"""

from __future__ import annotations

import sqlite3
import types
from pathlib import Path
from typing import Any

from app.models import database, migrate


def migrated_template(path: Path) -> Path:
    """Make the template: a new file opened by the real `open_database` (Alembic to head)."""
    database.open_database(path).dispose()
    return path


def copying_migrate(template: Path) -> types.SimpleNamespace:
    """A stand-in for `app.models.migrate` as app/models/database.py uses it."""

    def upgrade(connection: Any, target: str = "head") -> None:
        raw = connection.connection.driver_connection
        empty = raw.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        if target != "head" or not empty or raw.in_transaction:
            migrate.upgrade(connection, target)
            return
        source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
        try:
            source.backup(raw)
        finally:
            source.close()

    return types.SimpleNamespace(
        upgrade=upgrade, head_revision=migrate.head_revision, known_revisions=migrate.known_revisions
    )
