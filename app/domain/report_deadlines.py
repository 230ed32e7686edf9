"""When each report is due at HQ: one definition for the 督促 list, the station's reminders
and anything else that asks "does this station owe a report?".

The convention (服务站与服务总站职责, 第（九）项 and 服务站第（五）项) asks stations to hand in
their annual work summary with next year's plan, and to report key information
"定期" (periodically), without dates.  The dates here are HQ's working rule:

- the annual summary of year Y and the plan for Y+1 are due on 31 January of Y+1, the date the
  station's own checklist uses (app.domain.obligations, which this module follows: one date);
- the periodic information report is owed per quarter, due on the 10th of the month after
  the quarter; a station that reports monthly covers a quarter with its three monthly
  reports (each monthly report, when a station keeps one, is due on the 10th of the next
  month too).

Days are Guangzhou days (China time): a report due on the 15th is late from the 16th, 00:00
China time, whatever the server's zone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from app.domain import obligations as station_obligations
from app.domain.periods import CHINA_TIME, Period, month_period, quarter_period, year_period

INFO_DUE_DAY = 10
REMIND_AHEAD_DAYS = 15  # the 督促 list also shows what falls due within this many days
KIND_LABELS = {"summary": "年度服务工作总结", "plan": "下一年度服务工作计划", "info": "定期信息报送"}


@dataclass(frozen=True)
class Obligation:
    kind: str  # summary / plan / info
    key: str  # "2026" (summary: the year summed up; plan: the year planned) or "2026-Q3"
    period: Period  # the period the report covers
    due: date  # China-time day, inclusive

    @property
    def label(self) -> str:
        if self.kind == "info":
            return f"{self.period.label}{KIND_LABELS['info']}"
        return f"{self.key}年度{'服务工作总结' if self.kind == 'summary' else '服务工作计划'}"

    def days_late(self, today: date) -> int:
        """Days past the due day (0 or negative: not late yet)."""
        return (today - self.due).days


def china_day(moment: datetime) -> date:
    return moment.astimezone(CHINA_TIME).date()


def annual_due(summary_year: int) -> date:
    """The day the summary of `summary_year` (and the plan for the year after) are due."""
    return station_obligations.annual_due(summary_year, "summary")


def info_due(period: Period) -> date:
    """The 10th of the month after the period (a month or a quarter)."""
    end = period.end  # the first day after the period
    return date(end.year, end.month, INFO_DUE_DAY)


def obligations(since: date, until: date) -> list[Obligation]:
    """Every report due on a day in [since, until], oldest due first."""
    found: list[Obligation] = []
    for year in range(since.year - 1, until.year + 1):
        if since <= annual_due(year) <= until:
            found.append(Obligation("summary", str(year), year_period(year), annual_due(year)))
            found.append(Obligation("plan", str(year + 1), year_period(year + 1), annual_due(year)))
        for quarter in range(1, 5):
            period = quarter_period(year, quarter)
            if since <= info_due(period) <= until:
                found.append(Obligation("info", period.key, period, info_due(period)))
    order = {"summary": 0, "plan": 1, "info": 2}
    return sorted(found, key=lambda o: (o.due, order[o.kind], o.key))


def quarter_months(quarter: Period) -> tuple[str, ...]:
    """The keys of the three monthly reports that together cover `quarter`."""
    first = quarter.start.month
    return tuple(month_period(quarter.start.year, m).key for m in range(first, first + 3))


def info_covered(quarter: Period, handed_in: Iterable[str]) -> bool:
    """Whether the information reports handed in (period keys) cover `quarter`: its own
    quarterly report, or all three of its monthly reports."""
    keys = set(handed_in)
    return quarter.key in keys or set(quarter_months(quarter)) <= keys
