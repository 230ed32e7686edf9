"""Opening, migrating and refusing databases."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app import paths
from app.models import Base, Enterprise
from app.models.database import CorruptDatabaseError, NewerSchemaError, make_engine, open_database
from app.models.migrate import head_revision, upgrade
from app.services.station.profiles import list_backups, open_profile, restore_backup_as_profile


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migration_from_empty_matches_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.db")
    with engine.begin() as connection:
        upgrade(connection)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_new_profile_uses_wal_and_foreign_keys(db) -> None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert db.path == paths.database_file("default")


def test_corrupt_file_is_refused_and_untouched(station_home: Path) -> None:
    path = paths.database_file("default")
    path.write_bytes(b"this is not a database" * 100)
    before = _digest(path)
    with pytest.raises(CorruptDatabaseError) as info:
        open_profile("default")
    assert "损坏" in info.value.user_message
    assert _digest(path) == before
    assert not any(p.name.startswith("station.db-") for p in path.parent.iterdir())

def test_truncated_sqlite_file_is_refused(station_home: Path) -> None:
    db = open_profile("default")
    with db.begin() as session:
        session.add(Enterprise(name="测试企业"))
    db.dispose()
    path = paths.database_file("default")
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x00" * 50 + data[150:])  # smash the page-1 header area
    before = _digest(path)
    with pytest.raises(CorruptDatabaseError):
        open_profile("default")
    assert _digest(path) == before


def test_newer_schema_is_refused_and_untouched(station_home: Path) -> None:
    db = open_profile("default")
    db.dispose()
    path = paths.database_file("default")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = _digest(path)
    with pytest.raises(NewerSchemaError) as info:
        open_profile("default")
    assert "更新版本" in info.value.user_message
    assert _digest(path) == before


def test_restore_backup_into_new_profile_leaves_original(station_home: Path, tmp_path: Path) -> None:
    db = open_profile("default")
    with db.begin() as session:
        session.add(Enterprise(name="备份里的企业"))
    from app.models.database import backup_file

    backup = backup_file(db.path, paths.backups_dir("default"), "manual")
    db.dispose()
    paths.database_file("default").write_bytes(b"garbage")
    assert list_backups("default") == [backup]
    name = restore_backup_as_profile(backup)
    restored = open_profile(name)
    with restored.begin() as session:
        assert session.query(Enterprise).one().name == "备份里的企业"
    restored.dispose()
    assert paths.database_file("default").read_bytes() == b"garbage"


def test_open_database_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    open_database(path).dispose()
    db = open_database(path)
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
    db.dispose()


def test_revision_ids_are_their_file_prefixes() -> None:
    """Start-up decides 'up to date / older / newer' from file names (app.models.migrate)."""
    from alembic.script import ScriptDirectory

    from app.models.migrate import alembic_config, head_revision, known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    revisions = {rev.revision: rev for rev in script.walk_revisions()}
    assert set(revisions) == set(known_revisions())
    assert script.get_current_head() == head_revision()
    for rev_id, rev in revisions.items():
        assert Path(rev.path).name.startswith(rev_id + "_")
