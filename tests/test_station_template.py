"""The copied station database of tests/station_db.py is what Alembic makes of a new file.

Every test that opens a new station database gets the copy; if it ever differed from a real
migration (a migration that stamps the time or a random id, a pragma the copy loses), the
tests would be testing another database than the program's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.models import database, migrate

PRAGMAS = ("journal_mode", "page_size", "auto_vacuum", "encoding", "user_version", "application_id", "foreign_keys")


def _describe(path: Path) -> tuple[list[str], dict[str, object]]:
    db = database.open_database(path)
    try:
        raw = db.engine.raw_connection()
        try:
            conn = raw.driver_connection
            dump = list(conn.iterdump())
            pragmas = {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in PRAGMAS}
        finally:
            raw.close()
    finally:
        db.dispose()
    return dump, pragmas


def test_a_copied_new_database_equals_a_migrated_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert database.migrate is not migrate, "tests/conftest.py no longer copies new station databases"
    copied = _describe(tmp_path / "copied.db")
    monkeypatch.setattr(database, "migrate", migrate)
    migrated = _describe(tmp_path / "migrated.db")
    assert copied == migrated
    assert "CREATE TRIGGER" in "\n".join(copied[0]) and copied[1]["journal_mode"] == "wal"


def test_an_older_file_is_migrated_by_alembic_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = database.make_engine(path)
    with engine.begin() as connection:
        migrate.upgrade(connection, "0009")
        connection.exec_driver_sql("INSERT INTO profile_meta (key, value) VALUES ('kept', 'yes')")
    engine.dispose()
    dump, _ = _describe(path)
    assert f"INSERT INTO \"alembic_version\" VALUES('{migrate.head_revision()}');" in dump
    assert "INSERT INTO \"profile_meta\" VALUES('kept','yes');" in dump
