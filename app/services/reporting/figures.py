"""One definition of every figure a station reports, for the home page, the PDF reports and
HQ's read models: the constants and predicates are app.domain.figure_rules, which HQ's SQL
(app.hq.readmodel) uses too.

Definitions, over a `Period` of Guangzhou days (app.domain.periods); deleted rows never count:
* 服务企业: distinct enterprises with at least one live service record dated in the period.
* 服务记录: live service records dated in the period (`service_date` is a local date).
* 活动: live events starting in the period (`starts_at` is UTC, cut at Guangzhou midnight).
  举办 (held) = started by the cut-off (`starts_at` <= the time the data were read); one that
  starts later is 计划 (planned): listed as such, never counted as held, its turnout not counted.
* 参与人次 (people): per event, live attendances checked in plus `walk_in_count`, walk-ins
  being people; 参与企业（家次）: per event, distinct enterprises among the checked-in
  attendances, summed over the events.  A report prints each with its own unit.
* 需求: 未办结 = status 受理/分派/处理/反馈; 超期 = 未办结 and the due date before today;
  办结 = status 办结 or 回访 (closed in the period: `closed_at` in it).
* 满意度: records scored 1–5 (unrated ones left out); 满意 = scored 4 or 5; average = mean score.

The readers below take the shortcuts that keep the big table fast (index-order grouping of the
covering index ix_service_record_stats, an index-only EXISTS into ix_service_record_enterprise_date,
then the few tombstones taken off again); the definitions above are what they compute, and
tests check them against plain SQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, case, distinct, func, literal, select
from sqlalchemy.orm import InstrumentedAttribute, Session

# re-exported (x as x): the reports import the units, the threshold and is_held from here
from app.domain.figure_rules import ENTERPRISE_UNIT as ENTERPRISE_UNIT
from app.domain.figure_rules import FINISHED_STATUSES, OPEN_STATUSES, people
from app.domain.figure_rules import PEOPLE_UNIT as PEOPLE_UNIT
from app.domain.figure_rules import SATISFIED_FROM as SATISFIED_FROM
from app.domain.figure_rules import is_held as is_held
from app.domain.periods import Period
from app.models import Demand, Enterprise, Event, EventAttendance, ServiceRecord

SR = ServiceRecord
BATCH = 500
Column = InstrumentedAttribute[Any]


# -- the definitions, as SQL conditions ------------------------------------------------------
def record_dated_in(period: Period) -> ColumnElement[bool]:
    return (SR.service_date >= period.start) & (SR.service_date < period.end)


def is_satisfied(score: ColumnElement[Any] | Column) -> ColumnElement[bool]:
    return score >= SATISFIED_FROM


def event_held_in(period: Period) -> ColumnElement[bool]:
    start, end = period.utc_range()
    return (Event.starts_at >= start) & (Event.starts_at < end) & Event.deleted.is_(False)


def event_started_by(cutoff: datetime) -> ColumnElement[bool]:
    """Held, not planned: the event had started when the data were read."""
    return Event.starts_at <= cutoff


def checked_in() -> ColumnElement[bool]:
    return EventAttendance.deleted.is_(False) & EventAttendance.checked_in_at.is_not(None)


def demand_open() -> ColumnElement[bool]:
    return Demand.status.in_(OPEN_STATUSES) & Demand.deleted.is_(False)


def demand_overdue(today: date) -> ColumnElement[bool]:
    return demand_open() & (Demand.due_on < today)


def demand_finished() -> ColumnElement[bool]:
    return Demand.status.in_(FINISHED_STATUSES) & Demand.deleted.is_(False)


def demand_closed_in(period: Period) -> ColumnElement[bool]:
    start, end = period.utc_range()
    return demand_finished() & (Demand.closed_at >= start) & (Demand.closed_at < end)


def demand_received_in(period: Period) -> ColumnElement[bool]:
    return (Demand.received_on >= period.start) & (Demand.received_on < period.end) & Demand.deleted.is_(False)


# -- service records ------------------------------------------------------------------------
@dataclass
class Tally:
    records: int = 0
    rated: int = 0  # with a satisfaction score
    satisfied: int = 0  # of those, scored 4 or 5
    score_total: int = 0

    def add(self, other: Tally, sign: int = 1) -> None:
        self.records += sign * other.records
        self.rated += sign * other.rated
        self.satisfied += sign * other.satisfied
        self.score_total += sign * other.score_total

    @property
    def average(self) -> float | None:
        return self.score_total / self.rated if self.rated else None

    @property
    def satisfied_share(self) -> float | None:
        return self.satisfied / self.rated if self.rated else None


def records_statement(period: Period, by: Sequence[Column] = (SR.category,)) -> Select[*tuple[Any, ...]]:
    """Records grouped by (day, *by), deleted ones included and counted apart: a range of
    ix_service_record_stats read in index order (so `by` must follow the index's columns)."""
    return (
        select(SR.service_date, *by, func.count(), func.sum(case((SR.deleted, 1), else_=0)), func.count(SR.satisfaction),
               func.sum(case((is_satisfied(SR.satisfaction), 1), else_=0)), func.coalesce(func.sum(SR.satisfaction), 0))
        .where(record_dated_in(period))
        .group_by(SR.service_date, *by)
    )


@dataclass
class RecordScan:
    period: Period
    groups: dict[tuple[Any, ...], Tally]  # (day, *by) → live records
    tombstones: list[tuple[date, Any]] = field(default_factory=list)  # (day, enterprise_id) of deleted records

    def total(self, period: Period | None = None) -> Tally:
        result = Tally()
        for key, tally in self.groups.items():
            if period is None or period.contains(key[0]):
                result.add(tally)
        return result

    def counts(self, key: Callable[[tuple[Any, ...]], Any], period: Period | None = None) -> Counter[Any]:
        """Live records per `key(group)`, e.g. `lambda g: g[1]` for the first `by` column."""
        result: Counter[Any] = Counter()
        for group, tally in self.groups.items():
            if period is None or period.contains(group[0]):
                result[key(group)] += tally.records
        return result


def scan_records(session: Session, period: Period, by: Sequence[Column] = (SR.category,)) -> RecordScan:
    """One pass over the covering index, then the tombstones' own rows (by day) are read and
    taken off again: `deleted` is checked row by row only where a day has tombstones."""
    groups: dict[tuple[Any, ...], Tally] = {}
    tomb_days: set[date] = set()
    for *key, count, deleted, rated, happy, score in session.execute(records_statement(period, by)):
        groups[tuple(key)] = Tally(count, rated, int(happy or 0), int(score))
        if deleted:
            tomb_days.add(key[0])
    scan = RecordScan(period, groups)
    for chunk in _chunks(sorted(tomb_days)):
        rows = session.execute(
            select(SR.service_date, *by, SR.enterprise_id, SR.satisfaction).where(
                SR.service_date.in_(chunk), SR.deleted.is_(True))
        )
        for *key, enterprise_id, score in rows:
            scored = score is not None
            groups[tuple(key)].add(Tally(1, int(scored), int(scored and score >= SATISFIED_FROM), score or 0), -1)
            scan.tombstones.append((key[0], enterprise_id))
    return scan


def _chunks(values: Sequence[Any], size: int = BATCH) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


# -- enterprises served ---------------------------------------------------------------------
def _has_record(period: Period) -> ColumnElement[bool]:
    # select(1), not exists()'s SELECT *: with * SQLite reads the table row, not just the index
    return select(literal(1)).where(SR.enterprise_id == Enterprise.id, record_dated_in(period)).exists()


def served_statement(periods: Sequence[Period], by: Sequence[Column] = ()) -> Select[Any]:
    """Enterprises with any record, deleted or not, in each period (grouped by `by`): one probe
    per enterprise and period into ix_service_record_enterprise_date, which holds no `deleted`."""
    counts = [func.count(case((_has_record(p), 1))) for p in periods]
    statement = select(*by, *counts).select_from(Enterprise)
    return statement.group_by(*by) if by else statement


def served_with_tombstones(
    session: Session, periods: Sequence[Period], by: Sequence[Column] = ()
) -> list[Counter[tuple[Any, ...]]]:
    """Enterprises with any record, deleted or not, in each period, per `by` values."""
    served: list[Counter[tuple[Any, ...]]] = [Counter() for _ in periods]
    for row in session.execute(served_statement(periods, by)):
        for index, n in enumerate(row[len(by):]):
            served[index][tuple(row[: len(by)])] += int(n)
    return served


def without_tombstones(
    session: Session, scan: RecordScan, periods: Sequence[Period], served: list[Counter[tuple[Any, ...]]],
    by: Sequence[Column] = (),
) -> list[Counter[tuple[Any, ...]]]:
    """Take off the enterprises whose only records in a period are tombstones; the suspects
    come from the scan's (few) tombstones."""
    assert all(scan.period.start <= p.start and p.end <= scan.period.end for p in periods), "periods outside the scan"
    result = [Counter(c) for c in served]
    for index, period in enumerate(periods):
        suspects = sorted({e for day, e in scan.tombstones if period.contains(day)}, key=str)
        live: set[Any] = set()
        for chunk in _chunks(suspects):
            live.update(session.scalars(select(SR.enterprise_id).distinct().where(
                SR.enterprise_id.in_(chunk), record_dated_in(period), SR.deleted.is_(False))))
        gone = [e for e in suspects if e not in live]
        for chunk in _chunks(gone):
            keys = session.execute(select(*by).where(Enterprise.id.in_(chunk))).all() if by else [()] * len(chunk)
            for key in keys:
                result[index][tuple(key)] -= 1
        result[index] = +result[index]
    return result


def enterprises_served(
    session: Session, scan: RecordScan, periods: Sequence[Period], by: Sequence[Column] = ()
) -> list[Counter[tuple[Any, ...]]]:
    """服务企业 in each period (within `scan.period`), counted per `by` values (the key is the
    tuple of them; `()` without `by`)."""
    return without_tombstones(session, scan, periods, served_with_tombstones(session, periods, by), by)


# -- events ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Turnout:
    registered: int  # live attendances
    checked_in: int  # of those, checked in
    walk_in: int  # registered on the spot (a count on the event)
    enterprises: int  # 参与企业（家次）: distinct enterprises among the checked-in attendances

    @property
    def people(self) -> int:
        """参与人次: checked-in registrations plus walk-ins."""
        return people(self.checked_in, self.walk_in)


def events_statement(period: Period, *columns: Column, until: datetime | None = None) -> Select[Any]:
    """`columns` of each event in the period (started by `until`, when given), then its turnout
    (registered, checked in, walk-ins, enterprises), earliest first."""
    a = EventAttendance
    live, came = a.deleted.is_(False), checked_in()
    statement = (
        select(*columns, func.count(case((live, a.id))), func.count(case((came, 1))),
               func.coalesce(Event.walk_in_count, 0), func.count(distinct(case((came, a.enterprise_id)))))
        .select_from(Event)
        .outerjoin(a, a.event_id == Event.id)
        .where(event_held_in(period))
        .group_by(Event.id)
        .order_by(Event.starts_at)
    )
    return statement if until is None else statement.where(event_started_by(until))


def events_held(
    session: Session, period: Period, *columns: Column, until: datetime | None = None
) -> list[tuple[tuple[Any, ...], Turnout]]:
    """(the event's `columns`, its turnout) for each event in the period, held by `until` when
    given (else every event of the period, planned ones too)."""
    rows = session.execute(events_statement(period, *columns, until=until)).all()
    n = len(columns)
    return [(tuple(row[:n]), Turnout(*(int(v or 0) for v in row[n:]))) for row in rows]


# -- demands and the library ----------------------------------------------------------------
def demand_counts(session: Session, today: date, periods: Sequence[Period]) -> tuple[int, int, list[int]]:
    """未办结 now, 超期 now, and 办结 in each period: one pass over the demand table."""
    columns = [func.count(case((demand_open(), 1))), func.count(case((demand_overdue(today), 1)))]
    columns += [func.count(case((demand_closed_in(p), 1))) for p in periods]
    row = session.execute(select(*columns).where(Demand.deleted.is_(False))).one()
    return int(row[0]), int(row[1]), [int(v) for v in row[2:]]


def library_size(session: Session) -> int:
    """Enterprises in the library now (not deleted)."""
    return int(session.scalar(select(func.count()).select_from(Enterprise).where(Enterprise.deleted.is_(False))) or 0)
