"""Applying a station's push batch at HQ (docs/sync-protocol.md, "Push").

`apply_push` runs inside the caller's transaction; the caller commits.  The batch is
claimed first with `INSERT … ON CONFLICT DO NOTHING` on applied_batch: a duplicate
delivered at the same moment waits on that row and then answers "already applied",
so a batch is applied exactly once however often it arrives.
"""

from __future__ import annotations

import datetime as _dt
import json
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from app.hq import merge, owned
from app.hq.wire import WireRow
from app.sync.protocol import HQ_REFERENCE, SHARED, STATION_OWNED, STATION_PROFILE_TABLE

REJECT_MESSAGES = {
    "unknown_table": "总部服务器不认识数据表“{tbl}”，这条记录没有同步。请联系总部升级服务。",
    "hq_reference": "“{tbl}”由总部统一维护，服务站不能修改，本地修改未被接受。",
    "wrong_station": "这条记录标注的是其他服务站，本站不能上传。",
    "owned_by_other_station": "这条记录属于其他服务站，本站不能修改。",
    "report_transition": "年度报告不能从“{old}”改为“{new}”。",
    "report_delete": "已提交、已通过或已退回的年度报告不能删除。",
    "bad_row": "记录内容不完整或格式不对：{detail}。",
}


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

    def reject(self, row: WireRow, reason: str, **fmt: str) -> None:
        message = REJECT_MESSAGES[reason].format(tbl=row.tbl, **fmt)
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
        })  # fmt: skip


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def apply_push(
    conn: Connection, station: uuid.UUID, batch_id: uuid.UUID, rows: Iterable[WireRow | Mapping[str, Any]], at_ms: int | None = None
) -> PushResult:
    """Apply one batch for `station` (from the token) exactly once; return its result."""
    claimed = conn.execute(
        text("INSERT INTO applied_batch (station_id, batch_id) VALUES (:s, :b) ON CONFLICT DO NOTHING RETURNING 1"),
        {"s": station, "b": batch_id},
    ).first()
    if claimed is None:
        stored = conn.execute(
            text("SELECT result FROM applied_batch WHERE station_id = :s AND batch_id = :b"), {"s": station, "b": batch_id}
        ).scalar_one()
        return PushResult.from_json(stored, "already_applied")

    parsed = [row if isinstance(row, WireRow) else WireRow.model_validate(row) for row in rows]
    ctx = ApplyContext(conn, station, batch_id, at_ms or now_ms(), PushResult(str(batch_id), "applied"))
    enterprises, station_rows = [], []
    for row in parsed:
        if row.tbl in SHARED:
            enterprises.append(row)
        elif row.tbl in STATION_OWNED:
            station_rows.append(row)
        elif row.tbl == STATION_PROFILE_TABLE:
            owned.apply_station_profile(ctx, row)
        elif row.tbl in HQ_REFERENCE:
            ctx.reject(row, "hq_reference")
        else:
            ctx.reject(row, "unknown_table")
    # Parents first: a merge decided here rewrites references in the rows below.  Sorted
    # by id so two batches touching the same enterprises lock them in the same order.
    for row in sorted(enterprises, key=lambda r: r.id):
        merge.apply_enterprise(ctx, row)
    owned.apply_station_rows(ctx, station_rows)
    _store_rejections(ctx)
    _name_writers(ctx)
    conn.execute(
        text("UPDATE applied_batch SET result = CAST(:r AS jsonb) WHERE station_id = :s AND batch_id = :b"),
        {"r": json.dumps(ctx.result.to_json()), "s": station, "b": batch_id},
    )
    return ctx.result


def _name_writers(ctx: ApplyContext) -> None:
    """Writers in conflict details as parties the station can show: "station" (the pushing
    station), "hq", or another station's code (never its id; the values are enterprise
    fields, which every station sees anyway)."""
    details = ctx.result.conflict_details
    others = {d[k] for d in details for k in ("winner", "loser")} - {"", str(ctx.station)}
    codes: dict[str, str] = {}
    if others:
        rows = ctx.conn.execute(
            text("SELECT CAST(station_id AS text), code FROM station_account WHERE station_id = ANY(CAST(:ids AS uuid[]))"),
            {"ids": "{" + ",".join(sorted(others)) + "}"},
        )
        codes = {sid: code for sid, code in rows}

    def party(writer: str) -> str:
        if writer == str(ctx.station):
            return "station"
        return "hq" if writer == "" else codes.get(writer, "?")

    for d in details:
        d["winner"], d["loser"] = party(d["winner"]), party(d["loser"])


def _store_rejections(ctx: ApplyContext) -> None:
    if not ctx.pending_rejections:
        return
    ctx.conn.execute(
        text(
            "INSERT INTO rejected_write (station_id, batch_id, tbl, row_id, reason, message, data) "
            "VALUES (:s, :b, :tbl, :row_id, :reason, :message, CAST(:data AS jsonb))"
        ),
        [{"s": ctx.station, "b": ctx.batch_id, **item} for item in ctx.pending_rejections],
    )
