"""Reading and writing one library's rows in replica_row, the way every library does.

A write takes the stored row (`before`), applies the request's fields, checks the whole
row with the row rules (app.domain.row_rules: the push path's and the station pull's own
rules), publishes it with app.hq.hq_edits.publish_reference and hands before/after to the
caller's `Audit`, all in the caller's transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

from app.domain import row_rules
from app.domain.messages import Msg
from app.hq.hq_edits import HqEditError, RowRuleError, publish_reference
from app.hq.libraries.errors import invalid, not_found
from app.hq.wire import check_json_value
from app.models.types import uuid7

# (conn, action, target, before, after): app.hq.admin.audit.record_action with the user bound
Audit = Callable[[Connection, str, str, Any, Any], None]
MAX_PAGE = 200
MAX_OFFSET = 1_000_000


@dataclass(frozen=True)
class Stored:
    id: uuid.UUID
    version: int
    deleted: bool
    data: dict[str, Any]
    txid: int

    def to_json(self) -> dict[str, Any]:
        return {**self.data, "id": str(self.id), "version": self.version, "deleted": self.deleted}


_COLUMNS = "id, version, deleted, data, CAST(txid AS text) AS txid"


def _stored(row: Any) -> Stored:
    return Stored(row.id, row.version, row.deleted, dict(row.data), int(row.txid))


def parse_id(value: object, field: str = "id") -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str) and len(value) <= 40:
        try:
            return uuid.UUID(value)
        except ValueError:
            pass
    raise invalid(field, Msg("编号（%1）应为36位的记录编号（uuid），请从列表中重新选择。", field))


def load(conn: Connection, tbl: str, row_id: uuid.UUID, *, lock: bool = False) -> Stored | None:
    row = conn.execute(
        text(f"SELECT {_COLUMNS} FROM replica_row WHERE tbl = :t AND id = :i" + (" FOR UPDATE" if lock else "")),
        {"t": tbl, "i": row_id},
    ).first()
    return None if row is None else _stored(row)


def require(conn: Connection, tbl: str, row_id: object, what: str, *, lock: bool = False) -> Stored:
    """The live row, or 404 naming `what` (政策, 服务机构 …)."""
    found = load(conn, tbl, parse_id(row_id), lock=lock)
    if found is None or found.deleted:
        raise not_found(what, row_id)
    return found


def page_args(limit: object, offset: object) -> tuple[int, int]:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE:
        raise invalid("limit", Msg("每页条数（limit）应为1到%1之间的整数。", MAX_PAGE))
    if isinstance(offset, bool) or not isinstance(offset, int) or not 0 <= offset <= MAX_OFFSET:
        raise invalid("offset", Msg("起始位置（offset）应为0到%1之间的整数，请缩小查询范围。", MAX_OFFSET))
    return limit, offset


def rows(conn: Connection, tbl: str, where: str, params: Mapping[str, Any], order: str, limit: int, offset: int) -> tuple[list[Stored], int]:
    """One page of live rows of `tbl` and the total; `where`/`order` are the caller's SQL over `data`."""
    found = conn.execute(
        text(
            f"SELECT {_COLUMNS}, count(*) OVER () AS total FROM replica_row WHERE tbl = :t AND NOT deleted "
            f"AND ({where or 'true'}) ORDER BY {order}, id LIMIT :lim OFFSET :off"
        ),
        {**params, "t": tbl, "lim": limit, "off": offset},
    ).all()
    total = found[0].total if found else (0 if offset == 0 else _count(conn, tbl, where, params))
    return [_stored(r) for r in found], total


def _count(conn: Connection, tbl: str, where: str, params: Mapping[str, Any]) -> int:
    return int(conn.execute(
        text(f"SELECT count(*) FROM replica_row WHERE tbl = :t AND NOT deleted AND ({where or 'true'})"), {**params, "t": tbl}
    ).scalar_one())


def like(needle: object, field: str = "text") -> str:
    """A LIKE pattern for a search box: wildcards in what was typed are plain characters."""
    if needle is None:
        return "%"
    if not isinstance(needle, str) or len(needle) > 100 or "\x00" in needle:
        raise invalid(field, Msg("查询文字（%1）应为不超过100个字的文字（不含特殊字符）。", field))
    cleaned = needle.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{cleaned}%"


def fields_of(tbl: str, body: object, allowed: Iterable[str]) -> dict[str, Any]:
    """The request's fields: a JSON object of only `allowed` keys, texts stripped.  Values
    are judged later, with the whole row, by the row rules."""
    if not isinstance(body, dict):
        raise invalid("", "请求内容应为一组字段（JSON 对象），如 {\"name\": \"…\"}。")
    allowed = tuple(allowed)
    rules = row_rules.TABLE_RULES[tbl]
    for key in body:
        if key not in allowed:
            names = "、".join(f"{rules[a].label}（{a}）" if a in rules else a for a in allowed)
            raise invalid(str(key)[:40], Msg("“%1”不能在这里填写或修改；可填写：%2。", str(key)[:40], names))
    return {k: v.strip() if isinstance(v, str) else v for k, v in body.items()}


def check_row(tbl: str, data: Mapping[str, Any]) -> None:
    """422 naming the field when the row breaks the row rules or cannot be stored as JSON."""
    problem = row_rules.row_problem(tbl, data)
    if problem is not None:
        raise invalid(problem.field, Msg("%1。", problem.message))
    rules = row_rules.TABLE_RULES[tbl]
    for name, value in data.items():
        try:
            check_json_value(value)
        except ValueError:
            label = rules[name].label if name in rules else name
            raise invalid(name, Msg("%1（%2）包含无法保存的特殊字符（如空字符），请删除后重试。", label, name)) from None


def save(
    conn: Connection, audit: Audit, tbl: str, action: str, label: str, data: Mapping[str, Any], *,
    before: Stored | None, now: datetime, deleted: bool = False,
) -> Stored:
    """Publish `data` as the whole row (`before` None: a new row), audited as `action`."""
    stamp = now.astimezone(UTC).isoformat()
    row = {**data, "updated_at": stamp}
    if before is None:
        row["created_at"] = stamp
    check_row(tbl, row)
    row_id = before.id if before is not None else uuid7()
    try:
        publish_reference(conn, tbl, [{**row, "id": str(row_id), "deleted": deleted}])
    except RowRuleError as exc:
        raise invalid(exc.field, str(exc)) from None
    except HqEditError as exc:
        raise invalid("", str(exc)) from None
    after = load(conn, tbl, row_id)
    assert after is not None
    audit(conn, action, f"{tbl}/{row_id} {label[:60]}", before.to_json() if before else None, after.to_json())
    return after
