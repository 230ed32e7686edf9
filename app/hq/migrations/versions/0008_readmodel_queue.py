"""HQ read models brought up to date after the push, not inside it (issue 12: pushes no slower).

Until now three statement triggers on replica_row (rm_refresh_insert/_update/_delete) applied
every write to the read models inside the writing transaction.  At 30,000,000 records that
made a push 27-30 % slower against COPY (benchmarks/README.md): rm_served is as large as the
records themselves, and each push probed and grew it while holding the push's locks.

Now the triggers only note what changed (rm_capture_*): one small row per written row of the
tables the read models copy, in rm_pending, with the few facts the read models take from it
(a service record's day, enterprise and score; an attendance's event).  An update of a service
record that changes none of those facts (a corrected summary, an echo mark) notes nothing.
rm_drain(max_rows, wait) applies the oldest noted rows with the same statements the triggers
ran (migration 0004's SQL, unchanged), one drainer at a time (a transaction-level advisory lock),
and deletes them in the same transaction: a drain that fails or is killed leaves its rows noted.
Every reader of the read models drains first (app.hq.readmodel.pending.catch_up), so a page
never shows figures older than what it reads; the push route drains after it has answered.

Order: a row's later change is noted by a transaction that waited for the earlier one's row
lock, so its note commits after, and any drain that sees the later note sees the earlier one.
One drainer at a time also makes the served-set moves exact, where two concurrent triggers
could each miss the other's uncommitted month of the same enterprise.

Revision ID: 0008_readmodel_queue
Revises: 0007_table_hashes
Create Date: 2026-12-07 03:20:00
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from alembic import op

revision = "0008_readmodel_queue"
down_revision = "0007_table_hashes"
branch_labels = None
depends_on = None

DRAIN_LOCK = 7_301_204_012  # pg_advisory_xact_lock key of rm_drain (any constant unique to this database)
COPIED = ("station", "staff_member", "demand", "annual_report", "info_report", "event", "event_attendance")
# the facts of a row the read models read (0004's RECORDS and the event id of an attendance), kept as JSON
# values (->, not ->>) so that ->> gives back exactly the text it gave on the row itself
FACTS = """CASE tbl WHEN 'service_record' THEN jsonb_build_object('service_date', data->'service_date',
    'enterprise_id', data->'enterprise_id', 'satisfaction', data->'satisfaction')
    WHEN 'event_attendance' THEN jsonb_build_object('event_id', data->'event_id') END"""


def _read_models_0004() -> ModuleType:
    """Migration 0004's SQL builders: the statements applied are the ones it wrote, frozen with it."""
    path = Path(__file__).with_name("0004_read_models.py")
    spec = importlib.util.spec_from_file_location("station_desk_hq_0004_read_models", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _noted(side: str, sign: int, where: str) -> str:
    return (f"SELECT {sign} AS sign, tbl, id, station_id, deleted, {FACTS} AS facts FROM {side} WHERE {where}")


COPIED_SQL = ", ".join(f"'{t}'" for t in COPIED)
NOTE = "INSERT INTO rm_pending (sign, tbl, row_id, station_id, deleted, facts) "
CAPTURE = {
    "insert": NOTE + _noted("rm_new", 1, f"tbl IN ('service_record', {COPIED_SQL})"),
    "delete": NOTE + _noted("rm_old", -1, f"tbl IN ('service_record', {COPIED_SQL})"),
    # a service record whose facts did not move cancels out (old -1, new +1 of the same tuple)
    "update": NOTE + f"""SELECT sum(sign), tbl, id, station_id, deleted, facts FROM (
        {_noted("rm_old", -1, "tbl = 'service_record'")} UNION ALL {_noted("rm_new", 1, "tbl = 'service_record'")}) x
        GROUP BY tbl, id, station_id, deleted, facts HAVING sum(sign) <> 0
        UNION ALL {_noted("rm_old", -1, f"tbl IN ({COPIED_SQL})")}
        UNION ALL {_noted("rm_new", 1, f"tbl IN ({COPIED_SQL})")}""",
}
TRANSITIONS = {"insert": "NEW TABLE AS rm_new", "update": "OLD TABLE AS rm_old NEW TABLE AS rm_new",
               "delete": "OLD TABLE AS rm_old"}
BATCH = "SELECT sign, tbl, row_id AS id, station_id, deleted, facts AS data FROM rm_batch"


def apply_batch_function(rm: ModuleType) -> str:
    """rm_apply_batch(): 0004's trigger body with rm_batch (the drained notes) as its rows."""
    return f"""
CREATE FUNCTION rm_apply_batch() RETURNS void LANGUAGE plpgsql AS $fn${rm.refresh_body(BATCH)}
END $fn$"""


DRAIN = f"""
CREATE FUNCTION rm_drain(max_rows integer, wait boolean) RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
    n integer;
BEGIN
    IF wait THEN
        PERFORM pg_advisory_xact_lock({DRAIN_LOCK});
    ELSIF NOT pg_try_advisory_xact_lock({DRAIN_LOCK}) THEN
        RETURN -1;  -- another drain is running: it goes on until the notes are gone
    END IF;
    DELETE FROM rm_batch;
    -- one statement, one snapshot: exactly the notes taken are the notes applied and deleted
    WITH taken AS (DELETE FROM rm_pending WHERE id IN (SELECT id FROM rm_pending ORDER BY id LIMIT max_rows)
                   RETURNING sign, tbl, row_id, station_id, deleted, facts)
    INSERT INTO rm_batch SELECT * FROM taken;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN
        PERFORM rm_apply_batch();
        DELETE FROM rm_batch;
    END IF;
    RETURN n;
END $fn$"""


def upgrade() -> None:
    rm = _read_models_0004()
    for name in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER rm_refresh_{name} ON replica_row")
        op.execute(f"DROP FUNCTION rm_refresh_{name}()")
    op.execute("""CREATE TABLE rm_pending (
        id bigserial CONSTRAINT pk_rm_pending PRIMARY KEY, sign integer NOT NULL, tbl text NOT NULL,
        row_id uuid NOT NULL, station_id uuid, deleted boolean NOT NULL, facts jsonb)""")
    # the notes one drain is applying; empty outside rm_drain's transaction (so UNLOGGED is safe)
    op.execute("""CREATE UNLOGGED TABLE rm_batch (
        sign integer NOT NULL, tbl text NOT NULL, row_id uuid NOT NULL, station_id uuid, deleted boolean NOT NULL,
        facts jsonb)""")
    op.execute(apply_batch_function(rm))
    op.execute(DRAIN)
    for name, statement in CAPTURE.items():
        op.execute(f"""CREATE FUNCTION rm_capture_{name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN {statement}; RETURN NULL; END $fn$""")
        op.execute(f"""CREATE TRIGGER rm_capture_{name} AFTER {name.upper()} ON replica_row
            REFERENCING {TRANSITIONS[name]} FOR EACH STATEMENT EXECUTE FUNCTION rm_capture_{name}()""")


def downgrade() -> None:
    rm = _read_models_0004()
    op.execute("SELECT rm_drain(2147483647, true)")  # the notes not yet applied, before the triggers come back
    for name in CAPTURE:
        op.execute(f"DROP TRIGGER rm_capture_{name} ON replica_row")
        op.execute(f"DROP FUNCTION rm_capture_{name}()")
    op.execute("DROP FUNCTION rm_drain(integer, boolean)")
    op.execute("DROP FUNCTION rm_apply_batch()")
    op.execute("DROP TABLE rm_batch")
    op.execute("DROP TABLE rm_pending")
    for statement in [*rm.TRIGGER_FUNCTIONS, *rm.TRIGGERS]:
        op.execute(statement)
