"""Pull: apply a page of HQ rows and its cursor in one local transaction.

While a page is applied, `sync_control.applying = 1` (capture triggers stay silent)
and foreign keys are off: pages follow HQ's commit order, not parent-before-child,
so a child may arrive before its parent; the data is consistent again once the pull
reaches `done`.  `PRAGMA foreign_keys` is a no-op inside a transaction, so it is set
on the connection before BEGIN and restored after COMMIT/ROLLBACK.

A row that cannot be stored (app/sync/row_guard.py, or a constraint the database
enforces) never stops the pull: it goes to quarantine (app/sync/quarantine.py) with its
error, the rest of the page applies and the cursor moves on.  Each table's rows are
written in one savepoint; only when the database refuses that batch are its rows
written one savepoint each, to find the bad ones.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Connection, column, table
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DataError, IntegrityError, InterfaceError, ProgrammingError

from app.domain.messages import Msg
from app.sync import capture, quarantine, row_guard
from app.sync.client import ServerError
from app.sync.codec import codec, uuid_in
from app.sync.own_rows import not_own_sql
from app.sync.protocol import SHARED, SYNCED_TABLES
from app.sync.push import BASE_FIELD

MAIN_SCOPE = ""
BULK_PAGE = 500
BULK_CACHE_KB = 64 * 1024


def table_scope(tbl: str) -> str:
    return f"table:{tbl}"


@cache
def upsert_sql(tbl: str) -> str:
    """INSERT … ON CONFLICT(id) DO UPDATE, built by Core once per table; local-only
    columns are inserted with their default and never overwritten."""
    c = codec(tbl)
    target = table(tbl, *(column(name) for name in c.columns))
    stmt = sqlite_insert(target)
    stmt = stmt.values({name: None for name in c.columns}).on_conflict_do_update(
        index_elements=["id"],
        set_={n: stmt.excluded[n] for n in c.columns if n != "id" and n not in c.local_columns},
    )
    # positional "?" in column order, executed through the driver's executemany
    return str(stmt.compile(dialect=sqlite.dialect(paramstyle="qmark")))


def read_cursor(conn: Connection, scope: str) -> tuple[Any, bool] | None:
    row = conn.exec_driver_sql("SELECT cursor, done FROM sync_cursor WHERE scope = ?", (scope,)).first()
    if row is None:
        return None
    return (json.loads(row[0]) if row[0] else None), bool(row[1])


def write_cursor(conn: Connection, scope: str, cursor: Any, done: bool) -> None:
    conn.exec_driver_sql(
        "INSERT INTO sync_cursor(scope, cursor, done) VALUES (?, ?, ?) "
        "ON CONFLICT(scope) DO UPDATE SET cursor = excluded.cursor, done = excluded.done",
        (scope, json.dumps(cursor) if cursor is not None else None, int(done)),
    )


@dataclass
class Page:
    """Rows converted to storage tuples, per table, ready for executemany.  Built off the
    database (the engine does it on its fetch thread while the previous page is written)."""

    grouped: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    bases: list[tuple[str, str, str, int]] = field(default_factory=list)
    max_hlc: int = 0
    failed: list[quarantine.Failed] = field(default_factory=list)  # rows that cannot be stored

    @property
    def size(self) -> int:
        return sum(len(v) for v in self.grouped.values()) + len(self.failed)


def prepare(rows: list[Any]) -> Page:
    """Object rows (protocol 1) or array rows (protocol 2, protocol.ROW_ARRAY_HEAD), mixed
    freely; rows of tables this client does not know are skipped."""
    page = Page(defaultdict(list))
    grouped, objects, arrays = page.grouped, _converters(False), _converters(True)
    object_guards, array_guards = _guards(False), _guards(True)
    for row in rows:
        try:
            if row.__class__ is list:
                tbl, convert, guard = row[0], arrays.get(row[0]), array_guards.get(row[0])
            else:
                tbl = row["tbl"]
                convert, guard = objects.get(tbl), object_guards.get(tbl)
        except (IndexError, KeyError, TypeError):  # names no table (not even a row): nothing to store or keep
            continue
        if convert is None or guard is None:
            continue  # a table this client does not know yet
        try:  # the shared row rules first (what HQ would refuse), then the conversion to storage
            storable = guard(row)
            values = convert(row) if storable else ()
            top = _newest_stamp(row[5] if row.__class__ is list else row.get("field_hlc")) if tbl in SHARED else None
        except Exception:  # noqa: BLE001 — whatever HQ sent (a short array row, stamps that are not stamps): quarantined
            storable = False
        if not storable:
            raw = quarantine.as_object(tbl, row)
            page.failed.append(quarantine.failed(tbl, raw, row_guard.problem(tbl, raw)))
            continue
        grouped[tbl].append(values)
        if top is not None:
            row_id = row[1] if row.__class__ is list else row["id"]
            page.bases.append((tbl, uuid_in(row_id) or "", BASE_FIELD, top))
            page.max_hlc = max(page.max_hlc, top)
    return page


def _newest_stamp(stamps: Any) -> int | None:
    """The newest of a shared row's field stamps (None: it has none); ValueError when they are
    not stamps (HQ's are integers below 2**63: a bigint, and the station's clock takes the newest)."""
    if not stamps:
        return None
    if stamps.__class__ is not dict:
        raise ValueError("field stamps are not an object")
    newest, oldest = max(stamps.values()), min(stamps.values())  # TypeError on text beside numbers
    if newest.__class__ is not int or oldest.__class__ is not int or oldest < 0 or newest >= 1 << 63:
        raise ValueError("field stamps are not HLC integers")
    return newest


def rows_of(answer: dict[str, Any]) -> list[Any]:
    """A pull answer's rows; ServerError when they are not a list (the page is not applied)."""
    rows = answer.get("rows", [])
    if rows.__class__ is not list:
        raise ServerError("服务总站同步服务的回复无法识别，请稍后再试或联系服务总站。", f"rows: {type(rows).__name__}")
    return rows


