"""The station's standing obligations under the service convention, as dates and numbers:
one definition for the station's 合规清单 (app.services.station.compliance) and HQ's
network page (app.hq.readmodel.network).

* 专职人员: at least `MINIMUM_FULL_TIME` full-time staff who have joined and not left.
* 年度总结 / 年度计划: the summary of year Y and the plan for year Y+1 are both due on
  31 January of Y+1; a report counts once submitted or accepted (`DONE_REPORT_STATUSES`).
* 定期信息报送: each quarter's report ("YYYY-Qn") is due `PERIODIC_GRACE_DAYS` days after the
  quarter ends (Q3 → 10 October); it counts once submitted or accepted.
"""

from __future__ import annotations

from datetime import date, timedelta

MINIMUM_FULL_TIME = 2
DONE_REPORT_STATUSES = ("submitted", "accepted")
PERIODIC_GRACE_DAYS = 10


def on_staff(start: date | None, end: date | None, on: date) -> bool:
    """A staff member who had joined by `on` and not yet left."""
    return (start is None or start <= on) and (end is None or end >= on)


def annual_due(report_year: int, kind: str) -> date:
    """The summary of Y and the plan for Y+1 are both due on 31 January of Y+1."""
    return date(report_year + 1 if kind == "summary" else report_year, 1, 31)


def quarter_due(year: int, quarter: int) -> date:
    """The quarterly information report's due date: quarter end + PERIODIC_GRACE_DAYS."""
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, quarter * 3 + 1, 1)
    return end - timedelta(days=1) + timedelta(days=PERIODIC_GRACE_DAYS)


def last_quarter(today: date) -> tuple[str, date]:
    """The last finished quarter ("2026-Q3") and its due date (quarter end + 10 days)."""
    quarter = (today.month - 1) // 3  # the current quarter, 0-based: the last one is this - 1
    year = today.year if quarter else today.year - 1
    number = quarter if quarter else 4
    return f"{year}-Q{number}", quarter_due(year, number)
