"""The station's standing obligations under the service convention, checked for one day.

Rules (the home page's 合规清单 says the same in Chinese):
* 专职人员: at least two full-time staff on the day (app.services.staff.rules).
* 标识悬挂: the station sign has been hung (Station.signage_hung_on on or before the day).
* 工作制度备案: the work rules have been filed with HQ (Station.work_rules_filed_on, same).
* 年度总结 / 年度计划: the summary of year Y and the plan for year Y+1 are due by 31 January of
  Y+1; a report counts once it is submitted or accepted (a draft or a returned one does not).
  On a day in year T the summary of T-1 and the plan for T are checked; from 1 December, an
  item already done moves on to the next round (summary of T, plan for T+1), shown as pending.
* 定期信息报送: the quarterly report ("YYYY-Qn") of the last finished quarter, due 10 days
  after the quarter ends (Q3 → 10 October); it counts once submitted.
States: ok (met), pending (not yet done, not yet late), overdue (late), missing (a standing
requirement not met).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.obligations import DONE_REPORT_STATUSES
from app.domain.obligations import PERIODIC_GRACE_DAYS as PERIODIC_GRACE_DAYS
from app.domain.obligations import annual_due as annual_due
from app.domain.obligations import last_quarter as last_quarter
from app.models import AnnualReport, InfoReport, Station
from app.services.staff import rules as staff_rules
from app.services.station.identity import current_station

DONE_ANNUAL = DONE_PERIODIC = DONE_REPORT_STATUSES  # app.domain.obligations, HQ's network page counts the same
NEXT_ROUND_FROM_MONTH = 12  # December: the coming round is shown once the current one is done

OK, PENDING, OVERDUE, MISSING = "ok", "pending", "overdue", "missing"


@dataclass(frozen=True)
class Check:
    key: str  # staffing / signage / work_rules / annual_summary / annual_plan / periodic_report
    state: str  # ok / pending / overdue / missing
    due_on: date | None = None  # for reports
    done_on: date | None = None  # signage hung, rules filed
    count: int | None = None  # full-time staff
    required: int | None = None
    year: int | None = None  # the annual report's year
    period: str | None = None  # the periodic report's period, "2026-Q3"

    @property
    def ok(self) -> bool:
        return self.state == OK


@dataclass(frozen=True)
class Checklist:
    has_station: bool
    checks: tuple[Check, ...]

    @property
    def problems(self) -> int:
        return sum(1 for c in self.checks if c.state in (OVERDUE, MISSING))


def _state(done: bool, due: date, today: date) -> str:
    if done:
        return OK
    return OVERDUE if today > due else PENDING


def _dated(key: str, on: date | None, today: date) -> Check:
    hung = on is not None and on <= today
    return Check(key, OK if hung else MISSING, done_on=on if hung else None)


def _annual(session: Session, station: Station, kind: str, today: date) -> Check:
    done_years = set(
        session.scalars(
            select(AnnualReport.year).where(
                AnnualReport.station_id == station.id, AnnualReport.kind == kind,
                AnnualReport.status.in_(DONE_ANNUAL), AnnualReport.deleted.is_(False),
            )
        )
    )
    year = today.year - 1 if kind == "summary" else today.year
    if year in done_years and today.month >= NEXT_ROUND_FROM_MONTH:
        year += 1
    due = annual_due(year, kind)
    return Check(f"annual_{kind}", _state(year in done_years, due, today), due_on=due, year=year)


def _periodic(session: Session, station: Station, today: date) -> Check:
    period, due = last_quarter(today)
    done = session.scalar(
        select(InfoReport.id).where(
            InfoReport.station_id == station.id, InfoReport.period == period,
            InfoReport.status.in_(DONE_PERIODIC), InfoReport.deleted.is_(False),
        )
    )
    return Check("periodic_report", _state(done is not None, due, today), due_on=due, period=period)


def checklist(session: Session, today: date) -> Checklist:
    """Every obligation's state on `today`; empty before the station has been set up."""
    info = current_station(session)
    station = session.get(Station, info.id) if info is not None else None
    if station is None:
        return Checklist(False, ())
    full_time = staff_rules.full_time_count(session, today)
    staffing = Check(
        "staffing", OK if full_time >= staff_rules.MINIMUM_FULL_TIME else MISSING,
        count=full_time, required=staff_rules.MINIMUM_FULL_TIME,
    )
    return Checklist(
        True,
        (
            staffing,
            _dated("signage", station.signage_hung_on, today),
            _dated("work_rules", station.work_rules_filed_on, today),
            _annual(session, station, "summary", today),
            _annual(session, station, "plan", today),
            _periodic(session, station, today),
        ),
    )
