"""Quarantine: pulled rows this station could not store, kept apart so the pull goes on.

A row fails (app/sync/row_guard.py, or the database refuses it) → `sync_quarantine`
keeps it as an object wire row with its error; the rest of its page applies and the
cursor moves past it.  Any later version of the row that applies takes it out.  Entries
are retried (app/sync/pull.py `retry_quarantined`) when the app version changed since
they failed, and when the user asks on the 同步 page.

The count-and-hash check must not repair a quarantined row forever: see
app/sync/check.py `with_quarantine`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from app import __version__
from app.sync.codec import codec, uuid_in, uuid_out

APP_VERSION = __version__
_NOW = "strftime('%Y-%m-%d %H:%M:%f000', 'now')"


@dataclass(frozen=True)
class Failed:
    """A pulled row that cannot be stored: `raw` is its object wire row."""

    tbl: str
    row_id: str  # as stored: 32 hex
    error: str
    raw: dict[str, Any]

    @property
    def deleted(self) -> bool:
        return bool(self.raw.get("deleted"))


def as_object(tbl: str, row: Any) -> dict[str, Any]:
    """An object wire row, from an array row (protocol 2) or an object row, so a later
    version of the app (asking for other columns) can still read what was kept."""
    if row.__class__ is not list:
        return dict(row)
    head = [*row[:7], *[None] * (7 - len(row))]  # a row cut short: what is missing is None
    absent = {a for a in head[6] if a.__class__ is str} if head[6].__class__ is list else set()
    wanted = codec(tbl).data_columns
    data = {name: row[7 + j] for j, name in enumerate(wanted) if name not in absent and 7 + j < len(row)}
    return {"tbl": tbl, "id": head[1], "station_id": head[2], "version": head[3], "deleted": head[4],
            "field_hlc": head[5], "data": data}


def failed(tbl: str, row: Any, error: str) -> Failed:
    raw = as_object(tbl, row)
    return Failed(tbl, row_key(raw.get("id")), error, raw)


def row_key(row_id: Any) -> str:
    """A failed row's `row_id`: its id as stored (32 hex), or, when that is no uuid, its text as
    sent (at most 100 characters), so that two such rows are two entries."""
    if row_id.__class__ is str:
        try:
            return uuid_in(row_id) or ""
        except ValueError:
            pass
    return str(row_id)[:100]


def keep(conn: Connection, rows: list[Failed]) -> None:
    """Record (or refresh: error, row, last seen, attempts + 1) inside the caller's transaction."""
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO sync_quarantine(tbl, row_id, error, raw, first_seen, last_seen, attempts, app_version) "
            f"VALUES (?, ?, ?, ?, {_NOW}, {_NOW}, 1, ?) ON CONFLICT(tbl, row_id) DO UPDATE SET "
            "error = excluded.error, raw = excluded.raw, last_seen = excluded.last_seen, "
            "attempts = sync_quarantine.attempts + 1, app_version = excluded.app_version",
            [(f.tbl, f.row_id, f.error, json.dumps(f.raw, ensure_ascii=False), APP_VERSION) for f in rows],
        )


def any_kept(conn: Connection) -> bool:
    return conn.exec_driver_sql("SELECT 1 FROM sync_quarantine LIMIT 1").first() is not None


def release(conn: Connection, tbl: str, row_ids: list[str]) -> None:
    """These rows applied: out of quarantine."""
    conn.exec_driver_sql("DELETE FROM sync_quarantine WHERE tbl = ? AND row_id = ?", [(tbl, r) for r in row_ids])


def kept_rows(conn: Connection, *, stale_only: bool) -> list[dict[str, Any]]:
    """Object wire rows to retry: all, or those that failed under another app version."""
    where = " WHERE app_version != ?" if stale_only else ""
    params = (APP_VERSION,) if stale_only else ()
    return [json.loads(r[0]) for r in conn.exec_driver_sql(f"SELECT raw FROM sync_quarantine{where} ORDER BY id", params)]


@dataclass(frozen=True)
class QuarantinedRow:
    """One entry as the 同步 page lists it."""

    tbl: str
    row_id: str  # canonical uuid text
    error: str
    attempts: int
    first_seen: str
    last_seen: str


def listed(conn: Connection, limit: int = 500) -> list[QuarantinedRow]:
    rows = conn.exec_driver_sql(
        "SELECT tbl, row_id, error, attempts, first_seen, last_seen FROM sync_quarantine ORDER BY id DESC LIMIT ?",
        (limit,),
    ).all()
    return [QuarantinedRow(t, (uuid_out(r) or r) if len(r) == 32 else r, e, int(a), f, last) for t, r, e, a, f, last in rows]
