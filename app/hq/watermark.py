"""The pull watermark: the xid8 below which every transaction of this database has finished
(docs/sync-protocol.md, "Pull"); the pull pages and the tombstone purge both stop there."""

from __future__ import annotations

from sqlalchemy import Connection

from app.hq import fast_sql

# The watermark of the snapshot `{s}`, as text, for a statement that takes the snapshot itself
# (`watermark`, and app.hq.pull's preambles, which fold it into their one round trip).
#
# `pg_snapshot_xmin(pg_current_snapshot())` alone counts every database of the cluster, so one
# idle-in-transaction session elsewhere (another application, a test run) would stall every
# station's pull.  Running xids are therefore mapped to their database, and only ours, or ones
# whose database is unknown (prepared transactions, background workers), hold the bound back:
# the least of xmax and those.  A running xid is first looked up as a session's own transaction
# (pg_stat_activity.backend_xid, with its database); one not found there (another role's session
# whose details HQ's role may not read, a prepared transaction, a subtransaction, or one finished
# meanwhile) is mapped through pg_locks (each transaction holds an ExclusiveLock on its own xid),
# as it always was.  Copying the lock table was most of a pull's preamble with 200 stations
# syncing (0.86 ms of PostgreSQL's CPU, benchmarks/README.md "Session 7"); HQ's own transactions
# are always found the first way.  The snapshot is taken first (the subqueries need it): a xid
# that finishes before they read is finished, and its rows are visible to the page query, which
# runs later.  tests/hq/test_pull_watermark.py, tests/hq/test_pull.py (another database).
_OURS = "(SELECT oid FROM pg_database WHERE datname = current_database())"
BOUND_SQL = (
    "(SELECT least(pg_snapshot_xmax({s}), min(x)) FROM pg_snapshot_xip({s}) x WHERE coalesce("
    "(SELECT a.datid IS NULL OR a.datid = " + _OURS + " FROM pg_stat_activity a "
    "WHERE a.backend_xid = mod(x::text::bigint, 4294967296)::text::xid LIMIT 1), "
    "EXISTS (SELECT 1 FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
    "WHERE l.locktype = 'transactionid' AND l.mode = 'ExclusiveLock' "
    "AND l.transactionid::text::bigint = mod(x::text::bigint, 4294967296) AND (a.datid IS NULL "
    "OR a.datid = " + _OURS + "))))::text"
)
_WATERMARK = f"SELECT {BOUND_SQL.format(s='s')} FROM pg_current_snapshot() s"


def watermark(conn: Connection) -> int:
    """The xid8 below which every transaction *of this database* has finished (BOUND_SQL)."""
    return int(fast_sql.scalar(conn, _WATERMARK))
