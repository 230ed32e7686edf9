"""Enrolment's local half: the profile takes HQ's station identity in one transaction
(docs/sync-protocol.md, "Station id").

`refuse_other_station` keeps a profile holding one station's work from becoming another;
`adopt_station` rewrites the local station id to HQ's, takes HQ's code, name and district
(creating the station row when the profile has none), keeps the station's own reference
rows as its own (app/sync/own_rows.py) and queues what the station may write.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, insert

from app.domain.messages import Msg
from app.models import Station
from app.sync.capture import merged_fields
from app.sync.client import SyncError
from app.sync.own_rows import mark_own
from app.sync.profile_meta import (
    CODE_KEY,
    DEMO_KEY,
    PROFILE_STATION_KEY,
    STATION_KEY,
    meta,
    set_meta,
)
from app.sync.protocol import SHARED, STATION_OWNED, SYNCED_TABLES


def refuse_other_station(conn: Connection, station_id: uuid.UUID, station_code: str) -> None:
    """Refuse to enrol a profile already enrolled as ANOTHER HQ station that holds work.

    Adopting HQ's station row is right for a profile set up offline (its own id and code
    were made up locally, HQ's are authoritative).  But a profile already enrolled as
    station A that holds A's records must not become station B: adopt_station would
    relabel A's service records as B's and push them to HQ under B.  Such a profile
    keeps its link; the user opens a new profile for B (or uses A's code).
    """
    previous = meta(conn, STATION_KEY)
    if previous is None or previous == str(station_id):
        return
    old = uuid.UUID(previous).hex
    for tbl in STATION_OWNED:
        if conn.exec_driver_sql(f"SELECT 1 FROM {tbl} WHERE station_id = ? LIMIT 1", (old,)).first() is not None:
            code = meta(conn, CODE_KEY) or ""
            raise SyncError(
                Msg("本档案已登记为服务总站的另一个服务站（%1），并且已有该站的工作记录，不能改登记为“%2”。请为新站点新建一个档案再登记；如果登记码发错了，请联系服务总站重新发放本站的登记码。", code, station_code)
            )


def adopt_station(conn: Connection, station_id: uuid.UUID, *, queue_everything: bool, code: str = "",
                  name: str = "", district: str = "") -> str | None:
    """Make HQ's station id this profile's (docs/sync-protocol.md, "Station id"), and
    HQ's code, name and district its station row's; returns the local code replaced, if any.

    HQ's station registry is authoritative: a code typed at first-run setup that
    differs from HQ's would collide (UNIQUE station.code) with HQ's station list on the
    first pull, possibly with another station that really has that code.  Adopting HQ's
    row here, in the enrolment transaction, avoids that.  A profile with no station yet
    gets one from HQ's answer (issue 10, finding 10); the pull brings the rest HQ knows.

    On first enrolment every row the station may write is queued, so data entered before
    enrolment (or before capture existed) reaches HQ; the reference rows it entered stay
    its own (own_rows.mark_own).  Runs with capture off: the rewrite itself is not a
    change to sync, the queue is built explicitly.
    """
    new = station_id.hex
    never_enrolled = meta(conn, STATION_KEY) is None
    conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
    old_raw = meta(conn, PROFILE_STATION_KEY)
    old = uuid.UUID(old_raw).hex if old_raw else None
    if old and old != new:
        for tbl in SYNCED_TABLES:
            conn.exec_driver_sql(f"UPDATE {tbl} SET station_id = ? WHERE station_id = ?", (new, old))
        if conn.exec_driver_sql("SELECT 1 FROM station WHERE id = ?", (new,)).first() is None:
            conn.exec_driver_sql("UPDATE station SET id = ? WHERE id = ?", (new, old))
    renamed = None
    local_code = conn.exec_driver_sql("SELECT code FROM station WHERE id = ?", (new,)).scalar()
    created = local_code is None and bool(code)
    if created:
        _create_from_hq(conn, station_id, code, name, district)
    elif code and local_code is not None and local_code != code:
        # Another local station row holding HQ's code can only come from an earlier pull; it is
        # HQ reference data and UNIQUE(code) counts tombstones too, so it goes, and the bootstrap
        # that follows a new station id (sync_cursor is cleared below) brings HQ's copy back.
        conn.exec_driver_sql("DELETE FROM station WHERE code = ? AND id != ?", (code, new))
        conn.exec_driver_sql("UPDATE station SET code = ? WHERE id = ?", (code, new))
        renamed = local_code
    if local_code is not None and (name or district):
        conn.exec_driver_sql(
            "UPDATE station SET name = coalesce(nullif(?, ''), name), district = coalesce(nullif(?, ''), district) WHERE id = ?",
            (name, district, new),
        )
    set_meta(conn, PROFILE_STATION_KEY, str(station_id))
    if queue_everything:
        if never_enrolled:  # nothing was ever pulled: every reference row here was entered here
            mark_own(conn, station_id)
        _queue_everything(conn, new, station_row=not created)
    conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")
    return renamed


def _create_from_hq(conn: Connection, station_id: uuid.UUID, code: str, name: str, district: str) -> None:
    """The station row of a profile enrolled before it was set up: HQ's identity.  Its profile
    facts stay empty here and are not queued: HQ's copy (with what HQ knows of them) comes
    with the first pull, and an empty copy pushed first would overwrite it."""
    conn.exec_driver_sql("DELETE FROM station WHERE code = ? AND id != ?", (code, station_id.hex))  # an earlier pull's copy
    conn.execute(insert(Station).values(id=station_id, station_id=station_id, code=code, name=name or code,
                                                   district=district))
    if meta(conn, DEMO_KEY) is None:
        set_meta(conn, DEMO_KEY, "0")


def _queue_everything(conn: Connection, new: str, *, station_row: bool) -> None:
    for tbl in ("sync_outbox", "sync_push_batch", "sync_field_clock", "sync_cursor"):
        conn.exec_driver_sql(f"DELETE FROM {tbl}")
    conn.exec_driver_sql(
        "UPDATE sync_clock SET hlc = max(hlc + 1, "
        "(CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER) + offset_ms) << 16) WHERE id = 1"
    )
    hlc = conn.exec_driver_sql("SELECT hlc FROM sync_clock WHERE id = 1").scalar_one()
    for tbl in SHARED + STATION_OWNED:
        where = "" if tbl in SHARED else " WHERE station_id = ?"
        conn.exec_driver_sql(
            f"INSERT INTO sync_outbox(tbl, row_id, hlc) SELECT ?, id, ? FROM {tbl}{where} ORDER BY id",
            (tbl, hlc, new) if where else (tbl, hlc),
        )
    if station_row:  # the station's own row: the profile facts it reports (app.hq.owned.apply_station_profile)
        conn.exec_driver_sql("INSERT INTO sync_outbox(tbl, row_id, hlc) SELECT 'station', id, ? FROM station WHERE id = ?", (hlc, new))
    for tbl in SHARED:
        columns = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({tbl})")]
        values = ", ".join(f"('{f}')" for f in merged_fields(tbl, columns))
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO sync_field_clock(tbl, row_id, field, hlc) "
            f"SELECT ?, t.id, f.column1, ? FROM {tbl} AS t, (VALUES {values}) AS f",
            (tbl, hlc),
        )
