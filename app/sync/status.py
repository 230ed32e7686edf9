"""What the 同步 page shows: link to HQ, pending changes, last result, rejected writes,
the conflicts HQ reported for this station's pushes, the syncs that had them, and the
pulled rows kept in quarantine (app/sync/quarantine.py).

Plain dataclasses (never live ORM objects), read in one short connection, so the UI
can call it from a worker and hand the result to the GUI thread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from app.domain.export_columns import ENTERPRISE_COLUMNS
from app.models.database import Database
from app.sync import quarantine
from app.sync.client import plain_http_over_network
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

    The count of every sync; what each conflict was is in `SyncStatus.conflicts` (an HQ
    older than `conflict_details` in the push answer sent only the count).
    """

    finished_at: datetime | None
    conflicts: int
    pushed: int


# Field labels of the conflict list: the export's headers, and the fields it leaves out.
FIELD_LABELS: dict[str, str] = {name: header for header, name in ENTERPRISE_COLUMNS} | {
    "deleted": "删除标记",
    "notes": "备注",
    "name_initials": "名称拼音首字母",
    "credit_code_warning": "信用代码校验提示",
}


@dataclass(frozen=True)
class Conflict:
    """One field HQ merged against another writer's edit while applying this station's push
    (`sync_conflict`).  `winner`/`loser`: "station" (this station), "hq", or another
    station's code; values as display text."""

    at: datetime | None
    tbl: str
    row_id: str
    enterprise: str  # the enterprise's name here, "" if the row is not in this profile
    field: str
    field_label: str
    station_value: str  # this station's value (the losing one, or the winning one it wrote)
    effective_value: str
    winner: str
    loser: str


def _shown(raw: str) -> str:
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return str(raw)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class SyncStatus:
    server: str | None
    station_code: str | None
    pending: int
    last: LastSync | None
    rejections: list[Rejection] = field(default_factory=list)
    conflicted: list[ConflictedSync] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    quarantined: list[quarantine.QuarantinedRow] = field(default_factory=list)

    @property
    def enrolled(self) -> bool:
        return bool(self.server and self.station_code)

    @property
    def insecure(self) -> bool:
        """HQ is reached by plain http:// outside this machine (enrolled with --insecure-http)."""
        return bool(self.server) and plain_http_over_network(self.server or "")


def _when(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


def last_completed(db: Database) -> datetime | None:
    """When the last sync that finished completely ended (UTC), from the local sync log."""
    with db.engine.connect() as conn:
        text = conn.exec_driver_sql(
            "SELECT finished_at FROM sync_log WHERE completed = 1 AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1"
        ).scalar()
    return _when(text)


def sync_status(db: Database, rejections: int = 200, conflicted: int = 100, conflicts: int = 500) -> SyncStatus:
    """The profile's sync state; `rejections` = how many of the newest rejected writes,
    `conflicted` = how many of the newest syncs that reported conflicts."""
    with db.engine.connect() as conn:
        meta: dict[str, str] = dict(
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
        details = conn.exec_driver_sql(
            "SELECT c.at, c.tbl, c.row_id, e.name, c.field, c.losing_value, c.winning_value, c.winner, c.loser "
            "FROM sync_conflict AS c LEFT JOIN enterprise AS e ON c.tbl = 'enterprise' AND e.id = c.row_id "
            "ORDER BY c.id DESC LIMIT ?",
            (conflicts,),
        ).all()
        kept = quarantine.listed(conn)
    return SyncStatus(
        server=meta.get(SERVER_KEY),
        station_code=meta.get(CODE_KEY),
        pending=int(pending),
        last=None if last is None else _last_sync(*last),
        rejections=[Rejection(t, uuid_out(r) or "", reason, _when(at) or datetime.now(UTC)) for t, r, reason, at in refused],
        conflicted=[ConflictedSync(_when(at), int(n), int(pushed)) for at, n, pushed in merged],
        conflicts=[_conflict(*row) for row in details],
        quarantined=kept,
    )


def _last_sync(finished_at: str | None, completed: int, pushed: int, pulled: int, rejected: int, conflicts: int,
               message: str) -> LastSync:
    return LastSync(_when(finished_at), bool(completed), pushed, pulled, rejected, conflicts, message)


def _conflict(at: str | None, tbl: str, row_id: str, name: str | None, fld: str, losing: str, winning: str,
              winner: str, loser: str) -> Conflict:
    mine = winning if winner == "station" else losing
    return Conflict(_when(at), tbl, uuid_out(row_id) or "", name or "", fld, FIELD_LABELS.get(fld, fld),
                    _shown(mine), _shown(winning), winner, loser)
