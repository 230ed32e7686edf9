"""Each row's pull JSON is made once, when the row is written, not once per station that pulls it.

A pull page wrote every row as `json_build_object('tbl', tbl, 'id', id, …)::text` (app.hq.pull
ROW_JSON): with 200 stations syncing at once, every enterprise a station pushes is pulled by the
other 199, and PostgreSQL built its JSON 199 times.  Building it was most of a catch-up page's
cost: 1.5 ms of PostgreSQL's CPU for a 400-row page against 0.4 ms reading the same rows' text
(benchmarks/README.md, "Session 7").  replica_row.page_json now holds that text, set by the row
trigger that already stamps every insert and update (replica_row_stamp_txid, migration 0001): the
same expression over the same new values, so what a page sends is unchanged.  Only the rows every
station pulls (migration 0009's PUBLIC tables: reference rows and enterprises) keep it: a station's
own rows (service records, most of HQ's rows) go to nobody but their station, which skips its own
echoes, so storing their text would grow HQ's largest table for nothing.  Their page_json stays
NULL, as does that of rows written before this migration; the page builds theirs as before
(coalesce), so nothing is rewritten here, whatever HQ holds.

Revision ID: 0010_page_json
Revises: 0009_pull_page_indexes
Create Date: 2026-12-07 12:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0010_page_json"
down_revision = "0009_pull_page_indexes"
branch_labels = None
depends_on = None

# app.hq.pull.ROW_JSON_BUILD when this was written, over the new row (tests/hq/test_page_json.py
# checks they still agree)
PAGE_JSON = ("json_build_object('tbl', NEW.tbl, 'id', NEW.id, 'station_id', NEW.station_id, 'version', NEW.version, "
             "'deleted', NEW.deleted, 'data', NEW.data, 'field_hlc', NEW.field_hlc)::text")


# migration 0009's PUBLIC: the tables whose rows every station pulls
PUBLIC = ("station", "policy", "service_institution", "catalogue_entry", "expert", "pick_list_item", "enterprise")


def _stamp(body: str) -> str:
    return f"""
        CREATE OR REPLACE FUNCTION replica_row_stamp_txid() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.txid := pg_current_xact_id();{body}
            RETURN NEW;
        END $$"""


def upgrade() -> None:
    op.execute("ALTER TABLE replica_row ADD COLUMN page_json text")
    public = ", ".join(f"'{t}'" for t in PUBLIC)
    op.execute(_stamp(f"\n            IF NEW.tbl IN ({public}) THEN\n                NEW.page_json := {PAGE_JSON};"
                      "\n            END IF;"))


def downgrade() -> None:
    op.execute(_stamp(""))  # migration 0001's body
    op.execute("ALTER TABLE replica_row DROP COLUMN page_json")
