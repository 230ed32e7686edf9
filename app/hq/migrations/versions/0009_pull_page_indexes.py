"""The pull page walks only rows the station may see (issue 14, 200 stations at once).

The page query (app.hq.pull) used the one (txid, tbl, id) index over every row and filtered
out the other stations' own rows: with 200 stations each pushing 18 records and 2
enterprises, a catch-up page read ~4,000 index entries and rows to return ~400 (EXPLAIN
ANALYZE 14.8 ms, benchmarks/README.md "Session 6").  The page is now a UNION ALL of two
ordered scans, merged by PostgreSQL (Merge Append), each over its own partial index:
the rows every station sees (reference tables and enterprises) in (txid, tbl, id) order,
and one station's own rows in (station_id, txid, tbl, id) order: 1.4 ms for the same page.

The table lists are app.sync.protocol's (HQ_REFERENCE + SHARED, STATION_OWNED) when this was
written; tests/hq/test_pull.py checks they still are: a new synced table needs a migration
that redefines these indexes, or its rows would be scanned without one.

Revision ID: 0009_pull_page_indexes
Revises: 0008_readmodel_queue
Create Date: 2026-12-07 06:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0009_pull_page_indexes"
down_revision = "0008_readmodel_queue"
branch_labels = None
depends_on = None

PUBLIC = ("station", "policy", "service_institution", "catalogue_entry", "expert", "pick_list_item", "enterprise")
OWNED = ("staff_member", "service_record", "demand", "demand_transition", "event", "event_attendance",
         "event_material", "annual_report", "info_report", "period_unlock")


def _in(tables: tuple[str, ...]) -> str:
    return "tbl IN (" + ", ".join(f"'{t}'" for t in tables) + ")"


def upgrade() -> None:
    op.execute(f"CREATE INDEX ix_replica_row_public_txid ON replica_row (txid, tbl, id) WHERE {_in(PUBLIC)}")
    op.execute(f"CREATE INDEX ix_replica_row_owned_txid ON replica_row (station_id, txid, tbl, id) WHERE {_in(OWNED)}")
    op.execute("ANALYZE replica_row")


def downgrade() -> None:
    op.execute("DROP INDEX ix_replica_row_owned_txid")
    op.execute("DROP INDEX ix_replica_row_public_txid")
