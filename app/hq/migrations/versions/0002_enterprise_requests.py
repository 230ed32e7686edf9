"""Shared enterprises get a trust boundary: enterprise_request (a station's deletion or
merge of an enterprise another station registered or served waits for HQ), and merge
before-images so `station-desk-hq unmerge` can undo a merge.

Revision ID: 0002_enterprise_requests
Revises: 0001
Create Date: 2027-01-20 10:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0002_enterprise_requests"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
        CREATE TABLE enterprise_request (
            id bigserial CONSTRAINT pk_enterprise_request PRIMARY KEY,
            kind text NOT NULL CONSTRAINT ck_enterprise_request_kind CHECK (kind IN ('delete', 'merge')),
            enterprise_id uuid NOT NULL,
            survivor_id uuid,
            station_id uuid NOT NULL,
            data jsonb NOT NULL DEFAULT '{}'::jsonb,
            status text NOT NULL DEFAULT 'pending'
                CONSTRAINT ck_enterprise_request_status CHECK (status IN ('pending', 'approved', 'rejected')),
            created_at timestamptz NOT NULL DEFAULT now(),
            decided_by text,
            decided_at timestamptz,
            comment text NOT NULL DEFAULT ''
        )""")
    op.execute("CREATE INDEX ix_enterprise_request_status ON enterprise_request (status, id)")
    op.execute("CREATE INDEX ix_enterprise_request_enterprise_id ON enterprise_request (enterprise_id)")
    # What a merge changed, so it can be undone: the survivor's row before the merge and
    # the fields the merge filled in, the merged row as it was merged (and as it was
    # stored before, when it existed), the aliases it re-pointed.
    for column in ("survivor_before", "merged_before", "merged_data", "filled", "aliases"):
        op.execute(f"ALTER TABLE merge_record ADD COLUMN {column} jsonb")
    op.execute("ALTER TABLE merge_record ADD COLUMN undone_at timestamptz")
    op.execute("ALTER TABLE merge_record ADD COLUMN undone_by text")
    op.execute("CREATE INDEX ix_merge_record_survivor_id ON merge_record (survivor_id)")
    # Every enterprise id a station-owned row named before HQ re-pointed it at a survivor
    # (at the merge, or on arrival through an alias): unmerge points such rows back.
    op.execute("""
        CREATE TABLE enterprise_ref_origin (
            tbl text NOT NULL,
            row_id uuid NOT NULL,
            named_id uuid NOT NULL,
            CONSTRAINT pk_enterprise_ref_origin PRIMARY KEY (tbl, row_id, named_id)
        )""")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS enterprise_ref_origin")
    op.execute("DROP INDEX IF EXISTS ix_merge_record_survivor_id")
    for column in ("survivor_before", "merged_before", "merged_data", "filled", "aliases", "undone_at", "undone_by"):
        op.execute(f"ALTER TABLE merge_record DROP COLUMN IF EXISTS {column}")
    op.execute("DROP TABLE IF EXISTS enterprise_request")
