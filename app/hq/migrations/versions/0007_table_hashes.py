"""HQ keeps each station's per-table count and hash of live rows current as it writes, as the
station does (issue 14): the sanity check reads them instead of hashing every visible row.

hq_table_hash holds the figures per (table, scope): scope is the station for station-owned
tables and the nil uuid for the tables every station sees (reference data, enterprises).
Statement triggers on replica_row append one delta per (table, scope) a statement changed to
hq_table_hash_delta (insert-only: concurrent pushes never wait on one another's figures); the
check adds base and deltas in one statement, and folds the deltas into the base now and then
(app.hq.table_hashes).  A row's share is the same as app.hq.pull.table_figures computes:
the first 64 bits of md5("<id>:<version>") as a signed bigint, summed, taken mod 2^64.

replica_row.echo_to / echo_version: the station whose push HQ stored exactly as sent, at that
version; its next pull skips the row (any later change moves the version).  A bootstrap and a
table repair still send it.

Revision ID: 0007_table_hashes
Revises: 0006_libraries
Create Date: 2026-12-07 01:15:00
"""

from __future__ import annotations

from alembic import op

revision = "0007_table_hashes"
down_revision = "0006_libraries"
branch_labels = None
depends_on = None

# app.sync.protocol.STATION_OWNED when this migration was written (tests/hq/test_table_hashes.py
# checks it still is: a new station-owned table needs a migration that redefines hq_hash_scope)
OWNED = ("staff_member", "service_record", "demand", "demand_transition", "event", "event_attendance",
         "event_material", "annual_report", "info_report", "period_unlock")
NIL = "00000000-0000-0000-0000-000000000000"
SHARE = "('x' || substr(md5(id::text || ':' || version::text), 1, 16))::bit(64)::bigint::numeric"


def upgrade() -> None:
    op.execute("""
        CREATE TABLE hq_table_hash (
            tbl text NOT NULL, scope uuid NOT NULL, count bigint NOT NULL DEFAULT 0, hash numeric NOT NULL DEFAULT 0,
            CONSTRAINT pk_hq_table_hash PRIMARY KEY (tbl, scope))""")
    op.execute("""
        CREATE TABLE hq_table_hash_delta (
            id bigserial CONSTRAINT pk_hq_table_hash_delta PRIMARY KEY,
            tbl text NOT NULL, scope uuid NOT NULL, count bigint NOT NULL, hash numeric NOT NULL)""")
    op.execute("CREATE INDEX ix_hq_table_hash_delta_tbl_scope ON hq_table_hash_delta (tbl, scope)")
    owned = ", ".join(f"'{t}'" for t in OWNED)
    op.execute(f"""
        CREATE FUNCTION hq_hash_scope(tbl text, station uuid) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN tbl IN ({owned}) THEN station ELSE '{NIL}'::uuid END $$""")
    # one delta per (table, scope): live rows added, live rows taken away
    for name, sides in (
        ("insert", [("hq_new", "+")]),
        ("update", [("hq_new", "+"), ("hq_old", "-")]),
        ("delete", [("hq_old", "-")]),
    ):
        union = " UNION ALL ".join(
            f"SELECT tbl, hq_hash_scope(tbl, station_id) AS scope, {sign}1 AS n, {sign}{SHARE} AS h "
            f"FROM {table} WHERE NOT deleted" for table, sign in sides)
        op.execute(f"""
            CREATE FUNCTION hq_hash_{name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO hq_table_hash_delta (tbl, scope, count, hash)
                SELECT tbl, scope, sum(n), sum(h) FROM ({union}) AS d GROUP BY tbl, scope
                HAVING sum(n) <> 0 OR sum(h) <> 0;
                RETURN NULL;
            END $$""")
    op.execute("""CREATE TRIGGER hq_hash_insert AFTER INSERT ON replica_row REFERENCING NEW TABLE AS hq_new
                  FOR EACH STATEMENT EXECUTE FUNCTION hq_hash_insert()""")
    op.execute("""CREATE TRIGGER hq_hash_update AFTER UPDATE ON replica_row
                  REFERENCING OLD TABLE AS hq_old NEW TABLE AS hq_new FOR EACH STATEMENT EXECUTE FUNCTION hq_hash_update()""")
    op.execute("""CREATE TRIGGER hq_hash_delete AFTER DELETE ON replica_row REFERENCING OLD TABLE AS hq_old
                  FOR EACH STATEMENT EXECUTE FUNCTION hq_hash_delete()""")
    # HQ stored exactly what this station pushed, at this version: its pull skips the row
    op.execute("ALTER TABLE replica_row ADD COLUMN echo_to uuid, ADD COLUMN echo_version bigint")
    # the rows already stored
    op.execute(f"""
        INSERT INTO hq_table_hash (tbl, scope, count, hash)
        SELECT tbl, hq_hash_scope(tbl, station_id), count(*), mod(sum({SHARE}), 18446744073709551616)
        FROM replica_row WHERE NOT deleted GROUP BY 1, 2""")


def downgrade() -> None:
    for name in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER hq_hash_{name} ON replica_row")
        op.execute(f"DROP FUNCTION hq_hash_{name}()")
    op.execute("DROP FUNCTION hq_hash_scope(text, uuid)")
    op.execute("ALTER TABLE replica_row DROP COLUMN echo_to, DROP COLUMN echo_version")
    op.execute("DROP TABLE hq_table_hash_delta")
    op.execute("DROP TABLE hq_table_hash")
