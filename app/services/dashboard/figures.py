"""The home dashboard's figures for this month and this year, cheap enough for a million records.

Definitions (shown to the station manager as they are written here):
* Periods are calendar months and years in China time (UTC+8): `service_date` is already a
  local date; event starts and demand closing times (stored in UTC) are cut at local midnight.
* 服务企业: distinct enterprises with at least one (not deleted) service record dated in the period.
* 活动参与: checked-in attendances (`checked_in_at` set, not deleted) of the period's events plus
  each event's `walk_in_count`.
* 需求: 未办结 = status 受理/分派/处理/反馈 now, whenever received; 超期 = 未办结 and the due date
  before today; 办结 = status 办结 or 回访 with the closing time in the period.
* 满意度: service records with a satisfaction score (1–5) in the period; unrated records are left
  out.  Average = mean score; 满意率 = records scored 4 or 5 / records scored.

Speed: every service-record figure comes from ONE range scan of the covering index
ix_service_record_stats grouped by (service_date, category) — the index order, so no sort —
and served enterprises from one pass over the enterprise keys probing
ix_service_record_enterprise_date.  Neither reads `deleted` row by row: tombstones are counted
in the scan and their few rows are subtracted afterwards.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, case, func, literal, select
from sqlalchemy.orm import Session

from app.domain.demand_loop import OPEN_STATUSES
from app.models import Demand, Enterprise, Event, EventAttendance, ServiceRecord
from app.services import pick_lists
from app.services.dashboard.overview import CHINA_TIME
from app.services.station.compliance import Checklist, checklist

SR = ServiceRecord
CLOSED_STATUSES = ("closed", "followed_up")
SATISFIED_FROM = 4  # a score of 4 or 5 counts as satisfied
BATCH = 500


def china_today() -> date:
    return datetime.now(CHINA_TIME).date()


@dataclass(frozen=True)
class Period:
    key: str  # "month" / "year"
    start: date
    end: date  # exclusive

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end


def month_of(day: date) -> Period:
    end = date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)
    return Period("month", day.replace(day=1), end)


def year_of(day: date) -> Period:
    return Period("year", date(day.year, 1, 1), date(day.year + 1, 1, 1))


def _utc_bounds(period: Period) -> tuple[datetime, datetime]:
    def at(d: date) -> datetime:
        return datetime(d.year, d.month, d.day, tzinfo=CHINA_TIME)

    return at(period.start), at(period.end)


@dataclass(frozen=True)
class CategoryCount:
    code: str
    label: str
    count: int


@dataclass(frozen=True)
class PeriodFigures:
    period: Period
    enterprises_served: int
    service_records: int
    by_category: tuple[CategoryCount, ...]  # most records first; active categories with none included
    rated: int  # records with a satisfaction score
    satisfied: int  # of those, scored 4 or 5
    score_total: int
    events: int
    attendees: int  # checked in + walk-ins
    demands_closed: int

    @property
    def average_satisfaction(self) -> float | None:
        return self.score_total / self.rated if self.rated else None

    @property
    def satisfied_share(self) -> float | None:
        return self.satisfied / self.rated if self.rated else None


@dataclass(frozen=True)
class Dashboard:
    today: date
    enterprises: int  # in the library now (not deleted)
    month: PeriodFigures
    year: PeriodFigures
    monthly_records: tuple[int, ...]  # this year, January..December
    open_demands: int
    overdue_demands: int
    compliance: Checklist

    @property
    def is_empty(self) -> bool:
        return not (self.enterprises or self.year.service_records or self.open_demands or self.year.events)


@dataclass
class _Tally:
    records: int = 0
    rated: int = 0
    satisfied: int = 0
    score_total: int = 0

    def add(self, records: int, rated: int, satisfied: int, score_total: int) -> None:
        self.records += records
        self.rated += rated
        self.satisfied += satisfied
        self.score_total += score_total


@dataclass
class _Records:
    by_day_category: dict[tuple[date, str], _Tally]
    tombstones: list[tuple[date, str, object, int | None]]  # (day, category, enterprise_id, score)

    def tally(self, period: Period) -> tuple[_Tally, Counter[str]]:
        total, categories = _Tally(), Counter[str]()
        for (day, category), t in self.by_day_category.items():
            if period.contains(day):
                total.add(t.records, t.rated, t.satisfied, t.score_total)
                categories[category] += t.records
        return total, categories


def scan_statement(year: Period) -> Select[Any]:
    """The year's records grouped by (day, category), deleted ones included (counted apart):
    a range of ix_service_record_stats read in index order."""
    satisfied = case((SR.satisfaction >= SATISFIED_FROM, 1), else_=0)
    return (
        select(SR.service_date, SR.category, func.count(), func.sum(case((SR.deleted, 1), else_=0)),
               func.count(SR.satisfaction), func.sum(satisfied), func.coalesce(func.sum(SR.satisfaction), 0))
        .where(SR.service_date >= year.start, SR.service_date < year.end)
        .group_by(SR.service_date, SR.category)
    )


def _scan_records(session: Session, year: Period) -> _Records:
    """One pass over the covering index, then the tombstones' own rows (by day) are read and
    taken off again."""
    rows = session.execute(scan_statement(year)).all()
    by_day: dict[tuple[date, str], _Tally] = {}
    tomb_days: set[date] = set()
    for day, category, count, deleted, rated, sat, score in rows:
        by_day[(day, category)] = _Tally(count, rated, int(sat or 0), int(score))
        if deleted:
            tomb_days.add(day)
    tombstones: list[tuple[date, str, object, int | None]] = []
    for chunk in _chunks(sorted(tomb_days)):
        tombstones += session.execute(
            select(SR.service_date, SR.category, SR.enterprise_id, SR.satisfaction).where(
                SR.service_date.in_(chunk), SR.deleted.is_(True)
            )
        ).all()
    for day, category, _enterprise, score in tombstones:
        t = by_day[(day, category)]
        scored = score is not None
        t.add(-1, -int(scored), -int(scored and score >= SATISFIED_FROM), -(score or 0))
    return _Records(by_day, tombstones)


def _chunks(values: Sequence[object], size: int = BATCH) -> Iterable[Sequence[object]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _has_record(period: Period):  # type: ignore[no-untyped-def]
    # select(1), not exists()'s SELECT *: with * SQLite reads the table row, not just the index
    return select(literal(1)).where(SR.enterprise_id == Enterprise.id, SR.service_date >= period.start,
                                    SR.service_date < period.end).exists()


def _served_any(session: Session, periods: Sequence[Period]) -> list[int]:
    """Enterprises with any record, deleted or not, in each period: one probe per enterprise
    and period into ix_service_record_enterprise_date, which holds no `deleted`."""
    return [int(count) for count in session.execute(served_statement(periods)).one()]


def served_statement(periods: Sequence[Period]) -> Select[Any]:
    return select(*(func.count(case((_has_record(p), 1))) for p in periods)).select_from(Enterprise)


def _served_minus_tombstones(
    session: Session, records: _Records, periods: Sequence[Period], served_any: list[int]
) -> list[int]:
    """Take off the enterprises whose only records in a period are deleted ones; the
    suspects come from the (few) tombstones the scan found."""
    served = list(served_any)
    for index, period in enumerate(periods):
        suspects = sorted({e for day, _c, e, _s in records.tombstones if period.contains(day)}, key=str)
        live: set[object] = set()
        for chunk in _chunks(suspects):
            live.update(session.scalars(
                select(SR.enterprise_id).distinct().where(
                    SR.enterprise_id.in_(chunk), SR.service_date >= period.start,
                    SR.service_date < period.end, SR.deleted.is_(False))
            ))
        served[index] -= len(suspects) - len(live)
    return served


def _events(session: Session, year: Period) -> list[tuple[datetime, int, int]]:
    """(start, walk-ins, checked-in attendances) of the year's live events."""
    start_at, end_at = _utc_bounds(year)
    checked_in = (
        select(func.count())
        .where(EventAttendance.event_id == Event.id, EventAttendance.deleted.is_(False),
               EventAttendance.checked_in_at.is_not(None))
        .scalar_subquery()
    )
    rows = session.execute(
        select(Event.starts_at, Event.walk_in_count, checked_in).where(
            Event.starts_at >= start_at, Event.starts_at < end_at, Event.deleted.is_(False)
        )
    )
    return [(at, walk_ins or 0, count) for at, walk_ins, count in rows]


