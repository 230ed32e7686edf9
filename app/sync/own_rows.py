"""A station's own reference rows (docs/sync-protocol.md, "A station's own reference rows").

Before it enrols, a station keeps its own policies, resident institutions and their
服务清单, experts and pick-lists, and its service records and demands point at them.
At its first enrolment they are recorded as its own (`mark_own`): stamped with its
station id (HQ publishes its rows with none) and listed in profile_meta (OWN_KEY), so a
reference row written later, bypassing the services, is still HQ's to correct.  A row is
the station's own while it is in that list AND has a station id, and a sync never takes it
away: it is never queued for HQ, it is left out of the sanity check (HQ cannot count what
it never had) and a repair never retires it.  HQ can adopt one by publishing a row with
the same id: the pull then replaces it, with `station_id` NULL, and the records keep their link.
"""

from __future__ import annotations

import json
import uuid

from sqlalchemy import Connection

from app.sync.profile_meta import set_meta

# The `station` table is not here: the station's own row is its profile (it travels), and
# the other stations' rows are HQ's registry.
OWN_REFERENCE_TABLES: tuple[str, ...] = ("policy", "service_institution", "catalogue_entry", "expert", "pick_list_item")
OWN_KEY = "sync_own_reference_rows"  # profile_meta: {"tbl": [id as stored, ...]}, written once by mark_own


def _own_sql(tbl: str) -> str:
    listed = f"SELECT value FROM json_each((SELECT value FROM profile_meta WHERE key = '{OWN_KEY}'), '$.{tbl}')"
    return f"(station_id IS NOT NULL AND id IN ({listed}))"


def not_own_sql(tbl: str) -> str:
    """A WHERE condition (no leading AND) true for rows of `tbl` that are not the station's own."""
    return f"NOT {_own_sql(tbl)}" if tbl in OWN_REFERENCE_TABLES else "1 = 1"


def mark_own(conn: Connection, station_id: uuid.UUID) -> int:
    """Record every reference row in the profile as this station's own; returns how many.

    Only for a profile that has never pulled from HQ (its first enrolment): then every
    reference row in it was entered here (a pick-list saved before the station existed, or a
    row an older version wrote, has no station id: it gets this one).  Runs in the caller's
    transaction with capture off."""
    own: dict[str, list[str]] = {}
    for tbl in OWN_REFERENCE_TABLES:
        conn.exec_driver_sql(f"UPDATE {tbl} SET station_id = ? WHERE station_id IS NULL", (station_id.hex,))
        ids = [str(r[0]) for r in conn.exec_driver_sql(f"SELECT id FROM {tbl} ORDER BY id")]
        if ids:
            own[tbl] = ids
    set_meta(conn, OWN_KEY, json.dumps(own, separators=(",", ":")))
    return sum(len(ids) for ids in own.values())


def own_live_rows(conn: Connection) -> dict[str, list[tuple[str, int]]]:
    """(id as stored, version) of the station's own live reference rows, per table that has any."""
    found: dict[str, list[tuple[str, int]]] = {}
    for tbl in OWN_REFERENCE_TABLES:
        rows = conn.exec_driver_sql(f"SELECT id, version FROM {tbl} WHERE deleted = 0 AND {_own_sql(tbl)}").all()
        if rows:
            found[tbl] = [(str(r[0]), int(r[1])) for r in rows]
    return found
