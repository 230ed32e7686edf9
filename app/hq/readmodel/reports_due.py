"""Which reports a station owes in a year, and whether it sent them on time.

The dates are the station's own (app.domain.obligations, which its 合规清单 uses):
* the annual summary of Y and the plan for Y+1 are both due on 31 January of Y+1;
* each quarter's information report ("YYYY-Qn") is due 10 days after the quarter ends.
"The reports of year Y" are the obligations falling due in Y: the summary of Y-1 and the
plan for Y (31 January Y), and the information reports of Q4 of Y-1 and Q1–Q3 of Y.
A report counts once submitted or accepted (a draft or a returned one does not); it is late
when its due date has passed and it was not submitted by then (submitted later, or not yet).
Monthly information reports ("YYYY-MM") are listed on a station's page; the convention's
cadence, as the station checks it, is quarterly, so only quarterly ones are counted here.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.obligations import DONE_REPORT_STATUSES, annual_due, quarter_due
from app.domain.periods import CHINA_TIME

KIND_LABELS = {"summary": "年度总结", "plan": "年度计划", "info": "定期信息报送"}
STATUS_LABELS = {"draft": "草稿", "submitted": "已提交", "accepted": "已通过", "returned": "已退回"}


@dataclass(frozen=True)
class StoredReport:
    station_id: uuid.UUID
    kind: str  # summary / plan / info
    period: str  # "2026" for annual ones, "2026-Q3" or "2026-09" for information reports
    status: str
    submitted_at: datetime | None


@dataclass(frozen=True)
class Obligation:
    kind: str
    period: str
    due_on: date
    status: str  # the stored report's status, "" when there is none
    submitted_on: date | None  # Guangzhou date of submission

    @property
    def done(self) -> bool:
        return self.status in DONE_REPORT_STATUSES

    def is_due(self, today: date) -> bool:
        return self.due_on <= today

    def is_late(self, today: date) -> bool:
        if not self.is_due(today):
            return False
        return not self.done or self.submitted_on is None or self.submitted_on > self.due_on

    @property
    def label(self) -> str:
        if self.kind == "info":
            year, quarter = self.period.split("-Q")
            return f"{year}年第{quarter}季度信息报送"
        return f"{self.period}年度{KIND_LABELS[self.kind][2:]}"


@dataclass(frozen=True)
class ReportTally:
    due: int = 0
    submitted: int = 0
    late: int = 0
    outstanding: int = 0  # due and not submitted now


def obligations_of_year(year: int) -> list[tuple[str, str, date]]:
    """(kind, period, due date) of every report falling due in `year`, by due date."""
    items = [("info", f"{year - 1}-Q4", quarter_due(year - 1, 4)),
             ("summary", str(year - 1), annual_due(year - 1, "summary")),
             ("plan", str(year), annual_due(year, "plan"))]
    items += [("info", f"{year}-Q{q}", quarter_due(year, q)) for q in (1, 2, 3)]
    return sorted(items, key=lambda item: (item[2], item[0]))


def periods_of_year(year: int) -> list[str]:
    return sorted({period for _, period, _ in obligations_of_year(year)})


def station_obligations(year: int, reports: Iterable[StoredReport]) -> list[Obligation]:
    stored = {(r.kind, r.period): r for r in reports}
    out = []
    for kind, period, due in obligations_of_year(year):
        report = stored.get((kind, period))
        submitted = report.submitted_at.astimezone(CHINA_TIME).date() if report and report.submitted_at else None
        out.append(Obligation(kind, period, due, report.status if report else "", submitted))
    return out


def tally(obligations: Iterable[Obligation], today: date) -> ReportTally:
    items = list(obligations)
    return ReportTally(
        due=sum(o.is_due(today) for o in items),
        submitted=sum(o.done for o in items),
        late=sum(o.is_late(today) for o in items),
        outstanding=sum(o.is_due(today) and not o.done for o in items),
    )
