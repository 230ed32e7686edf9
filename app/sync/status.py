"""What the 同步 page shows: link to HQ, pending changes, last result, rejected writes,
and the syncs whose pushes HQ reported conflicts for.

Plain dataclasses (never live ORM objects), read in one short connection, so the UI
can call it from a worker and hand the result to the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from app.models.database import Database
from app.sync.codec import uuid_out
from app.sync.enrolment import CODE_KEY, SERVER_KEY


@dataclass(frozen=True)
class LastSync:
    finished_at: datetime | None
    completed: bool
    pushed: int
    pulled: int
    rejected: int
    conflicts: int
    message: str


@dataclass(frozen=True)
class Rejection:
    tbl: str
    row_id: str
    reason: str
    at: datetime


@dataclass(frozen=True)
class ConflictedSync:
    """One sync whose pushed edits HQ merged with concurrent edits of other stations.

    Only the count reaches the station: HQ's push answer carries `conflicts: int`
    (docs/sync-protocol.md); the table, field and losing value stay in HQ's conflict_log.
    """

    finished_at: datetime | None
    conflicts: int
    pushed: int


@dataclass(frozen=True)
class SyncStatus:
    server: str | None
    station_code: str | None
    pending: int
    last: LastSync | None
    rejections: list[Rejection] = field(default_factory=list)
    conflicted: list[ConflictedSync] = field(default_factory=list)

    @property
    def enrolled(self) -> bool:
        return bool(self.server and self.station_code)


def _when(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


def last_completed(db: Database) -> datetime | None:
    """When the last sync that finished completely ended (UTC), from the local sync log."""
    with db.engine.connect() as conn:
        text = conn.exec_driver_sql(
            "SELECT finished_at FROM sync_log WHERE completed = 1 AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1"
        ).scalar()
    return _when(text)


def sync_status(db: Database, rejections: int = 200, conflicted: int = 100) -> SyncStatus:
    """The profile's sync state; `rejections` = how many of the newest rejected writes,
    `conflicted` = how many of the newest syncs that reported conflicts."""
    with db.engine.connect() as conn:
        meta = dict(
            conn.exec_driver_sql("SELECT key, value FROM profile_meta WHERE key IN (?, ?)", (SERVER_KEY, CODE_KEY)).all()
        )
        pending = conn.exec_driver_sql("SELECT count(DISTINCT tbl || row_id) FROM sync_outbox").scalar_one()
        last = conn.exec_driver_sql(
            "SELECT finished_at, completed, pushed, pulled, rejected, conflicts, message FROM sync_log ORDER BY id DESC LIMIT 1"
        ).first()
        refused = conn.exec_driver_sql(
            "SELECT tbl, row_id, reason, at FROM sync_rejection ORDER BY id DESC LIMIT ?", (rejections,)
        ).all()
        merged = conn.exec_driver_sql(
            "SELECT finished_at, conflicts, pushed FROM sync_log WHERE conflicts > 0 ORDER BY id DESC LIMIT ?", (conflicted,)
        ).all()
    return SyncStatus(
        server=meta.get(SERVER_KEY),
        station_code=meta.get(CODE_KEY),
        pending=int(pending),
        last=None if last is None else LastSync(_when(last[0]), bool(last[1]), *last[2:6], last[6]),
        rejections=[Rejection(t, uuid_out(r) or "", reason, _when(at) or datetime.now(UTC)) for t, r, reason, at in refused],
        conflicted=[ConflictedSync(_when(at), int(n), int(pushed)) for at, n, pushed in merged],
    )
