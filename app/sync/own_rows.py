"""A station's own reference rows (docs/sync-protocol.md, "A station's own reference rows").

Before it enrols, a station keeps its own policies, resident institutions and their
服务清单, experts and pick-lists, and its service records and demands point at them.
HQ publishes its reference rows with no `station_id`; the station's own carry its
station id (the services set it; enrolment stamps any that lack it, `mark_own`).  So
"own" is simply `station_id IS NOT NULL` in these tables, and the rule is that a sync
never takes them away: they are never queued for HQ, they are left out of the sanity
check (HQ cannot count what it never had) and a repair never retires them.  HQ can
adopt one by publishing a row with the same id: the pull then replaces it, with
`station_id` NULL, and the records keep their link.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Connection

# The `station` table is not here: the station's own row is its profile (it travels), and
# the other stations' rows are HQ's registry.
OWN_REFERENCE_TABLES: tuple[str, ...] = ("policy", "service_institution", "catalogue_entry", "expert", "pick_list_item")


def not_own_sql(tbl: str) -> str:
    """A WHERE condition (no leading AND) true for rows of `tbl` that are not the station's own."""
    return "station_id IS NULL" if tbl in OWN_REFERENCE_TABLES else "1 = 1"


def mark_own(conn: Connection, station_id: uuid.UUID) -> int:
    """Stamp every reference row without a station as this station's own; returns how many.

    Only for a profile that has never pulled from HQ (its first enrolment): then every
    reference row in it was entered here (a pick-list saved before the station existed has
    no station id).  Runs in the caller's transaction with capture off."""
    stamped = 0
    for tbl in OWN_REFERENCE_TABLES:
        stamped += conn.exec_driver_sql(f"UPDATE {tbl} SET station_id = ? WHERE station_id IS NULL", (station_id.hex,)).rowcount
    return stamped


def own_live_rows(conn: Connection) -> dict[str, list[tuple[str, int]]]:
    """(id as stored, version) of the station's own live reference rows, per table that has any."""
    found: dict[str, list[tuple[str, int]]] = {}
    for tbl in OWN_REFERENCE_TABLES:
        rows = conn.exec_driver_sql(f"SELECT id, version FROM {tbl} WHERE station_id IS NOT NULL AND deleted = 0").all()
        if rows:
            found[tbl] = [(str(r[0]), int(r[1])) for r in rows]
    return found
