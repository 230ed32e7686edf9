"""Profiles: one local database per folder (the station's own, the demo, restored copies)."""

from __future__ import annotations

import logging
import shutil
from datetime import datetime, timedelta
from pathlib import Path

from app import paths
from app.domain.periods import CHINA_TIME
from app.models.database import Database, backup_file, open_database, prune_backups

log = logging.getLogger(__name__)


def open_profile(name: str) -> Database:
    """Open a profile's database (created and migrated as needed).

    Raises app.models.database.DatabaseOpenError for a corrupt or newer file; the
    file is left exactly as it was.
    """
    return open_database(paths.database_file(name), paths.backups_dir(name))


def has_database(name: str) -> bool:
    path = paths.profiles_dir() / name / "station.db"
    return path.exists() and path.stat().st_size > 0


def list_backups(name: str) -> list[Path]:
    folder = paths.profiles_dir() / name / "backups"
    if not folder.exists():
        return []
    return sorted(folder.glob("*.db"), key=lambda p: p.stat().st_mtime, reverse=True)


def daily_backup(db: Database, name: str, keep: int) -> Path | None:
    """Back up once a day (call off the UI thread: a large file takes seconds)."""
    backups = list_backups(name)
    newest = datetime.fromtimestamp(backups[0].stat().st_mtime, CHINA_TIME) if backups else None
    if newest is not None and datetime.now(CHINA_TIME) - newest < timedelta(days=1):
        return None
    target = backup_file(db.path, paths.backups_dir(name), "daily")
    prune_backups(paths.backups_dir(name), keep)
    return target


def unused_profile_name(base: str) -> str:
    stamp = datetime.now(CHINA_TIME).strftime("%Y%m%d-%H%M%S")
    candidate = f"{base}-{stamp}"
    n = 1
    while (paths.profiles_dir() / candidate).exists():
        n += 1
        candidate = f"{base}-{stamp}-{n}"
    return candidate


def new_profile(base: str = "profile") -> str:
    name = unused_profile_name(base)
    paths.profile_dir(name)
    return name


def restore_backup_as_profile(backup: Path) -> str:
    """Copy a backup into a fresh profile; the damaged original is never overwritten."""
    name = unused_profile_name("restored")
    shutil.copy2(backup, paths.database_file(name))
    return name
