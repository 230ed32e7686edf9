"""Read-outs for `station-desk-hq`: annual reports, conflicts, rejected writes; and the
review of an annual report (through hq_edit, which enforces the state machine)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from app.domain.export_columns import ENTERPRISE_COLUMNS
from app.hq.hq_edits import EditResult, HqEditError, hq_edit
from app.hq.owned import REPORT_STATUSES

REPORT_KINDS = {"summary": "总结", "plan": "计划"}
FIELD_LABELS = {name: header for header, name in ENTERPRISE_COLUMNS} | {"deleted": "删除标记", "notes": "备注"}
HQ_WRITER = "服务总站"


@dataclass(frozen=True)
class ReportRow:
    station_code: str
    year: int
    kind: str
    status: str
    submitted_at: str
    id: uuid.UUID
    review_comment: str

    @property
    def kind_label(self) -> str:
        return REPORT_KINDS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return REPORT_STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class ConflictRow:
    at: str
    tbl: str
    row_id: uuid.UUID
    field: str
    losing_value: str
    winning_value: str
    loser: str
    winner: str

    @property
    def field_label(self) -> str:
        label = FIELD_LABELS.get(self.field)
        return f"{label}({self.field})" if label else self.field


@dataclass(frozen=True)
class RejectedRow:
    at: str
    station_code: str
    tbl: str
    row_id: uuid.UUID | None
    reason: str
    message: str


def _time(value: datetime | str | None) -> str:
    if not value:
        return "-"
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _value(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def station_id_of(conn: Connection, code: str) -> uuid.UUID:
    found: uuid.UUID | None = conn.execute(
        text("SELECT station_id FROM station_account WHERE code = :c"), {"c": code}
    ).scalar()
    if found is None:
        raise HqEditError(f"没有编号为 {code} 的服务站（list-stations 可列出全部编号）。")
    return found


def _codes(conn: Connection) -> dict[uuid.UUID, str]:
    return {sid: code for sid, code in conn.execute(text("SELECT station_id, code FROM station_account"))}


def list_reports(conn: Connection, station: str | None = None, status: str | None = None) -> list[ReportRow]:
    """Annual reports (not deleted), by station code, year, kind."""
    if status is not None and status not in REPORT_STATUSES:
        raise HqEditError(f"状态“{status}”无效，可选：{'、'.join(f'{k}（{v}）' for k, v in REPORT_STATUSES.items())}。")
    params: dict[str, Any] = {"st": status}
    where = "r.tbl = 'annual_report' AND NOT r.deleted AND (CAST(:st AS text) IS NULL OR r.data->>'status' = :st)"
    if station is not None:
        params["sid"] = station_id_of(conn, station)
        where += " AND r.station_id = :sid"
    rows = conn.execute(
        text(
            "SELECT coalesce(a.code, CAST(r.station_id AS text)), r.data, r.id FROM replica_row r "
            f"LEFT JOIN station_account a ON a.station_id = r.station_id WHERE {where} "
            "ORDER BY 1, (r.data->>'year') DESC, r.data->>'kind'"
        ),
        params,
    )
    return [
        ReportRow(code, int(data.get("year") or 0), str(data.get("kind", "")), str(data.get("status", "")),
                  _time(data.get("submitted_at")), row_id, str(data.get("review_comment") or ""))
        for code, data, row_id in rows
    ]


def find_report(conn: Connection, station: str, year: int, kind: str) -> ReportRow:
    if kind not in REPORT_KINDS:
        raise HqEditError("报告类型应为 summary（总结）或 plan（计划）。")
    for row in list_reports(conn, station):
        if row.year == year and row.kind == kind:
            return row
    raise HqEditError(f"服务站 {station} 没有 {year} 年度{REPORT_KINDS[kind]}（可能还没有同步上来）。")


def review_report(conn: Connection, station: str, year: int, kind: str, *, accept: bool, comment: str = "") -> EditResult:
    """Accept or return a submitted report.  Anything but submitted → accepted/returned is
    refused by hq_edit (HqEditError, Chinese); returning needs a comment."""
    comment = comment.strip()
    if not accept and not comment:
        raise HqEditError("退回年度报告时必须写明退回意见（--comment），说明需要修改什么。")
    report = find_report(conn, station, year, kind)
    changes: dict[str, Any] = {"status": "accepted" if accept else "returned"}
    if comment:
        changes["review_comment"] = comment
    return hq_edit(conn, "annual_report", report.id, changes)


def list_conflicts(conn: Connection, station: str | None = None, limit: int = 50) -> list[ConflictRow]:
    """Newest first; `station` matches either side of the conflict."""
    params: dict[str, Any] = {"n": limit}
    where = ""
    if station is not None:
        params["sid"] = station_id_of(conn, station)
        where = "WHERE winning_station_id = :sid OR losing_station_id = :sid"
    codes = _codes(conn)

    def who(sid: uuid.UUID | None) -> str:
        return HQ_WRITER if sid is None else codes.get(sid, str(sid))

    rows = conn.execute(
        text(
            "SELECT at, tbl, row_id, field, losing_value, winning_value, losing_station_id, winning_station_id "
            f"FROM conflict_log {where} ORDER BY at DESC, id DESC LIMIT :n"
        ),
        params,
    )
    return [ConflictRow(_time(at), tbl, rid, f, _value(lv), _value(wv), who(ls), who(ws))
            for at, tbl, rid, f, lv, wv, ls, ws in rows]


def list_rejected(conn: Connection, station: str | None = None, limit: int = 50) -> list[RejectedRow]:
    """Newest first."""
    params: dict[str, Any] = {"n": limit}
    where = ""
    if station is not None:
        params["sid"] = station_id_of(conn, station)
        where = "WHERE w.station_id = :sid"
    rows = conn.execute(
        text(
            "SELECT w.at, coalesce(a.code, CAST(w.station_id AS text)), w.tbl, w.row_id, w.reason, w.message "
            f"FROM rejected_write w LEFT JOIN station_account a ON a.station_id = w.station_id {where} "
            "ORDER BY w.at DESC, w.id DESC LIMIT :n"
        ),
        params,
    )
    return [RejectedRow(_time(at), code, tbl, rid, reason, message) for at, code, tbl, rid, reason, message in rows]
