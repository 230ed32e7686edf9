"""Set-based capture of a bulk INSERT (an Excel import): the same sync rows as the triggers.

A synced table's AFTER INSERT triggers (capture.py) run a trigger program per row: the
capture trigger `sync_<t>_ai` (tick the clock, an outbox row, for enterprise one `+`
field-clock row) and the hash trigger `sync_<t>_hi` (a sync_hash_delta row while the
table's figures are kept).  For 10,000 imported enterprises that was ~0.45 s of a 0.55 s
`executemany`, and a trigger whose WHEN is false still costs most of it (the program is
entered per row): a guard flag read by the WHEN clause saves less than half.  So inside
`inserts()` the two triggers are dropped, and afterwards a few INSERT … SELECT statements
over the new rows write what they would have written, then the triggers are put back from
their own stored SQL.

Decisions:
- All inside the caller's transaction (DDL is transactional in SQLite; a BEGIN is sent
  first if pysqlite has not opened one, or the DROP would commit on its own).  A killed
  process rolls the DROP back with the rows: the triggers are never missing from a
  committed database (tests/excel/test_import_kill.py).  On an exception the triggers
  are re-created at once too, in case a caller catches it and commits.
- The new rows are those with a rowid above the table's highest before the DROP (the
  write lock is held from the DROP on: nobody else inserts).  Their count must equal what
  the caller says it inserted, or the statement raises (and the transaction rolls back):
  SQLite picks a random rowid only past 2**63 - 1.  Only INSERTs belong in the window:
  an UPDATE of a new row there would be stamped before its insert.
- What is written equals the triggers' rows (tests/sync/test_bulk_capture.py, row by row):
  outbox rows in insert order (so `seq` in that order), the same tbl/row_id, and for
  enterprise a `+` stamp per row (INSERT OR REPLACE, as the trigger); hash-delta rows for
  live rows while sync_table_hash has the table.  HLCs: the trigger ticks the clock per
  row, `max(hlc + 1, now << 16)`; here it ticks once, `base = max(hlc + 1, now << 16)`,
  and the rows take base, base + 1, … in insert order, the clock ending at the last one.
  Both are strictly increasing in `seq`, above every earlier stamp, and leave the clock at
  the highest; only the wall-clock reading differs (once instead of per row).  With the
  clock ahead of the wall clock the trigger gives exactly these values.
- The set-based SQL replicates the triggers migration 0010 installed (frozen in
  app/migrations/triggers/r0010.py).  If the installed SQL differs (a later migration
  changed them), nothing is dropped: the triggers capture row by row as before, and
  `test_bulk_path_is_taken_on_the_head_schema` fails until this module is brought along.
- Below MIN_ROWS the per-row triggers are cheaper than the DDL and the schema reload.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from app.migrations.triggers import r0010
from app.sync.capture import ALL_FIELDS, TICK
from app.sync.protocol import SHARED, SYNCED_TABLES

MIN_ROWS = 100
_REPLICATED = {sql.split(" ", 3)[2]: sql for sql in r0010.TRIGGERS}  # trigger name → its SQL


def _names(table: str) -> tuple[str, str]:
    return f"sync_{table}_ai", f"sync_{table}_hi"


def replicable(conn: Connection, table: str) -> dict[str, str] | None:
    """The installed insert triggers of `table` (name → SQL, in creation order) when they are
    the ones this module replicates, else None."""
    if table not in SYNCED_TABLES or conn.dialect.name != "sqlite":
        return None
    wanted = _names(table)
    installed: dict[str, str] = {name: sql for name, sql in conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?) ORDER BY rowid", wanted)}
    if set(installed) != set(wanted) or any(installed[n] != _REPLICATED.get(n) for n in wanted):
        return None
    return installed


@contextmanager
def inserts(conn: Connection, table: str, expected: int) -> Iterator[None]:
    """Run `expected` INSERTs into `table` (and nothing else) inside this block, captured
    set-based after it (see the module docstring); row by row below MIN_ROWS or when the
    installed triggers are not the ones replicated here."""
    triggers = replicable(conn, table) if expected >= MIN_ROWS else None
    if triggers is None:
        yield
        return
    driver = conn.connection.driver_connection
    if not driver.in_transaction:  # type: ignore[union-attr]
        conn.exec_driver_sql("BEGIN")
    for name in triggers:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")
    mark = conn.exec_driver_sql(f"SELECT IFNULL(max(rowid), 0) FROM {table}").scalar_one()
    try:
        yield
        capture_new_rows(conn, table, mark, expected)
    finally:
        _put_back(conn, triggers)


def _put_back(conn: Connection, triggers: dict[str, str]) -> None:
    present = {r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?)", tuple(triggers))}
    for name, sql in triggers.items():
        if name not in present:  # present: SQLite already rolled the transaction (and the DROP) back
            conn.exec_driver_sql(sql)


def capture_new_rows(conn: Connection, table: str, mark: int, expected: int) -> None:
    """What `sync_<table>_ai` and `sync_<table>_hi` (r0010) would have written for the rows
    of `table` with a rowid above `mark`, in rowid order."""
    new = f"FROM {table} WHERE rowid > ? ORDER BY rowid"
    count = conn.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE rowid > ?", (mark,)).scalar_one()
    if count != expected:
        raise RuntimeError(f"bulk capture of {table}: {count} new rows, {expected} inserted")
    if not count:
        return
    applying = conn.exec_driver_sql("SELECT IFNULL((SELECT applying FROM sync_control WHERE id = 1), 0)").scalar_one()
    if applying == 0:
        conn.exec_driver_sql(TICK)
        base = conn.exec_driver_sql("SELECT hlc FROM sync_clock WHERE id = 1").scalar()
        # no clock row: the trigger's UPDATE ticks nothing and every row reads IFNULL(…, 0)
        start, step = (0, 0) if base is None else (int(base), 1)
        hlc = f"? + (row_number() OVER (ORDER BY rowid) - 1) * {step}"
        conn.exec_driver_sql(f"INSERT INTO sync_outbox(tbl, row_id, hlc) SELECT '{table}', id, {hlc} {new}",
                             (start, mark))
        if table in SHARED:
            conn.exec_driver_sql(
                "INSERT OR REPLACE INTO sync_field_clock(tbl, row_id, field, hlc) "
                f"SELECT '{table}', id, '{ALL_FIELDS}', {hlc} {new}", (start, mark))
        if step:
            conn.exec_driver_sql("UPDATE sync_clock SET hlc = ? WHERE id = 1", (start + count - 1,))
    conn.exec_driver_sql(
        f"INSERT INTO sync_hash_delta(tbl, row_id, version, sign) SELECT '{table}', id, version, 1 "
        f"FROM {table} WHERE rowid > ? AND deleted = 0 "
        f"AND EXISTS (SELECT 1 FROM sync_table_hash WHERE tbl = '{table}') ORDER BY rowid", (mark,))
