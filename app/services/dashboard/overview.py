"""The home page's figures: this year's counts, cheap enough for a million records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.catalogue import DEMAND_STATUSES
from app.models import Demand, Enterprise, Event, ServiceRecord

# Guangzhou has no daylight saving time, so a fixed offset is exact (and needs no tzdata on Windows).
CHINA_TIME = timezone(timedelta(hours=8))
FINISHED_DEMAND_STATUSES = ("closed", "followed_up")
OPEN_DEMAND_STATUSES = tuple(s for s in DEMAND_STATUSES if s not in FINISHED_DEMAND_STATUSES)


@dataclass(frozen=True)
class Overview:
    year: int
    enterprises: int  # in the library now
    service_records: int  # dated this calendar year
    open_demands: int  # not yet 办结/回访, whenever received
    events: int  # starting this calendar year

    @property
    def is_empty(self) -> bool:
        return not (self.enterprises or self.service_records or self.open_demands or self.events)


def _count(session: Session, statement) -> int:  # type: ignore[no-untyped-def]
    return int(session.scalar(statement) or 0)


def _service_records_in(session: Session, start: date, end: date) -> int:
    # `deleted` is not part of the date index, so filtering on it directly would
    # visit every row of the year.  Count the year from the covering date index,
    # then subtract the (few) tombstones found through the `deleted` index.
    in_range = (ServiceRecord.service_date >= start) & (ServiceRecord.service_date < end)
    everything = _count(session, select(func.count()).select_from(ServiceRecord).where(in_range))
    tombstones = _count(
        session,
        select(func.count()).select_from(ServiceRecord).where(ServiceRecord.deleted.is_(True), in_range),
    )
    return everything - tombstones


def station_overview(session: Session, today: date) -> Overview:
    """Counts for the calendar year containing `today`; deleted rows never count."""
    start, end = date(today.year, 1, 1), date(today.year + 1, 1, 1)
    start_at = datetime(today.year, 1, 1, tzinfo=CHINA_TIME)
    end_at = datetime(today.year + 1, 1, 1, tzinfo=CHINA_TIME)
    enterprises = _count(
        session, select(func.count()).select_from(Enterprise).where(Enterprise.deleted.is_(False))
    )
    open_demands = _count(
        session,
        select(func.count())
        .select_from(Demand)
        .where(Demand.status.in_(OPEN_DEMAND_STATUSES), Demand.deleted.is_(False)),
    )
    events = _count(
        session,
        select(func.count())
        .select_from(Event)
        .where(Event.starts_at >= start_at, Event.starts_at < end_at, Event.deleted.is_(False)),
    )
    return Overview(
        year=today.year,
        enterprises=enterprises,
        service_records=_service_records_in(session, start, end),
        open_demands=open_demands,
        events=events,
    )