@cache
def _guards(arrays: bool) -> dict[str, Callable[[Any], bool]]:
    return {t: row_guard.accepts(t, arrays) for t in SYNCED_TABLES}


@cache
def _converters(arrays: bool) -> dict[str, Callable[[Any], tuple[Any, ...]]]:
    return {t: codec(t).from_array if arrays else codec(t).to_storage for t in SYNCED_TABLES}


def apply_rows(conn: Connection, page: Page, seen: bool = False) -> int:
    """Upsert a page inside the caller's transaction; rows with queued local changes are
    skipped (ours is newer and goes to HQ first; HQ's merge comes back later).  Rows that
    cannot be stored go to quarantine; rows that apply leave it."""
    pending = {(t, r) for t, r in conn.exec_driver_sql("SELECT DISTINCT tbl, row_id FROM sync_outbox")}
    held = quarantine.any_kept(conn)
    failed = [f for f in page.failed if (f.tbl, f.row_id) not in pending] if pending else list(page.failed)
    applied = 0
    for tbl in SYNCED_TABLES:
        values = page.grouped.get(tbl)
        if not values:
            continue
        id_pos = codec(tbl).id_position
        if pending:
            values = [v for v in values if (tbl, v[id_pos]) not in pending]
            if not values:
                continue
        values, refused = _upsert(conn, tbl, values, page)
        failed += refused
        if seen:
            conn.exec_driver_sql("INSERT OR IGNORE INTO temp.sync_seen(id) VALUES (?)", [(v[id_pos],) for v in values])
        if held:
            quarantine.release(conn, tbl, [v[id_pos] for v in values])
        applied += len(values)
    applied += _apply_failed(conn, failed, seen)
    bad = {(f.tbl, f.row_id) for f in failed}
    bases = [b for b in page.bases if (b[0], b[1]) not in pending and (b[0], b[1]) not in bad]
    if bases:
        conn.exec_driver_sql("INSERT OR REPLACE INTO sync_field_clock(tbl, row_id, field, hlc) VALUES (?, ?, ?, ?)", bases)
    return applied


# What the database says about a row it will not store.  Not OperationalError: a full disk
# or a locked file is no fault of the row, and must stop the sync rather than fill the quarantine.
_ROW_REFUSED = (IntegrityError, InterfaceError, ProgrammingError, DataError, OverflowError)


def _upsert(conn: Connection, tbl: str, values: list[tuple[Any, ...]], page: Page
            ) -> tuple[list[tuple[Any, ...]], list[quarantine.Failed]]:
    """(rows stored, rows refused).  One savepoint for the batch; one per row only if it fails."""
    try:
        with conn.begin_nested():
            conn.exec_driver_sql(upsert_sql(tbl), values)
        return values, []
    except _ROW_REFUSED:
        pass
    stored, refused = [], []
    to_wire, id_pos = codec(tbl).to_wire, codec(tbl).id_position
    for v in values:
        try:
            with conn.begin_nested():
                conn.exec_driver_sql(upsert_sql(tbl), v)
            stored.append(v)
        except _ROW_REFUSED as exc:
            raw = to_wire(v)
            top = [b[3] for b in page.bases if b[0] == tbl and b[1] == v[id_pos]]
            if top:
                raw["field_hlc"] = {BASE_FIELD: top[0]}
            detail = str(getattr(exc, "orig", exc))
            refused.append(quarantine.Failed(tbl, v[id_pos], Msg("%1 表的这一行无法保存到本机（%2）。%3", tbl, detail, row_guard.ROW_ERROR_ADVICE), raw))
    return stored, refused


