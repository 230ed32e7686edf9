"""The whole-table (txid, tbl, id) index gives way to one over tombstones only.

Since migration 0009 no pull page reads `ix_replica_row_txid_tbl_id`: each arm of the page scans
its own partial index.  Its last reader was the tombstone purge (app.hq.tombstones), and only when
the purge limit is far below the newest rows (a station's cursor long behind): with the limit near
the top, as when every station syncs, the purge's plan was a sequential scan of the whole table
with or without it (EXPLAIN on 220,000 rows, 400 tombstones: 128 ms).  Meanwhile every row written
(18 a push for the benchmark's station) added an entry at its right-most page, the hottest of the
table's indexes.  `ix_replica_row_tombstone_txid` holds only deleted rows: the purge reads it
whatever its limit (0.6 ms for the same 400 of 220,000), and a live row's write never touches it
(benchmarks/README.md, "Session 8").

Revision ID: 0011_tombstone_index
Revises: 0010_page_json
Create Date: 2026-12-07 14:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0011_tombstone_index"
down_revision = "0010_page_json"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_replica_row_tombstone_txid ON replica_row (txid) WHERE deleted")
    op.execute("DROP INDEX ix_replica_row_txid_tbl_id")


def downgrade() -> None:
    op.execute("CREATE INDEX ix_replica_row_txid_tbl_id ON replica_row (txid, tbl, id)")
    op.execute("DROP INDEX ix_replica_row_tombstone_txid")
