"""What kind of profile a folder holds, read without opening it as a database (no migration,
no lock, no HTTP client or keyring imported): the profile menus and enrolment ask this.

"hq": made by enrolling an HQ desk user's code (profile_meta `mode=hq`, app.hqdesk.profile);
"station": a station, its enrolment, or demo data; "empty": nothing yet (may become either);
"other": not a usable profile (a damaged file, a file where the folder should be)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app import paths
from app.sync.profile_meta import CODE_KEY, DEMO_KEY, HQ_MODE, MODE_KEY, PROFILE_STATION_KEY, SERVER_KEY, STATION_KEY

__all__ = ["HQ_MODE", "MODE_KEY", "STATION_MARKS", "list_profiles", "meta_of_file", "profile_kind"]
# a profile holding any of these is a station's (or the demo's) and never becomes an HQ profile
STATION_MARKS = (SERVER_KEY, CODE_KEY, STATION_KEY, PROFILE_STATION_KEY, DEMO_KEY)


def meta_of_file(database: Path) -> dict[str, str] | None:
    """profile_meta of a profile's database read-only (no migration, no lock held), or None."""
    if not database.is_file() or database.stat().st_size == 0:
        return None
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=2) as conn:
            return dict(conn.execute("SELECT key, value FROM profile_meta").fetchall())
    except sqlite3.Error:
        return None  # an old or damaged file: never taken for an HQ profile


def profile_kind(name: str) -> str:
    """"hq", "station" (a station, its enrolment or demo data), "empty" (nothing yet: may
    become either), or "other" (the name is not a usable profile folder)."""
    folder = paths.profiles_dir() / name
    if folder.exists() and not folder.is_dir():
        return "other"
    database = folder / "station.db"
    found = meta_of_file(database)
    if found is None:
        return "empty" if not database.exists() or database.stat().st_size == 0 else "other"
    if found.get(MODE_KEY) == HQ_MODE:
        return "hq"
    if any(found.get(key) for key in STATION_MARKS) or name == paths.DEMO_PROFILE:
        return "station"
    return "empty"


def list_profiles() -> list[tuple[str, str]]:
    """(name, kind) of every profile folder with a database, by name."""
    folders = sorted(p for p in paths.profiles_dir().iterdir() if p.is_dir() and (p / "station.db").is_file())
    return [(folder.name, profile_kind(folder.name)) for folder in folders]
