"""The pull watermark: the xid8 below which every transaction of this database has finished
(docs/sync-protocol.md, "Pull"); the pull pages and the tombstone purge both stop there."""

from __future__ import annotations

from sqlalchemy import Connection, text

_SNAPSHOT = "pg_snapshot_xmax(s)::text, ARRAY(SELECT pg_snapshot_xip(s)::text) FROM pg_current_snapshot() s"


def watermark(conn: Connection) -> int:
    """The xid8 below which every transaction *of this database* has finished.

    `pg_snapshot_xmin(pg_current_snapshot())` alone counts every database of the
    cluster, so one idle-in-transaction session elsewhere (another application, a
    test run) would stall every station's pull.  Running xids are therefore mapped to
    their database through pg_locks (each transaction holds an ExclusiveLock on its
    own xid) and only ours, or ones whose database is unknown (prepared transactions,
    background workers), hold the bound back.  The snapshot is read first: a xid that
    finishes before pg_locks is read is finished, and its rows are visible to the
    page query, which runs later.
    """
    xmax, running = conn.execute(text(f"SELECT {_SNAPSHOT}")).one()
    return _bound(conn, xmax, running)


_RUNNING_WHERE = (  # no parameters: run as is (exec_driver_sql, app/hq/driver_sql.py)
    "SELECT l.transactionid::text::bigint, a.datid IS DISTINCT FROM "
    "(SELECT oid FROM pg_database WHERE datname = current_database()) AND a.datid IS NOT NULL "
    "FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
    "WHERE l.locktype = 'transactionid' AND l.mode = 'ExclusiveLock'"
)


def _bound(conn: Connection, xmax: str, running: list[str]) -> int:
    if not running:
        return int(xmax)
    # xid (32 bit) → True when its transaction runs in another database
    elsewhere: dict[int, bool] = dict(conn.exec_driver_sql(_RUNNING_WHERE).all())
    # a xid with no lock left has finished; one of another database cannot write here
    ours = [x for x in map(int, running) if elsewhere.get(x % (1 << 32)) is False]
    return min([int(xmax), *ours])
