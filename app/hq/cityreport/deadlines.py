"""When a station's reports are due, by the station's own definition (app.domain.obligations,
which its 合规清单 and HQ's network page use):

* the annual summary of Y and the plan for Y + 1: by 31 January of Y + 1;
* each quarter's information report ("2026-Q3"): by the quarter's end + 10 days (10 October);
  the convention's cadence is quarterly, so monthly reports do not cover a quarter.
A report counts as handed in when submitted or accepted (a returned one is back with the
station), on time when its Guangzhou submission date is on or before the due date.  A quarter is
due once its due date has come (on the due date itself, as the network page counts).
"""

from __future__ import annotations

from datetime import date, datetime

from app.domain.obligations import DONE_REPORT_STATUSES, annual_due, quarter_due
from app.domain.periods import CHINA_TIME, Period, month_period, quarter_period

HANDED_IN = DONE_REPORT_STATUSES

__all__ = ["HANDED_IN", "annual_due", "months_of", "on_time", "quarter_covered", "quarters_due"]


def months_of(quarter: Period) -> list[str]:
    return [month_period(quarter.start.year, quarter.start.month + i).key for i in range(3)]


def on_time(status: str, submitted_at: datetime | None, due: date) -> bool:
    return status in HANDED_IN and submitted_at is not None and submitted_at.astimezone(CHINA_TIME).date() <= due


def quarters_due(year: int, today: date) -> list[Period]:
    """The quarters of `year` whose report has fallen due by `today` (Guangzhou date)."""
    return [quarter_period(year, q) for q in range(1, 5) if quarter_due(year, q) <= today]


def quarter_covered(quarter: Period, reports: dict[str, tuple[str, datetime | None]]) -> bool:
    """`reports`: the station's period key → (status, submitted_at)."""
    status, at = reports.get(quarter.key, ("", None))
    number = (quarter.start.month - 1) // 3 + 1
    return on_time(status, at, quarter_due(quarter.start.year, number))
