"""Requests for HQ to decide: a station's deletion or merge of a shared enterprise that
is not its alone (docs/sync-protocol.md, "Shared enterprises: requests for HQ").

An enterprise belongs to the station that registered it as long as no other station
has served it.  Once another station registered it, or has a live service record,
demand or event attendance for it, deleting it or merging it away (by giving it the
credit code of another live enterprise) would take it from that station too: HQ holds
the change back and records a request here.  The station hears a `needs_hq_decision`
rejection naming the request, and gets HQ's row back on its next pull.

This module is the store and the read model (the CLI and the coming HQ desk list and
show requests from here); app.hq.request_decisions approves or rejects them.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from app.domain.messages import Msg
from app.hq.apply_context import ApplyContext
from app.hq.dedupe import ENTERPRISE_REF_TABLES
from app.hq.wire import WireRow

KINDS = {"delete": "删除", "merge": "合并"}
STATUSES = {"pending": "待处理", "approved": "已批准", "rejected": "已驳回"}
REASON = "needs_hq_decision"  # the push answer's rejection reason for a held change
MESSAGES = {  # %1: the request's number (app.domain.messages.Msg)
    "delete": "这家企业由其他服务站登记或服务过，本站不能直接删除：已提交服务总站审核（申请编号 %1），服务总站决定前企业保留。",
    "merge": "这家企业由其他服务站登记或服务过，把它的统一社会信用代码改成另一家企业的代码会把它合并掉："
    "已提交服务总站审核（申请编号 %1），服务总站决定前代码保持不变。",
}


class RequestError(Exception):
    """A decision HQ cannot make; `args[0]` is a Chinese message."""


@dataclass(frozen=True)
class EnterpriseRequest:
    id: int
    kind: str  # delete / merge
    enterprise_id: uuid.UUID
    survivor_id: uuid.UUID | None  # merge: the live enterprise it would be merged into
    station_id: uuid.UUID
    station_code: str
    enterprise_name: str
    credit_code: str
    survivor_name: str
    data: dict[str, Any]  # the station's row as pushed (and, for a merge, the code it gave)
    status: str  # pending / approved / rejected
    created_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    comment: str

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)

    def to_json(self) -> dict[str, Any]:
        """For an admin endpoint (the HQ desk): plain JSON values."""
        return {
            "id": self.id,
            "kind": self.kind,
            "enterprise_id": str(self.enterprise_id),
            "survivor_id": str(self.survivor_id) if self.survivor_id else None,
            "station_code": self.station_code,
            "enterprise_name": self.enterprise_name,
            "credit_code": self.credit_code,
            "survivor_name": self.survivor_name,
            "data": self.data,
            "status": self.status,
            "created_at": self.created_at.isoformat(),
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            "comment": self.comment,
        }


def others_stake(conn: Connection, enterprise_id: uuid.UUID, registrant: uuid.UUID | None, station: uuid.UUID) -> bool:
    """True when the enterprise is not `station`'s alone: another station (or HQ)
    registered it, or another station has a live row naming it (a service record,
    demand or event attendance: that station has served it)."""
    if registrant != station:
        return True
    served = conn.execute(
        text(
            "SELECT 1 FROM replica_row WHERE tbl = ANY(CAST(:tbls AS text[])) AND data->>'enterprise_id' = :e "
            "AND NOT deleted AND station_id IS DISTINCT FROM :s LIMIT 1"
        ),
        {"tbls": list(ENTERPRISE_REF_TABLES), "e": str(enterprise_id), "s": station},
    ).first()
    return served is not None


def hold(
    ctx: ApplyContext,
    row: WireRow,
    kind: str,
    enterprise_id: uuid.UUID,
    survivor_id: uuid.UUID | None = None,
    **extra: Any,
) -> int:
    """Record (or find, if the same station already asked) a pending request, and tell the
    station in its push answer.  The answer entry is a rejection, so older clients show
    it as one; `request_id` is additive.  Not a rejected_write: this table is the record."""
    assert ctx.station is not None
    data = json.dumps({"row": row.model_dump(mode="json"), **extra}, ensure_ascii=False)
    request_id = ctx.conn.execute(
        text(
            "SELECT id FROM enterprise_request WHERE status = 'pending' AND kind = :k AND enterprise_id = :e "
            "AND survivor_id IS NOT DISTINCT FROM :v AND station_id = :s ORDER BY id LIMIT 1"
        ),
        {"k": kind, "e": enterprise_id, "v": survivor_id, "s": ctx.station},
    ).scalar()
    if request_id is None:
        request_id = ctx.conn.execute(
            text(
                "INSERT INTO enterprise_request (kind, enterprise_id, survivor_id, station_id, data) "
                "VALUES (:k, :e, :v, :s, CAST(:d AS jsonb)) RETURNING id"
            ),
            {"k": kind, "e": enterprise_id, "v": survivor_id, "s": ctx.station, "d": data},
        ).scalar_one()
    else:  # the station asked again (e.g. deleted it again after the pull brought it back): keep its latest row
        ctx.conn.execute(
            text("UPDATE enterprise_request SET data = CAST(:d AS jsonb) WHERE id = :i"),
            {"i": request_id, "d": data},
        )
    message = Msg(MESSAGES[kind], request_id)
    entry = {"tbl": row.tbl, "id": str(row.id), "reason": REASON, "message": message, "request_id": request_id}
    ctx.result.rejected.append(entry)
    return int(request_id)


_SELECT = """
SELECT q.id, q.kind, q.enterprise_id, q.survivor_id, q.station_id, coalesce(a.code, '?') AS station_code,
       coalesce(e.data->>'name', '') AS enterprise_name, coalesce(e.data->>'credit_code', '') AS credit_code,
       coalesce(s.data->>'name', '') AS survivor_name, q.data, q.status, q.created_at, q.decided_by,
       q.decided_at, q.comment
