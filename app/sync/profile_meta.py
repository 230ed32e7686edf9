"""The profile_meta keys the sync client reads and writes, and the two SQL helpers for them.

The names are also read by app.services (enrolment_state, station_service), which keep
their own copies so the window's start-up path need not import app.sync;
tests/services/test_enrolment_state.py checks they stay equal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the profile menu reads these names while the window's frame paints, before SQLAlchemy
    from sqlalchemy import Connection

SERVER_KEY = "sync_server"
CODE_KEY = "sync_station_code"
STATION_KEY = "sync_station_id"
PERSISTED_KEY = "sync_token_persisted"
CA_KEY = "sync_ca_file"  # HQ's private CA, copied into the profile folder; relative to it
PROFILE_STATION_KEY = "station_id"  # app.services.station.identity.STATION_KEY
DEMO_KEY = "is_demo"  # app.services.station.identity.DEMO_KEY
MODE_KEY = "mode"  # "hq": an HQ desk profile (app.hqdesk.profile), never a station's
HQ_MODE = "hq"


def meta(conn: Connection, key: str) -> str | None:
    return conn.exec_driver_sql("SELECT value FROM profile_meta WHERE key = ?", (key,)).scalar()


def set_meta(conn: Connection, key: str, value: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO profile_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
