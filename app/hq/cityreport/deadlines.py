"""When a station's reports are due (HQ's rule for "submitted on time"; the convention sets none).

* The annual summary of year Y and the plan for Y + 1: by 15 January of Y + 1.
* Information reports: each quarter of the year is covered by the quarter's report ("2026-Q3") or
  by the three monthly ones ("2026-07", "2026-08", "2026-09"), handed in by the 10th of the
  month after the quarter.  Dates are Guangzhou dates of `submitted_at`.
A report counts as handed in when its status is submitted or accepted (a returned one is back
with the station).  Deadlines are inclusive.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app.domain.periods import CHINA_TIME, Period, month_period, quarter_period

ANNUAL_DUE = (1, 15)  # month, day of the next year
INFO_DUE_DAYS = 9  # after the quarter's end (its first day after): the 10th
HANDED_IN = ("submitted", "accepted")


def annual_due(year: int) -> date:
    """Last day to hand in the summary of `year` and the plan for `year + 1`."""
    return date(year + 1, *ANNUAL_DUE)


def quarter_due(quarter: Period) -> date:
    return quarter.end + timedelta(days=INFO_DUE_DAYS)


def quarters(year: int) -> list[Period]:
    return [quarter_period(year, q) for q in range(1, 5)]


def months_of(quarter: Period) -> list[str]:
    return [month_period(quarter.start.year, quarter.start.month + i).key for i in range(3)]


def on_time(status: str, submitted_at: datetime | None, due: date) -> bool:
    return status in HANDED_IN and submitted_at is not None and submitted_at.astimezone(CHINA_TIME).date() <= due


def quarters_due(year: int, today: date) -> list[Period]:
    """The quarters of `year` whose deadline has passed by `today` (Guangzhou date)."""
    return [q for q in quarters(year) if quarter_due(q) < today]


def quarter_covered(quarter: Period, reports: dict[str, tuple[str, datetime | None]]) -> bool:
    """`reports`: the station's period key → (status, submitted_at)."""
    due = quarter_due(quarter)

    def ok(key: str) -> bool:
        status, at = reports.get(key, ("", None))
        return on_time(status, at, due)

    return ok(quarter.key) or all(ok(m) for m in months_of(quarter))
