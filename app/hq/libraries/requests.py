"""Stations' requests to delete or merge away a shared enterprise, decided by HQ, and the
undo of a credit-code merge: app.hq.request_decisions and app.hq.unmerge (the command
line's own functions), audited."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from app.domain.messages import Msg
from app.hq import enterprise_requests
from app.hq.libraries import store
from app.hq.libraries.errors import LibraryError, conflict, invalid
from app.hq.libraries.store import Audit
from app.hq.request_decisions import decide as decide_request
from app.hq.unmerge import UnmergeError, unmerge

MAX_COMMENT = 1000


def list_requests(conn: Connection, *, status: object = "pending", limit: object = 100) -> dict[str, Any]:
    """Requests, oldest first; `status` None or "all" lists every one."""
    lim, _ = store.page_args(limit, 0)
    wanted = None if status in (None, "", "all") else status
    if wanted is not None and wanted not in enterprise_requests.STATUSES:
        raise invalid("status", Msg("申请状态（status）应为%1或 all。", '、'.join(enterprise_requests.STATUSES)))
    rows = enterprise_requests.list_requests(conn, wanted if isinstance(wanted, str) else None, lim)
    return {"rows": [dict(r.to_json(), kind_label=r.kind_label, status_label=r.status_label) for r in rows]}


def _number(value: object, label: str = "申请编号") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**62:
        raise invalid("id", Msg("%1（id）应为正整数。", label))
    return value


def decide(conn: Connection, audit: Audit, request_id: object, approve: object, comment: object, decided_by: str) -> dict[str, Any]:
    """Approve (carry out the deletion or merge as HQ's edit) or reject one pending request."""
    number = _number(request_id)
    if not isinstance(approve, bool):
        raise invalid("approve", "处理结果（approve）应为 true（批准）或 false（驳回）。")
    if comment is None:
        comment = ""
    if not isinstance(comment, str) or len(comment) > MAX_COMMENT:
        raise invalid("comment", Msg("处理意见（comment）应为不超过%1个字的文字。", MAX_COMMENT))
    try:
        before = enterprise_requests.get_request(conn, number, lock=True)
        decision = decide_request(conn, number, approve=approve, decided_by=decided_by, comment=comment)
    except enterprise_requests.RequestError as exc:
        raise _as_error(str(exc)) from None
    action = "enterprise_request.approve" if approve else "enterprise_request.reject"
    after = dict(decision.request.to_json(), outcome=decision.outcome)
    audit(conn, action, f"enterprise_request/{number} {before.enterprise_name[:60]}", before.to_json(), after)
    return after


def _as_error(message: str) -> LibraryError:
    if message.startswith("找不到"):
        return LibraryError(404, "id", message)
    return conflict(message)


def undo_merge(conn: Connection, audit: Audit, merge_id: object, undone_by: str) -> dict[str, Any]:
    """Undo credit-code merge `merge_id`: both enterprises live again, each with its own data."""
    number = _number(merge_id, "合并编号")
    try:
        result = unmerge(conn, number, undone_by=undone_by)
    except UnmergeError as exc:
        raise _as_error(str(exc)) from None
    after = {"merge_id": result.merge_id, "survivor_id": str(result.survivor_id), "merged_id": str(result.merged_id),
             "restored_fields": result.restored_fields, "references": result.references, "aliases": result.aliases}
    before = {"merge_id": number, "survivor_id": after["survivor_id"], "merged_id": after["merged_id"], "undone": False}
    audit(conn, "enterprise.unmerge", f"merge_record/{number}", before, after)
    return after
