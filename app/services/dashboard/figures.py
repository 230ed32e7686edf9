"""The home dashboard's figures for this month and this year, cheap enough for a million records.

Every figure is defined once, in app.services.reporting.figures (the reports count the same
way); this module picks the home page's set and reads it in as few passes as it can:
* every service-record figure comes from ONE range scan of the covering index
  ix_service_record_stats grouped by (service_date, category) — the index order, so no sort;
* served enterprises from one pass over the enterprise keys probing
  ix_service_record_enterprise_date for the month and the year at once.
Neither reads `deleted` row by row: tombstones are counted in the scan and their few rows are
subtracted afterwards.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.domain.periods import Period, month_of, year_of
from app.models import Event
from app.services import pick_lists
from app.services.reporting import figures as F
from app.services.station.compliance import Checklist, checklist


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
    attendees: int  # 人次: checked in + walk-ins
    attendee_enterprises: int  # 家次: distinct checked-in enterprises per event, summed
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


def _categories(session: Session, counts: Counter[str]) -> tuple[CategoryCount, ...]:
    labels = pick_lists.labels(session, pick_lists.SERVICE_CATEGORY)
    order = list(pick_lists.active_codes(session, pick_lists.SERVICE_CATEGORY))
    codes = order + sorted(code for code in counts if code not in order and counts[code])
    rank = {code: i for i, code in enumerate(codes)}
    items = [CategoryCount(code, labels.get(code, code), counts.get(code, 0)) for code in codes]
    return tuple(sorted(items, key=lambda item: (-item.count, rank[item.code])))


def home_dashboard(
    session: Session, today: date, *, scan_session: Session | None = None, now: datetime | None = None
) -> Dashboard:
    """All figures of the home page for the month and the year containing `today`.

    With `now` (the reports' cut-off), events count as held only when they started by then,
    as in the reports (F.event_started_by); without it, every event of the period counts.

    With `scan_session` (a second session of the same database) the record scan, the one
    heavy read, runs on a worker thread while `session` does the rest: SQLite releases the
    GIL while it steps, so on two cores the page waits for the longer half only."""
    month, year = month_of(today), year_of(today)
    with ThreadPoolExecutor(1) if scan_session is not None else nullcontext() as pool:
        pending = pool.submit(F.scan_records, scan_session, year) if pool is not None and scan_session is not None else None
        served_any = F.served_with_tombstones(session, [month, year])
        events = F.events_held(session, year, Event.starts_at, until=now)
        open_demands, overdue, closed = F.demand_counts(session, today, [month, year])
        enterprises = F.library_size(session)
        compliance = checklist(session, today)
        records = pending.result() if pending is not None else F.scan_records(session, year)
    served = [sum(c.values()) for c in F.without_tombstones(session, records, [month, year], served_any)]

    def figures(period: Period, served_count: int, closed_count: int) -> PeriodFigures:
        tally = records.total(period)
        start_at, end_at = period.utc_range()
        own = [turnout for (starts_at,), turnout in events if start_at <= starts_at < end_at]
        return PeriodFigures(
            period, served_count, tally.records, _categories(session, records.counts(lambda g: g[1], period)),
            tally.rated, tally.satisfied, tally.score_total, len(own), sum(t.people for t in own),
            sum(t.enterprises for t in own), closed_count,
        )

    monthly = records.counts(lambda g: g[0].month)
    return Dashboard(
        today=today,
        enterprises=enterprises,
        month=figures(month, served[0], closed[0]),
        year=figures(year, served[1], closed[1]),
        monthly_records=tuple(monthly[m] for m in range(1, 13)),
        open_demands=open_demands,
        overdue_demands=overdue,
        compliance=compliance,
    )
