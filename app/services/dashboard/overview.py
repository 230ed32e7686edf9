"""The year at a glance (the short form of the home dashboard): counts for this calendar year,
each as defined in app.services.reporting.figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.domain.periods import year_of
from app.services.reporting import figures as F


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


def station_overview(session: Session, today: date) -> Overview:
    """Counts for the calendar year containing `today`; deleted rows never count."""
    year = year_of(today)
    open_demands, _overdue, _closed = F.demand_counts(session, today, [])
    return Overview(
        year=today.year,
        enterprises=F.library_size(session),
        service_records=F.scan_records(session, year, by=()).total().records,
        open_demands=open_demands,
        events=len(F.events_held(session, year)),
    )
