"""What one push (or one HQ edit) accumulates while its rows are applied: the result a
station gets back, the rejections to log and the conflicts to report.

Its own module so that push, merge, dedupe and owned-row code all import it without
an import cycle.
"""

from __future__ import annotations

import datetime as _dt
import json
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from app.domain.messages import Msg
from app.hq.wire import WireRow

MISSING: Any = object()  # a prefetched answer that is not there (app.hq.merge_prefetch): ask the database
# reason (the rejection's machine code) -> its message, %1… as in app.domain.messages.Msg, so that
# tools/service_messages.py lists them and the station shows them in English (stored ones are matched back)
REJECT_MESSAGES = {
    "unknown_table": "服务总站的服务器不认识数据表“%1”，这条记录没有同步。请联系服务总站升级服务。",
    "hq_reference": "“%1”由服务总站统一维护，服务站不能修改，本地修改未被接受。",
    "wrong_station": "这条记录标注的是其他服务站，本站不能上传。",
    "owned_by_other_station": "这条记录属于其他服务站，本站不能修改。",
    "report_transition": "报告不能从“%1”改为“%2”。",
    "report_delete": "已提交、已通过或已退回的报告不能删除。",
    "bad_row": "记录内容不完整或格式不对：%1。",
    "invalid_row": "这条“%1”记录没有同步：%2。请在本站改正后再保存。",
}
_REJECT_ARGS = {"unknown_table": ("tbl",), "hq_reference": ("tbl",), "report_transition": ("old", "new"),
                "bad_row": ("detail",), "invalid_row": ("tbl", "detail")}


def reject_message(reason: str, tbl: str, **fmt: str) -> Msg:
    values = {"tbl": tbl, **fmt}
    return Msg(REJECT_MESSAGES[reason], *(values[name] for name in _REJECT_ARGS.get(reason, ())))


@dataclass
class PushResult:
    batch_id: str
    status: str  # applied / already_applied
    accepted: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    conflicts: int = 0
    merged: list[dict[str, str]] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)
    # additive (older clients ignore it): what each conflict counted in `conflicts` was
    conflict_details: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "status": self.status,
            "accepted": self.accepted,
            "rejected": self.rejected,
            "conflicts": self.conflicts,
            "conflict_details": self.conflict_details,
            "merged": self.merged,
            "versions": self.versions,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], status: str) -> PushResult:
        keys = ("accepted", "rejected", "conflicts", "merged", "versions")
        # batches stored before conflict_details existed answer without them
        details = list(data.get("conflict_details") or [])
        return cls(batch_id=data["batch_id"], status=status, conflict_details=details, **{k: data[k] for k in keys})


@dataclass
class ApplyContext:
    """What one push (or one HQ edit) accumulates while its rows are applied."""

    conn: Connection
    station: uuid.UUID | None  # None: HQ itself
    batch_id: uuid.UUID | None
    now_ms: int
    result: PushResult
    pending_rejections: list[dict[str, Any]] = field(default_factory=list)
    prefetch: Any = None  # app.hq.merge_prefetch.Prefetched of a push's enterprises, or None

    def reject(self, row: WireRow, reason: str, **fmt: str) -> None:
        message = reject_message(reason, row.tbl, **fmt)
        self.result.rejected.append({"tbl": row.tbl, "id": str(row.id), "reason": reason, "message": message})
        self.pending_rejections.append(
            {"tbl": row.tbl, "row_id": row.id, "reason": reason, "message": message, "data": json.dumps(row.model_dump(mode="json"))}
        )

    def accepted(self, tbl: str, row_id: uuid.UUID, version: int) -> None:
        self.result.accepted += 1
        self.result.versions.append({"tbl": tbl, "id": str(row_id), "version": version})

    def note_conflict(self, tbl: str, row_id: uuid.UUID, name: str, winner: tuple[Any, int, str], loser: tuple[Any, int, str]) -> None:
        """One conflict for the push answer (app.hq.dedupe.log_conflict writes conflict_log).
        Writers are station id text or "" for HQ; `_name_writers` turns them into parties."""
        self.result.conflict_details.append({
            "tbl": tbl, "id": str(row_id), "field": name,
            "winning_value": winner[0], "losing_value": loser[0],
            "winner": winner[2], "loser": loser[2],
            "at": _dt.datetime.fromtimestamp(self.now_ms / 1000, _dt.UTC).isoformat(timespec="milliseconds"),
        })


def now_ms() -> int:
    return time.time_ns() // 1_000_000
