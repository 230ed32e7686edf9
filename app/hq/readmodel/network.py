"""站点网络: one row per station, a summary by district, and one station's page, all read
from the read models (never replica_row's JSON).

A station's district and name are HQ's (station_account); its host organisation, sign and
work rules are what the station reports (its `station` row, rm_station); its status is the
one HQ publishes to it (approved / revoked; later issues add selection and exit states).
Staffing is judged with app.domain.obligations (full-time, joined and not yet left, at least
MINIMUM_FULL_TIME); demands open and overdue with app.domain.figure_rules; reports with
app.hq.readmodel.reports_due.  The year's figures are app.hq.readmodel.query's.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, text

from app.domain.errors import ValidationError
from app.domain.figure_rules import OPEN_STATUSES
from app.domain.messages import Msg
from app.domain.obligations import MINIMUM_FULL_TIME, on_staff
from app.domain.periods import CHINA_TIME, check_year, china_today, year_period
from app.hq import admin_views
from app.hq.readmodel import reports_due
from app.hq.readmodel.query import StationFigures, monthly_figures, station_figures

STATUS_LABELS = {"approved": "已授牌", "revoked": "已撤销"}
MAX_DISTRICT_CHARS = 20


class StationNotFound(LookupError):
    """`args[0]` is a Chinese message naming the code."""


@dataclass(frozen=True)
class NetworkRow:
    station_id: uuid.UUID
    code: str
    name: str
    district: str
    host_organisation: str
    status: str  # approved / revoked
    enrolled: bool
    last_sync: datetime | None
    full_time_staff: int
    staff_on_roll: int
    signage_hung_on: date | None
    work_rules_filed_on: date | None
    reports: reports_due.ReportTally
    figures: StationFigures
    demands_open: int
    demands_overdue: int

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def staff_rule_met(self) -> bool:
        return self.full_time_staff >= MINIMUM_FULL_TIME


@dataclass
class DistrictRow:
    district: str
    stations: int = 0
    staff_rule_met: int = 0
    signage_hung: int = 0
    work_rules_filed: int = 0
    reports_due: int = 0
    reports_submitted: int = 0
    reports_late: int = 0
    enterprises_served: int = 0  # the stations' counts added: one enterprise served by two stations counts twice
    service_records: int = 0
    events_held: int = 0
    attendees_people: int = 0
    demands_open: int = 0
    demands_overdue: int = 0
    rated: int = 0
    satisfied: int = 0

    @property
    def satisfied_share(self) -> float | None:
        return self.satisfied / self.rated if self.rated else None


_STATIONS = """SELECT a.station_id, a.code, a.name, a.district, coalesce(s.host_organisation, ''),
        coalesce(nullif(s.status, ''), CASE a.status WHEN 'active' THEN 'approved' ELSE a.status END),
        a.enrolled_at IS NOT NULL, a.last_seen_at, s.signage_hung_on, s.work_rules_filed_on
    FROM station_account a LEFT JOIN rm_station s ON s.station_id = a.station_id {where} ORDER BY a.code"""


def _stations(conn: Connection, where: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.execute(text(_STATIONS.format(where=where)), params)]


def _staff(conn: Connection, ids: list[uuid.UUID], today: date) -> dict[uuid.UUID, tuple[int, int]]:
    counts: dict[uuid.UUID, list[int]] = defaultdict(lambda: [0, 0])
    rows = conn.execute(text("SELECT station_id, full_time, start_date, end_date FROM rm_staff WHERE station_id = ANY(:ids)"),
                        {"ids": ids})
    for sid, full_time, start, end in rows:
        if on_staff(start, end, today):
            counts[sid][1] += 1
            counts[sid][0] += int(full_time)
    return {sid: (c[0], c[1]) for sid, c in counts.items()}


def _reports(conn: Connection, ids: list[uuid.UUID], periods: list[str]) -> dict[uuid.UUID, list[reports_due.StoredReport]]:
    out: dict[uuid.UUID, list[reports_due.StoredReport]] = defaultdict(list)
    rows = conn.execute(
        text("SELECT station_id, kind, period, status, submitted_at FROM rm_report "
             "WHERE station_id = ANY(:ids) AND period = ANY(:periods)"),
        {"ids": ids, "periods": periods},
    )
    for row in rows:
        out[row[0]].append(reports_due.StoredReport(*row))
    return out


def _demands(conn: Connection, ids: list[uuid.UUID], today: date) -> dict[uuid.UUID, tuple[int, int]]:
    rows = conn.execute(
        text("SELECT station_id, count(*), count(*) FILTER (WHERE due_on < :today) FROM rm_demand "
             "WHERE station_id = ANY(:ids) AND status = ANY(:open) GROUP BY station_id"),
        {"ids": ids, "today": today, "open": list(OPEN_STATUSES)},
    )
    return {sid: (int(n), int(late)) for sid, n, late in rows}


def network_rows(
    conn: Connection, *, year: int, district: str | None = None, status: str | None = None,
    today: date | None = None, at: datetime | None = None,
) -> list[NetworkRow]:
    """One row per station (by code), optionally of one district and one status.
    ValidationError (Chinese, naming the field) for a bad year, district or status."""
    check_year(year)
    check_filters(district, status)
    today = today or china_today()
    conditions, params = [], {}
    if district:
        conditions.append("a.district = :district")
        params["district"] = district
    stations = _stations(conn, f"WHERE {' AND '.join(conditions)}" if conditions else "", params)
    if status:
        stations = [s for s in stations if s[5] == status]
    return _rows(conn, stations, year, today, at)


def check_filters(district: str | None, status: str | None) -> None:
    if district is not None and len(district) > MAX_DISTRICT_CHARS:
        raise ValidationError(Msg("所在区：最多%1个字，请填写区名，例如“天河区”。", MAX_DISTRICT_CHARS), "district")
    if status and status not in STATUS_LABELS:
        choices = "、".join(f"{k}（{v}）" for k, v in STATUS_LABELS.items())
        raise ValidationError(Msg("状态：“%1”不是可选的状态，请从%2中选择。", status[:20], choices), "status")


def _rows(conn: Connection, stations: list[tuple[Any, ...]], year: int, today: date, at: datetime | None) -> list[NetworkRow]:
    ids = [s[0] for s in stations]
    if not ids:
        return []
    figures = station_figures(conn, year_period(year), ids, at=at)
    staff = _staff(conn, ids, today)
    reports = _reports(conn, ids, reports_due.periods_of_year(year))
    demands = _demands(conn, ids, today)
    out = []
    for sid, code, name, district, host, status, enrolled, seen, sign, rules in stations:
        tally = reports_due.tally(reports_due.station_obligations(year, reports.get(sid, [])), today)
        full_time, on_roll = staff.get(sid, (0, 0))
        open_, overdue = demands.get(sid, (0, 0))
        out.append(NetworkRow(sid, code, name, district, host, status, bool(enrolled), seen, full_time, on_roll,
                              sign if sign and sign <= today else None, rules if rules and rules <= today else None,
                              tally, figures[sid], open_, overdue))
    return out


def district_summary(rows: Sequence[NetworkRow]) -> list[DistrictRow]:
    """One row per district (by name), then the whole network as "全市"."""
    groups: dict[str, DistrictRow] = {}
    total = DistrictRow("全市")
    for row in rows:
        for target in (groups.setdefault(row.district or "（未填区）", DistrictRow(row.district or "（未填区）")), total):
            target.stations += 1
            target.staff_rule_met += int(row.staff_rule_met)
            target.signage_hung += int(row.signage_hung_on is not None)
            target.work_rules_filed += int(row.work_rules_filed_on is not None)
            target.reports_due += row.reports.due
            target.reports_submitted += row.reports.submitted
            target.reports_late += row.reports.late
            f = row.figures
            target.enterprises_served += f.enterprises_served
            target.service_records += f.service_records
            target.events_held += f.events_held
            target.attendees_people += f.attendees_people
            target.demands_open += row.demands_open
            target.demands_overdue += row.demands_overdue
            target.rated += f.rated
            target.satisfied += f.satisfied
    return [*(groups[k] for k in sorted(groups)), *([total] if rows else [])]


@dataclass(frozen=True)
class StaffLine:
    name: str
    role: str
    full_time: bool
    start_date: date | None
    end_date: date | None
    on_staff: bool


@dataclass(frozen=True)
class EventLine:
    title: str
    event_type: str
    starts_at: datetime
    held: bool
    registered: int
    checked_in: int
    walk_in: int
    enterprises: int

    @property
    def people(self) -> int:
        return self.checked_in + self.walk_in


@dataclass(frozen=True)
class ReportLine:
    kind: str
    period: str
    status: str
    submitted_at: datetime | None


@dataclass(frozen=True)
class StationDetail:
    row: NetworkRow
    year: int
    today: date  # the day staff, demands and reports were judged on
    staff: list[StaffLine]
    months: list[tuple[int, StationFigures]]
    events: list[EventLine]
    obligations: list[reports_due.Obligation]
    reports: list[ReportLine]
    conflicts: list[Any] = field(default_factory=list)  # app.hq.admin_views.ConflictRow
    rejected: list[Any] = field(default_factory=list)  # app.hq.admin_views.RejectedRow


def station_detail(
    conn: Connection, code: str, year: int, *, today: date | None = None, at: datetime | None = None, limit: int = 50
) -> StationDetail:
    """A station's page.  StationNotFound (Chinese) for an unknown code."""
    check_year(year)
    today = today or china_today()
    cutoff = at or datetime.now(UTC)
    stations = _stations(conn, "WHERE a.code = :code", {"code": code})
    if not stations:
        raise StationNotFound(Msg("没有编号为“%1”的服务站，请从站点网络列表中选择。", code[:40]))
    row = _rows(conn, stations, year, today, at)[0]
    sid = row.station_id
    staff = [StaffLine(n, r, ft, s, e, on_staff(s, e, today)) for n, r, ft, s, e in conn.execute(
        text("SELECT name, role, full_time, start_date, end_date FROM rm_staff WHERE station_id = :s "
             "ORDER BY NOT full_time, name"), {"s": sid})]
    start, end = year_period(year).utc_range()
    events = [EventLine(t, k, s, s <= cutoff, r, c, w, e) for t, k, s, r, c, w, e in conn.execute(
        text("SELECT title, event_type, starts_at, registered, checked_in, walk_in, enterprises FROM rm_event "
             "WHERE station_id = :s AND starts_at >= :a AND starts_at < :b ORDER BY starts_at"),
        {"s": sid, "a": start, "b": end})]
    stored = [reports_due.StoredReport(*r) for r in conn.execute(
        text("SELECT station_id, kind, period, status, submitted_at FROM rm_report WHERE station_id = :s "
             "ORDER BY period DESC, kind"), {"s": sid})]
    return StationDetail(
        row, year, today, staff, monthly_figures(conn, sid, year, at=at), events,
        reports_due.station_obligations(year, stored),
        [ReportLine(r.kind, r.period, r.status, r.submitted_at) for r in stored],
        admin_views.list_conflicts(conn, code, limit), admin_views.list_rejected(conn, code, limit),
    )


def china_time(moment: datetime | None) -> str:
    return moment.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M") if moment else ""