def _demands(session: Session, today: date, periods: Sequence[Period]) -> tuple[int, int, list[int]]:
    """Open now, overdue now, and closed in each period — one pass over the demand table."""
    is_open = Demand.status.in_(OPEN_STATUSES)
    closed = Demand.status.in_(CLOSED_STATUSES)
    columns = [
        func.count(case((is_open, 1))),
        func.count(case((is_open & (Demand.due_on < today), 1))),
    ]
    for period in periods:
        start_at, end_at = _utc_bounds(period)
        columns.append(func.count(case((closed & (Demand.closed_at >= start_at) & (Demand.closed_at < end_at), 1))))
    row = session.execute(select(*columns).where(Demand.deleted.is_(False))).one()
    return int(row[0]), int(row[1]), [int(v) for v in row[2:]]


def _categories(session: Session, counts: Counter[str]) -> tuple[CategoryCount, ...]:
    labels = pick_lists.labels(session, pick_lists.SERVICE_CATEGORY)
    order = list(pick_lists.active_codes(session, pick_lists.SERVICE_CATEGORY))
    codes = order + sorted(code for code in counts if code not in order and counts[code])
    rank = {code: i for i, code in enumerate(codes)}
    items = [CategoryCount(code, labels.get(code, code), counts.get(code, 0)) for code in codes]
    return tuple(sorted(items, key=lambda item: (-item.count, rank[item.code])))


