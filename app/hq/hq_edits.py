"""Writes made by HQ itself: staff edits and published reference data."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from app.domain import row_rules
from app.domain.messages import Msg
from app.hq import merge
from app.hq.owned import REPORT_STATUSES, REVIEWED_REPORTS
from app.hq.push import ApplyContext, PushResult, now_ms
from app.hq.wire import WireRow, check_json_value, clean_data
from app.models.types import uuid7
from app.sync.protocol import (
    ANNUAL_REPORT_HQ_MOVES,
    HQ_REFERENCE,
    STATION_PROFILE_COLUMNS,
    STATION_PROFILE_TABLE,
    hlc_from_ms,
)


class HqEditError(Exception):
    """An edit HQ may not make; `args[0]` is a Chinese message."""


class RowRuleError(HqEditError):
    """A published row breaks the row rules (app.domain.row_rules): `field` names the column."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class EditResult:
    tbl: str
    id: uuid.UUID
    version: int
    conflicts: int = 0


def hq_edit(conn: Connection, tbl: str, row_id: uuid.UUID, changes: Mapping[str, Any], at_ms: int | None = None) -> EditResult:
    """Change fields of one row as HQ.  Enterprises merge with a server HLC stamp (so a
    station's concurrent edit conflicts with it); annual and information reports accept HQ's moves."""
    check_json_value(dict(changes))
    old = conn.execute(
        text("SELECT station_id, version, deleted, data, field_hlc FROM replica_row WHERE tbl = :t AND id = :i FOR UPDATE"),
        {"t": tbl, "i": row_id},
    ).first()
    if old is None:
        raise HqEditError(Msg("找不到要修改的记录（%1 %2）。", tbl, row_id))
    stamp_ms = at_ms or now_ms()
    if tbl == "enterprise":
        stamp = max([hlc_from_ms(stamp_ms), *(h + 1 for h in (old.field_hlc or {}).values())])
        fields = clean_data(tbl, dict(changes))
        deleted = bool(changes.get("deleted", old.deleted))
        stamps = dict.fromkeys([*fields, *(["deleted"] if "deleted" in changes else [])], stamp)
        row = WireRow(tbl=tbl, id=row_id, station_id=old.station_id, deleted=deleted, data=fields, field_hlc=stamps)
        ctx = ApplyContext(conn, None, None, stamp_ms, PushResult("", "applied"))
        merge.apply_enterprise(ctx, row)
        version = ctx.result.versions[-1]["version"] if ctx.result.versions else old.version
        return EditResult(tbl, row_id, version, ctx.result.conflicts)
    if tbl in REVIEWED_REPORTS:
        allowed = {"status", "review_comment"}
        if set(changes) - allowed:
            raise HqEditError("服务总站只能修改报告的状态和审核意见。")
        if "status" in changes and (old.data.get("status"), changes["status"]) not in ANNUAL_REPORT_HQ_MOVES:
            label = REPORT_STATUSES.get
            raise HqEditError(Msg("报告不能从“%1”改为“%2”。", label(old.data.get("status"), "?"), label(changes["status"], "?")))
    elif tbl not in HQ_REFERENCE:
        raise HqEditError("这类记录归服务站所有，服务总站不能直接修改。")
    elif tbl == STATION_PROFILE_TABLE and set(changes) & STATION_PROFILE_COLUMNS:
        raise HqEditError("挂牌、工作制度、场地设备、联系人和地址电话由服务站自己填报，服务总站不能修改；服务总站可以修改编码、名称、区和状态。")
    data = dict(old.data, **clean_data(tbl, {k: v for k, v in changes.items() if k != "deleted"}))
    version = conn.execute(
        text(
            "UPDATE replica_row SET data = CAST(:d AS jsonb), deleted = :del, version = version + 1, "
            "updated_at = now() WHERE tbl = :t AND id = :i RETURNING version"
        ),
        {"d": json.dumps(data, ensure_ascii=False), "del": bool(changes.get("deleted", old.deleted)), "t": tbl, "i": row_id},
    ).scalar_one()
    return EditResult(tbl, row_id, version)


def publish_reference(conn: Connection, tbl: str, rows: Iterable[Mapping[str, Any]]) -> list[EditResult]:
    """Insert or replace HQ reference rows (policy, service_institution, catalogue_entry,
    expert, station).  Each row: its fields, plus optional "id" and "deleted".
    Unchanged rows keep their version (no needless echo to every station).  A station
    row already stored keeps the profile facts stored for it (the station reports them,
    app.hq.owned.apply_station_profile); a new one takes what is published."""
    if tbl not in HQ_REFERENCE:
        raise HqEditError(Msg("“%1”不是服务总站发布的参考数据（可发布：%2）。", tbl, "、".join(HQ_REFERENCE)))
    results: list[EditResult] = []
    for item in rows:
        row_id = uuid.UUID(str(item["id"])) if item.get("id") else uuid7()
        deleted = bool(item.get("deleted", False))
        data = clean_data(tbl, {k: v for k, v in item.items() if k not in ("id", "deleted")})
        if tbl == STATION_PROFILE_TABLE:
            data = _keep_station_profile(conn, row_id, data)
        check_json_value(data)
        # the rules a pushed row obeys (app.hq.push) and a station's pull checks again: a row
        # they refuse would only be quarantined at every station
        # (not the station row: accounts publishes it from station_account, whose district may
        # still be empty before HQ fills it in)
        problem = None if tbl == STATION_PROFILE_TABLE else row_rules.row_problem(tbl, data)
        if problem is not None:
            raise RowRuleError(Msg("%1 第%2条：%3。", tbl, len(results) + 1, problem.message), problem.field)
        version = conn.execute(
            text(
                "INSERT INTO replica_row (tbl, id, station_id, version, deleted, data) "
                "VALUES (:t, :i, NULL, 1, :del, CAST(:d AS jsonb)) "
                "ON CONFLICT (tbl, id) DO UPDATE SET version = replica_row.version + 1, deleted = EXCLUDED.deleted, "
                "data = EXCLUDED.data, updated_at = now() "
                "WHERE replica_row.data IS DISTINCT FROM EXCLUDED.data OR replica_row.deleted <> EXCLUDED.deleted "
                "RETURNING version"
            ),
            {"t": tbl, "i": row_id, "del": deleted, "d": json.dumps(data, ensure_ascii=False)},
        ).scalar()
        if version is None:
            version = conn.execute(text("SELECT version FROM replica_row WHERE tbl = :t AND id = :i"), {"t": tbl, "i": row_id}).scalar_one()
        results.append(EditResult(tbl, row_id, version))
    return results


def _keep_station_profile(conn: Connection, row_id: uuid.UUID, data: dict[str, Any]) -> dict[str, Any]:
    stored = conn.execute(
        text("SELECT data FROM replica_row WHERE tbl = 'station' AND id = :i FOR UPDATE"), {"i": row_id}
    ).scalar()
    if not stored:
        return data
    return dict(data, **{k: v for k, v in stored.items() if k in STATION_PROFILE_COLUMNS})