def _apply_failed(conn: Connection, failed: list[quarantine.Failed], seen: bool) -> int:
    """Quarantine what failed.  A tombstone whose data is bad still deletes: only its
    `deleted` and `version` matter here.  Returns the tombstones applied."""
    # (only a tombstone whose id, version and flag are well formed: the rest is kept as it is)
    tombstones: list[quarantine.Failed] = []
    kept: list[quarantine.Failed] = []
    for f in failed:
        (tombstones if f.deleted and row_guard.envelope_ok(f.raw) else kept).append(f)
    for f in tombstones:
        conn.exec_driver_sql(f"UPDATE {f.tbl} SET deleted = 1, version = ? WHERE id = ?", (int(f.raw["version"]), f.row_id))
        quarantine.release(conn, f.tbl, [f.row_id])
    quarantine.keep(conn, kept)
    if seen and kept:  # HQ has the row: a repair must not retire our older copy of it
        conn.exec_driver_sql("INSERT OR IGNORE INTO temp.sync_seen(id) VALUES (?)", [(f.row_id,) for f in kept])
    return len(tombstones)


def apply_page(
    conn: Connection,
    scope: str | None,
    rows: Page | list[dict[str, Any]],
    cursor: Any,
    done: bool,
    *,
    seen: bool = False,
    cursor_apart: bool = False,
    between: Callable[[], None] | None = None,
) -> int:
    """Rows and cursor in one transaction (`scope` None: rows only, a quarantine retry).
    `cursor_apart` is the broken variant (cursor committed first, page after; `between`
    runs in the gap) kept only for tests."""
    page = rows if isinstance(rows, Page) else prepare(rows)
    conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
    if page.size >= BULK_PAGE:  # index pages of a growing table stay in memory (default is 2 MB)
        conn.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KB}")
    conn.commit()
    try:
        if cursor_apart and scope is not None:
            with conn.begin():
                write_cursor(conn, scope, cursor, done)
            if between is not None:
                between()
        with conn.begin():
            conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
            # Even silent (WHEN false) triggers cost ~40% of a bulk upsert: for a big page
            # they are dropped and re-created inside this transaction.  No other connection
            # can write meanwhile, and a crash rolls the DDL back with the page.
            bulk = [t for t, v in page.grouped.items() if v] if page.size >= BULK_PAGE else []
            # likewise the hash triggers of tables without kept figures (a bootstrap), which are silent
            kept = {r[0] for r in conn.exec_driver_sql("SELECT tbl FROM sync_table_hash")} if bulk else set()
            unkept = [t for t in bulk if t not in kept]
            capture.drop(conn, bulk)
            capture.drop_hash(conn, unkept)
            applied = apply_rows(conn, page, seen)
            capture.create(conn, bulk)
            capture.create_hash(conn, unkept)
            if page.max_hlc:
                conn.exec_driver_sql("UPDATE sync_clock SET hlc = max(hlc, ?) WHERE id = 1", (page.max_hlc,))
            if not cursor_apart and scope is not None:
                if between is not None:
                    between()
                write_cursor(conn, scope, cursor, done)
            conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")
        return applied
    finally:
        if conn.in_transaction():
            conn.rollback()
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        conn.commit()


def retry_quarantined(conn: Connection, *, stale_only: bool) -> tuple[int, int]:
    """Apply quarantined rows again: all of them, or (`stale_only`) those that failed under
    another app version (an upgrade may store them now).  Returns (applied, still kept).
    `conn` must have no transaction open."""
    rows = quarantine.kept_rows(conn, stale_only=stale_only)
    conn.rollback()
    applied = apply_page(conn, None, prepare(rows), None, False) if rows else 0
    still = conn.exec_driver_sql("SELECT count(*) FROM sync_quarantine").scalar_one()
    conn.rollback()
    return applied, int(still)


def retire_unseen(conn: Connection, tbl: str) -> int:
    """After a full re-pull of one table: live local rows HQ did not send (and we have
    not queued) are marked deleted without capture, so the station equals HQ again.
    The station's own reference rows are never HQ's to send and stay (app/sync/own_rows.py).
    Quarantined rows of the table HQ no longer sent are gone at HQ: dropped too."""
    with conn.begin():
        conn.exec_driver_sql(
            "DELETE FROM sync_quarantine WHERE tbl = ? AND row_id NOT IN (SELECT id FROM temp.sync_seen)", (tbl,)
        )
        conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
        result = conn.exec_driver_sql(
            f"UPDATE {tbl} SET deleted = 1 WHERE deleted = 0 AND id NOT IN (SELECT id FROM temp.sync_seen) "
            f"AND id NOT IN (SELECT row_id FROM sync_outbox WHERE tbl = ?) AND {not_own_sql(tbl)}",
            (tbl,),
        )
        conn.exec_driver_sql("DELETE FROM temp.sync_seen")
        conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")
        return result.rowcount
