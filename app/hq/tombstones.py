"""Tombstone purge behind the horizon (docs/sync-protocol.md, "Tombstones and the horizon").

A deleted row is purged when it is older than TOMBSTONE_HORIZON_DAYS *and* below the
cursor of every active station heard from within the horizon.  A station silent for
longer does not hold the purge back; if its cursor is at or below the highest purged
txid it gets 410 and bootstraps again.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from app.hq.watermark import watermark
from app.sync.protocol import TOMBSTONE_HORIZON_DAYS

PURGED_KEY = "purged_through_txid"
# Read through the partial index of tombstones (HQ migration 0011), whatever the limit.
PURGE = text(
    "DELETE FROM replica_row WHERE deleted AND updated_at < now() - make_interval(days => :days) "
    "AND txid < CAST(CAST(:limit AS text) AS xid8) RETURNING txid::text::bigint"
)


def purged_through(conn: Connection) -> int:
    value = conn.execute(text("SELECT value FROM hq_meta WHERE key = :k"), {"k": PURGED_KEY}).scalar()
    return int(value) if value is not None else -1


def purge_tombstones(conn: Connection, horizon_days: int = TOMBSTONE_HORIZON_DAYS) -> int:
    """Delete purgeable tombstones; returns how many were removed."""
    horizon = {"days": horizon_days}
    # this database's watermark, not the cluster's xmin: a long transaction in another
    # database (another application, a test run) must not hold the purge back
    finished = watermark(conn)
    cursors = conn.execute(
        text(
            "SELECT min(cursor_txid) FROM station_account WHERE status = 'active' AND cursor_txid IS NOT NULL "
            "AND cursor_at > now() - make_interval(days => :days)"
        ),
        horizon,
    ).scalar()
    # no station holds a cursor: nobody can be missing a tombstone
    limit = finished if cursors is None else min(int(cursors), finished)
    purged = conn.execute(PURGE, {**horizon, "limit": limit}).scalars().all()
    if purged:
        conn.execute(
            text(
                "INSERT INTO hq_meta (key, value) VALUES (:k, :v) "
                "ON CONFLICT (key) DO UPDATE SET value = greatest(hq_meta.value::bigint, EXCLUDED.value::bigint)::text"
            ),
            {"k": PURGED_KEY, "v": str(max(purged))},
        )
    return len(purged)