FROM enterprise_request q
LEFT JOIN station_account a ON a.station_id = q.station_id
LEFT JOIN replica_row e ON e.tbl = 'enterprise' AND e.id = q.enterprise_id
LEFT JOIN replica_row s ON s.tbl = 'enterprise' AND s.id = q.survivor_id
"""


def list_requests(conn: Connection, status: str | None = "pending", limit: int = 100) -> list[EnterpriseRequest]:
    """Requests, oldest first (pending ones are a queue); `status=None` lists all."""
    if status is not None and status not in STATUSES:
        raise RequestError(Msg("申请状态“%1”无效（可选：%2）。", status, '、'.join(STATUSES)))
    rows = conn.execute(
        text(_SELECT + "WHERE (CAST(:st AS text) IS NULL OR q.status = :st) ORDER BY q.id LIMIT :n"),
        {"st": status, "n": limit},
    )
    return [EnterpriseRequest(**r._mapping) for r in rows]


def get_request(conn: Connection, request_id: int, lock: bool = False) -> EnterpriseRequest:
    if lock:  # decisions serialise on the request row
        conn.execute(text("SELECT 1 FROM enterprise_request WHERE id = :i FOR UPDATE"), {"i": request_id})
    row = conn.execute(text(_SELECT + "WHERE q.id = :i"), {"i": request_id}).first()
    if row is None:
        raise RequestError(Msg("找不到编号为 %1 的申请。", request_id))
    return EnterpriseRequest(**row._mapping)


def mark_decided(conn: Connection, request_id: int, status: str, decided_by: str, comment: str) -> None:
    conn.execute(
        text(
            "UPDATE enterprise_request SET status = :st, decided_by = :by, decided_at = now(), comment = :c "
            "WHERE id = :i AND status = 'pending'"
        ),
        {"i": request_id, "st": status, "by": decided_by, "c": comment},
    )