def home_dashboard(session: Session, today: date, *, scan_session: Session | None = None) -> Dashboard:
    """All figures of the home page for the month and the year containing `today`.

    With `scan_session` (a second session of the same database) the record scan, the one
    heavy read, runs on a worker thread while `session` does the rest: SQLite releases the
    GIL while it steps, so on two cores the page waits for the longer half only."""
    month, year = month_of(today), year_of(today)
    with ThreadPoolExecutor(1) if scan_session is not None else nullcontext() as pool:
        pending = pool.submit(_scan_records, scan_session, year) if pool is not None else None
        served_any = _served_any(session, [month, year])
        events = _events(session, year)
        open_demands, overdue, closed = _demands(session, today, [month, year])
        enterprises = int(
            session.scalar(select(func.count()).select_from(Enterprise).where(Enterprise.deleted.is_(False))) or 0
        )
        compliance = checklist(session, today)
        records = pending.result() if pending is not None else _scan_records(session, year)
    served = _served_minus_tombstones(session, records, [month, year], served_any)

    def figures(period: Period, served_count: int, closed_count: int) -> PeriodFigures:
        tally, categories = records.tally(period)
        start_at, end_at = _utc_bounds(period)
        own = [e for e in events if start_at <= e[0] < end_at]
        return PeriodFigures(
            period, served_count, tally.records, _categories(session, categories), tally.rated, tally.satisfied,
            tally.score_total, len(own), sum(walk_ins + checked for _at, walk_ins, checked in own), closed_count,
        )

    monthly = [0] * 12
    for (day, _category), t in records.by_day_category.items():
        monthly[day.month - 1] += t.records
    return Dashboard(
        today=today,
        enterprises=enterprises,
        month=figures(month, served[0], closed[0]),
        year=figures(year, served[1], closed[1]),
        monthly_records=tuple(monthly),
        open_demands=open_demands,
        overdue_demands=overdue,
        compliance=compliance,
    )
