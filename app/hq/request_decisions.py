"""HQ decides a station's request to delete or merge away a shared enterprise
(app.hq.enterprise_requests).  Used by `station-desk-hq requests decide` and, later,
by the HQ desk's admin endpoint; runs inside the caller's transaction.

Approving applies the change as HQ's own edit (a server stamp, so it wins over every
station's earlier value and reaches every station on its next pull); a merge then goes
through the usual credit-code merge and can be undone with `station-desk-hq unmerge`.
Rejecting changes nothing: the station already has HQ's row back.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, text

from app.domain.messages import Msg
from app.hq.enterprise_requests import EnterpriseRequest, RequestError, get_request, mark_decided
from app.hq.hq_edits import hq_edit


@dataclass(frozen=True)
class Decision:
    request: EnterpriseRequest  # as it stands after the decision
    outcome: str  # one Chinese sentence: what happened to the enterprise


def decide(
    conn: Connection,
    request_id: int,
    approve: bool,
    decided_by: str,
    comment: str = "",
    at_ms: int | None = None,
) -> Decision:
    """Approve or reject one pending request; RequestError (Chinese) when it is not pending
    or can no longer be carried out."""
    request = get_request(conn, request_id, lock=True)
    if request.status != "pending":
        when = request.decided_at.strftime("%Y-%m-%d %H:%M") if request.decided_at else ""
        raise RequestError(Msg("申请 %1 已由 %2 于 %3 %4，不能再次处理。", request_id, request.decided_by or '服务总站', when, request.status_label))
    if not decided_by.strip():
        raise RequestError("请写明处理人（--by）。")
    if approve:
        outcome = _carry_out(conn, request, at_ms)
    else:
        outcome = Msg("已驳回，企业“%1”保持不变。", request.enterprise_name)
    mark_decided(conn, request_id, "approved" if approve else "rejected", decided_by.strip(), comment.strip())
    return Decision(get_request(conn, request_id), outcome)


def _carry_out(conn: Connection, request: EnterpriseRequest, at_ms: int | None) -> str:
    row = conn.execute(
        text("SELECT deleted, data FROM replica_row WHERE tbl = 'enterprise' AND id = :i"), {"i": request.enterprise_id}
    ).first()
    if row is None:
        raise RequestError(Msg("企业 %1 已不在服务总站库中，无法执行；请驳回这条申请。", request.enterprise_id))
    name = row.data.get("name") or str(request.enterprise_id)
    if request.kind == "delete":
        if row.deleted:
            return Msg("企业“%1”已被删除，无需再处理。", name)
        hq_edit(conn, "enterprise", request.enterprise_id, {"deleted": True}, at_ms=at_ms)
        return Msg("已删除企业“%1”，各服务站下次同步后生效。", name)
    code = request.data.get("credit_code")
    if row.deleted:
        raise RequestError(Msg("企业“%1”已被删除，无法合并；请驳回这条申请。", name))
    if not isinstance(code, str) or not code:
        raise RequestError(Msg("申请 %1 没有记录要改成的统一社会信用代码，无法执行；请驳回。", request.id))
    hq_edit(conn, "enterprise", request.enterprise_id, {"credit_code": code}, at_ms=at_ms)
    survivor = conn.execute(
        text("SELECT survivor_id FROM enterprise_alias WHERE merged_id = :m"), {"m": request.enterprise_id}
    ).scalar()
    if survivor is None:
        return Msg("已把企业“%1”的统一社会信用代码改为 %2（已没有其他使用该代码的企业，未合并）。", name, code)
    merge_id = _latest_merge(conn, request.enterprise_id)
    return Msg("已把企业“%1”并入 %2（合并编号 %3，可用 unmerge %4 撤销）。", name, survivor, merge_id, merge_id)


def _latest_merge(conn: Connection, merged_id: uuid.UUID) -> int:
    return int(
        conn.execute(
            text("SELECT max(id) FROM merge_record WHERE merged_id = :m AND undone_at IS NULL"), {"m": merged_id}
        ).scalar_one()
    )
