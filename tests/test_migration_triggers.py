"""Migrations carry their own trigger SQL (app/migrations/triggers), and the head migration's
triggers are exactly what app.sync.capture installs today: changing capture.py or the synced
columns without a new migration (tools/freeze_triggers.py) fails here."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import create_engine

from app.models import migrate
from app.sync import capture

VERSIONS = Path(__file__).resolve().parent.parent / "app" / "migrations" / "versions"
TRIGGERS = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"


def _migrated_triggers(path: Path, *, then_install: bool) -> list[tuple[str, str]]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            migrate.upgrade(conn, "head")
            if then_install:
                capture.install(conn)
            return [tuple(r) for r in conn.exec_driver_sql(TRIGGERS)]
    finally:
        engine.dispose()


def test_head_triggers_equal_what_capture_installs_now(tmp_path: Path) -> None:
    migrated = _migrated_triggers(tmp_path / "a.db", then_install=False)
    live = _migrated_triggers(tmp_path / "b.db", then_install=True)
    assert migrated, "the migrations installed no trigger"
    assert dict(migrated) == dict(live)


def test_migrations_import_no_live_sync_or_service_code() -> None:
    live = re.compile(r"^\s*(from|import)\s+app\.(sync|services|hq|reports|ui)\b", re.M)
    offenders = [p.name for p in VERSIONS.glob("*.py") if live.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
