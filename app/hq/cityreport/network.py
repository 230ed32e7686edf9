"""The stations of the network and their compliance with the convention, from HQ's read models
(rm_station, rm_staff, rm_report: typed copies of the replicated rows, migration 0004)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, text

from app.hq.cityreport import deadlines
from app.hq.cityreport.model import Compliance


@dataclass(frozen=True)
class Station:
    id: uuid.UUID
    code: str
    name: str
    district: str
    status: str
    signage_hung_on: date | None
    work_rules_filed_on: date | None


def stations(conn: Connection) -> list[Station]:
    """Every station HQ has created (its `station` row), by district then code."""
    rows = conn.execute(text(
        "SELECT station_id, code, name, district, coalesce(nullif(status, ''), 'approved'), signage_hung_on,"
        " work_rules_filed_on FROM rm_station ORDER BY district, code"
    )).all()
    return [Station(*row) for row in rows]


def full_time_staff(conn: Connection, on: date) -> dict[uuid.UUID, int]:
    """Full-time staff on `on` per station: live, joined by then and not yet left."""
    rows = conn.execute(text(
        "SELECT station_id, count(*) FROM rm_staff WHERE full_time"
        " AND (start_date IS NULL OR start_date <= :on) AND (end_date IS NULL OR end_date >= :on) GROUP BY station_id"
    ), {"on": on}).all()
    return {sid: int(n) for sid, n in rows if sid is not None}


Reports = dict[str, tuple[str, datetime | None]]  # key → (status, submitted_at)


def annual_reports(conn: Connection, year: int) -> dict[uuid.UUID, dict[str, tuple[str, datetime | None]]]:
    """station → {"summary": …, "plan": …}: the summary of `year` and the plan for `year + 1`."""
    rows = conn.execute(text(
        "SELECT station_id, kind, coalesce(nullif(status, ''), 'draft'), submitted_at FROM rm_report"
        " WHERE (kind = 'summary' AND period = :y) OR (kind = 'plan' AND period = :next)"
    ), {"y": str(year), "next": str(year + 1)}).all()
    found: dict[uuid.UUID, dict[str, tuple[str, datetime | None]]] = defaultdict(dict)
    for sid, kind, status, at in rows:
        found[sid][kind] = (status, at)
    return found


def info_reports(conn: Connection, year: int) -> dict[uuid.UUID, Reports]:
    """station → {period key: (status, submitted_at)} for the information reports of `year`."""
    rows = conn.execute(text(
        "SELECT station_id, period, coalesce(nullif(status, ''), 'draft'), submitted_at FROM rm_report"
        " WHERE kind = 'info' AND period LIKE :y"
    ), {"y": f"{year}-%"}).all()
    found: dict[uuid.UUID, Reports] = defaultdict(dict)
    for sid, key, status, at in rows:
        found[sid][key] = (status, at)
    return found


def compliance(conn: Connection, year: int, on: date, today: date) -> dict[uuid.UUID, Compliance]:
    """Each station's compliance: staff, signage and work rules on `on`; reports as of `today`."""
    staff = full_time_staff(conn, on)
    annual = annual_reports(conn, year)
    info = info_reports(conn, year)
    summary_due, plan_due = deadlines.annual_due(year, "summary"), deadlines.annual_due(year + 1, "plan")
    quarters = deadlines.quarters_due(year, today)
    result = {}
    for s in stations(conn):
        mine = annual.get(s.id, {})
        summary, plan = mine.get("summary", ("", None)), mine.get("plan", ("", None))
        reports = info.get(s.id, {})
        result[s.id] = Compliance(
            on, staff.get(s.id, 0), _by(s.signage_hung_on, on), _by(s.work_rules_filed_on, on),
            summary[0], summary[1], deadlines.on_time(*summary, summary_due), plan[0], plan[1], deadlines.on_time(*plan, plan_due),
            len(quarters), sum(1 for q in quarters if deadlines.quarter_covered(q, reports)),
        )
    return result


def _by(day: date | None, on: date) -> date | None:
    """`day` when it is on or before `on` (a date after the report's day does not count yet)."""
    return day if day is not None and day <= on else None
