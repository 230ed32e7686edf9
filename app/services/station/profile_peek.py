"""A read-only look at a profile before SQLAlchemy is imported: is it a station window to open,
and which station?  The window's frame is painted from this; the database is opened (checked,
migrated if need be) behind the paint (issue 14: SQLAlchemy, its ORM and the models cost
3–4× a bare window's whole first paint).

The answer is a station only when the full start would open that station's window straight
away: the schema is at this program's head revision (nothing to migrate or refuse), the profile
is not an HQ desk profile, and its station is set up.  Anything else — no file, a damaged or
unexpected one, an older or newer schema, HQ mode, the first-run wizard, a locked file — is
None, and the caller takes the full path, which decides as it always has.

Plain `sqlite3` in `mode=ro`: nothing is ever written.  The keys are those of
app.services.station.identity and enrolment_state (tests/services/test_profile_peek.py holds
them equal); importing those modules would import the ORM.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from pathlib import Path

from app.migrations.revisions import head_revision
from app.services.station.station_info import StationInfo

log = logging.getLogger(__name__)

STATION_KEY = "station_id"  # identity.STATION_KEY
DEMO_KEY = "is_demo"  # identity.DEMO_KEY
MODE_KEY = "mode"  # enrolment_state.MODE_KEY
HQ_MODE = "hq"  # enrolment_state.HQ_MODE
_COLUMNS = "code, name, district, host_organisation, address, phone"


def peek_station(database: Path) -> StationInfo | None:
    """The station whose window the full start would open for `database`, or None when the
    plain read cannot say so (see the module's docstring).  Never raises for a bad file."""
    try:
        if not database.is_file() or database.stat().st_size == 0:
            return None
        # timeout: a profile held by a writer (another Station Desk, a sync) must not stall the paint
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
        try:
            return _read(conn)
        finally:
            conn.close()
    except (OSError, sqlite3.Error, ValueError) as exc:
        log.info("first paint without the plain read of %s: %s", database, exc)
        return None


def _read(conn: sqlite3.Connection) -> StationInfo | None:
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    if revision != [(head_revision(),)]:
        return None  # to migrate, newer than this program, or not ours: the full open decides
    meta = dict(conn.execute("SELECT key, value FROM profile_meta").fetchall())
    if meta.get(MODE_KEY) == HQ_MODE or not meta.get(STATION_KEY):
        return None  # HQ mode, or the first-run wizard (or demo data to generate)
    station_id = uuid.UUID(meta[STATION_KEY])
    # SQLAlchemy's Uuid keeps a UUID on SQLite as 32 hex digits (app/models/base.py)
    row = conn.execute(f"SELECT {_COLUMNS} FROM station WHERE id = ?", (station_id.hex,)).fetchone()
    if row is None or not all(isinstance(value, str) for value in row):
        return None
    code, name, district, host_organisation, address, phone = row
    return StationInfo(station_id, code, name, district, host_organisation, address, phone, meta.get(DEMO_KEY) == "1")
