"""Change capture: the SQLite triggers that feed `sync_outbox` (docs/sync-protocol.md).

One source for the DDL: migration 0003 calls `install()`, and so must any later
migration that adds or renames a column of a synced table (the triggers list columns
by name; `install()` reads them from the live schema, so re-running it is enough).

Decisions:
- Triggers, not ORM events: bulk Core statements, raw SQL and migrations are captured too.
- Nothing is captured while `sync_control.applying = 1` (pulled rows must not echo).
- `version` must grow with every local change or the (id, version) sanity hash cannot
  see it.  The ORM and Core `update()` bump it through the column's `onupdate`; raw SQL
  does not, so the UPDATE trigger bumps it (and `updated_at`) when the statement left
  both untouched.  The nested UPDATE does not re-fire the same trigger
  (recursive_triggers is off), so one edit makes one outbox entry.
- Edits of local-only columns (policy.local_note) are neither captured nor versioned:
  a second trigger puts `version`/`updated_at` back, so the station's version keeps
  matching HQ's.
- A new enterprise stamps all its merged fields at once with ONE `sync_field_clock` row,
  field ALL_FIELDS, instead of one row per field (19): an import of 10,000 rows wrote
  200,000 stamp rows, half of its insert time.  push.batch_rows expands it to every merged
  field, each taking the later of it and the field's own stamp; the clock only grows, so
  that is exactly the set of stamps the per-field rows held (tests/sync/test_capture.py).
- A bulk INSERT (an Excel import) is captured set-based instead, with the same rows
  (app/sync/bulk_capture.py): the insert triggers are dropped and put back inside its
  transaction.  A change to them needs that module brought along (its head-schema test fails).
- Sanity-check hash upkeep (docs/sync-protocol.md "Sanity check"): three more triggers per
  table log every change of a live row's (id, version) into `sync_hash_delta`, pulled
  rows included (they ignore `applying`), but only while the table has a
  `sync_table_hash` row; without one the table is "unknown" and the triggers are silent
  (a bootstrap deletes the rows and the check after it stores a full computation).
  Each statement logs exactly its own before/after difference, so nested updates (the
  version bump, the local-only reset) add up.  Plain SQL: no function to register.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import Connection

from app.sync.protocol import LOCAL_ONLY_COLUMNS, SHARED, SYNCED_TABLES

BOOKKEEPING = frozenset({"id", "station_id", "version", "created_at", "updated_at"})
_NOT_APPLYING = "IFNULL((SELECT applying FROM sync_control WHERE id = 1), 0) = 0"
# HLC = (ms << 16) | counter, ms = wall clock + offset to HQ; julianday keeps milliseconds
# on SQLite 3.40 (no unixepoch('subsec') before 3.42).
TICK = (
    "UPDATE sync_clock SET hlc = max(hlc + 1, "
    "(CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER) + offset_ms) << 16) WHERE id = 1;"
)
_HLC = "IFNULL((SELECT hlc FROM sync_clock WHERE id = 1), 0)"
# The text SQLAlchemy's DateTime stores on SQLite: 'YYYY-MM-DD HH:MM:SS.ffffff'.
_NOW_TEXT = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'"
# sync_field_clock field of a row inserted locally: every merged field stamped at this hlc
ALL_FIELDS = "+"


def merged_fields(table: str, columns: Iterable[str]) -> list[str]:
    """Columns that merge field by field (enterprise): all but the bookkeeping ones."""
    local = LOCAL_ONLY_COLUMNS.get(table, frozenset())
    return [c for c in columns if c not in BOOKKEEPING and c not in local]


def _changed(table: str, columns: Sequence[str]) -> str:
    fields = merged_fields(table, columns)
    return "(" + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in fields) + ")"


def trigger_names(table: str) -> list[str]:
    return [f"sync_{table}_ai", f"sync_{table}_au", f"sync_{table}_local"]


def hash_trigger_names(table: str) -> list[str]:
    return [f"sync_{table}_hi", f"sync_{table}_hu", f"sync_{table}_hd"]


def hash_trigger_ddl(table: str) -> list[str]:
    """Triggers logging live-row (id, version) changes of `table` into sync_hash_delta."""
    kept = f"EXISTS (SELECT 1 FROM sync_table_hash WHERE tbl = '{table}')"
    log = "INSERT INTO sync_hash_delta(tbl, row_id, version, sign) "
    return [
        (
            f"CREATE TRIGGER sync_{table}_hi AFTER INSERT ON {table} WHEN NEW.deleted = 0 AND {kept}\n"
            f"BEGIN\n{log}VALUES ('{table}', NEW.id, NEW.version, 1);\nEND"
        ),
        (
            f"CREATE TRIGGER sync_{table}_hu AFTER UPDATE OF id, version, deleted ON {table} "
            "WHEN (OLD.deleted = 0 OR NEW.deleted = 0) AND (OLD.id IS NOT NEW.id OR OLD.version IS NOT NEW.version "
            f"OR OLD.deleted IS NOT NEW.deleted) AND {kept}\n"
            f"BEGIN\n{log}SELECT '{table}', OLD.id, OLD.version, -1 WHERE OLD.deleted = 0;\n"
            f"{log}SELECT '{table}', NEW.id, NEW.version, 1 WHERE NEW.deleted = 0;\nEND"
        ),
        (
            f"CREATE TRIGGER sync_{table}_hd AFTER DELETE ON {table} WHEN OLD.deleted = 0 AND {kept}\n"
            f"BEGIN\n{log}VALUES ('{table}', OLD.id, OLD.version, -1);\nEND"
        ),
    ]


def drop_hash(connection: Connection, tables: Iterable[str] = SYNCED_TABLES) -> None:
    for table in tables:
        for name in hash_trigger_names(table):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def create_hash(connection: Connection, tables: Iterable[str]) -> None:
    for table, columns in live_columns(connection, tables).items():
        if columns:
            for statement in hash_trigger_ddl(table):
                connection.exec_driver_sql(statement)


def trigger_ddl(table: str, columns: Sequence[str]) -> list[str]:
    """CREATE TRIGGER statements for one synced table with these columns."""
    outbox = f"INSERT INTO sync_outbox(tbl, row_id, hlc) VALUES ('{table}', NEW.id, {_HLC});"
    stamp_all = stamp_changed = ""
    if table in SHARED:
        fields = merged_fields(table, columns)
        stamp_all = (
            "INSERT OR REPLACE INTO sync_field_clock(tbl, row_id, field, hlc) "
            f"VALUES ('{table}', NEW.id, '{ALL_FIELDS}', {_HLC});"
        )
        stamp_changed = "\n".join(
            "INSERT OR REPLACE INTO sync_field_clock(tbl, row_id, field, hlc) "
            f"SELECT '{table}', NEW.id, '{f}', {_HLC} WHERE OLD.{f} IS NOT NEW.{f};"
            for f in fields
        )
    bump = (
        f"UPDATE {table} SET version = OLD.version + 1, updated_at = CASE WHEN NEW.updated_at IS OLD.updated_at "
        f"THEN {_NOW_TEXT} ELSE NEW.updated_at END WHERE id = NEW.id AND NEW.version IS OLD.version;"
    )
    local = LOCAL_ONLY_COLUMNS.get(table)
    update_when = _NOT_APPLYING + (f" AND {_changed(table, columns)}" if local else "")
    ddl = [
        (
            f"CREATE TRIGGER sync_{table}_ai AFTER INSERT ON {table} WHEN {_NOT_APPLYING}\n"
            f"BEGIN\n{TICK}\n{outbox}\n{stamp_all}\nEND"
        ),
        (
            f"CREATE TRIGGER sync_{table}_au AFTER UPDATE ON {table} WHEN {update_when}\n"
            f"BEGIN\n{bump}\n{TICK}\n{outbox}\n{stamp_changed}\nEND"
        ),
    ]
    if local:
        # Only when a local column changed: the nested version bump above must not undo itself.
        local_changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in sorted(local))
        ddl.append(
            f"CREATE TRIGGER sync_{table}_local AFTER UPDATE ON {table} WHEN {_NOT_APPLYING} "
            f"AND NOT {_changed(table, columns)} AND ({local_changed}) "
            "AND (NEW.version IS NOT OLD.version OR NEW.updated_at IS NOT OLD.updated_at)\n"
            f"BEGIN\nUPDATE {table} SET version = OLD.version, updated_at = OLD.updated_at WHERE id = NEW.id;\nEND"
        )
    return ddl


def live_columns(connection: Connection, tables: Iterable[str] = SYNCED_TABLES) -> Mapping[str, list[str]]:
    return {t: [row[1] for row in connection.exec_driver_sql(f"PRAGMA table_info({t})")] for t in tables}


def drop(connection: Connection, tables: Iterable[str] = SYNCED_TABLES) -> None:
    for table in tables:
        for name in trigger_names(table):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def create(connection: Connection, tables: Iterable[str]) -> None:
    """Triggers for those of `tables` the schema has: an older migration (0003) calls this
    before a later one (0005) creates the tables it added to SYNCED_TABLES."""
    for table, columns in live_columns(connection, tables).items():
        if not columns:
            continue
        for statement in trigger_ddl(table, columns):
            connection.exec_driver_sql(statement)


def install(connection: Connection) -> None:
    """(Re)create every capture and hash trigger from the live schema; seed the one-row tables."""
    drop(connection)
    create(connection, SYNCED_TABLES)
    tables = {r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    drop_hash(connection)
    if "sync_hash_delta" in tables:  # older migrations (0003…0006) run this before 0007 made it
        create_hash(connection, SYNCED_TABLES)
    connection.exec_driver_sql("INSERT OR IGNORE INTO sync_control(id, applying) VALUES (1, 0)")
    connection.exec_driver_sql("INSERT OR IGNORE INTO sync_clock(id, hlc, offset_ms) VALUES (1, 0, 0)")
