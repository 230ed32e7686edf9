"""Every figure of the annual summary (and the plan that follows it), read in one session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.domain.periods import Period, year_period
from app.reports.activity_stats import (
    DemandFigures,
    EventLine,
    InstitutionUse,
    Staffing,
    demand_figures,
    event_lines,
    institution_use,
    staffing,
)
from app.reports.context import ReportContext
from app.reports.narrative_data import Narrative, annual_narrative
from app.reports.record_stats import RecordFigures, ServedFigures, record_figures, scan_records, served_enterprises
from app.services import pick_lists

STEPS = 7  # data steps reported to `progress` before the layout starts


@dataclass(frozen=True)
class AnnualFigures:
    period: Period
    records: RecordFigures
    served: ServedFigures
    demands: DemandFigures
    events: list[EventLine]  # held by the cut-off
    planned: list[EventLine]  # in the period, after the cut-off: 计划, not counted as held
    institutions: list[InstitutionUse]
    staffing: Staffing
    category_labels: dict[str, str]
    theme_labels: dict[str, str]
    summary: Narrative  # year Y, kind "summary"
    plan: Narrative  # year Y + 1, kind "plan"

    @property
    def attendees(self) -> int:
        """参与人次 of the events held."""
        return sum(e.attendees for e in self.events)

    @property
    def attendee_enterprises(self) -> int:
        """参与企业（家次） of the events held."""
        return sum(e.enterprises for e in self.events)

    @property
    def is_empty(self) -> bool:
        return not (self.records.total or self.demands.received or self.events)

    def actual(self, indicator: str) -> float | None:
        """This year's value of a plan indicator (app.domain.report_sections.PLAN_INDICATORS)."""
        values: dict[str, float | None] = {
            "enterprises_served": self.served.total,
            "service_records": self.records.total,
            "events": len(self.events),
            "attendees": self.attendee_enterprises,  # titled 活动参与企业（家次）
            "attendee_people": self.attendees,
            "demands_closed": self.demands.finished,
            "satisfied_share": share(self.records.satisfied, self.records.rated),
        }
        return values.get(indicator)


def share(part: int, whole: int) -> float | None:
    """Percentage with one decimal, None when there is nothing to divide."""
    return round(100 * part / whole, 1) if whole else None


def annual_figures(
    session: Session, ctx: ReportContext, year: int | None, step: Callable[[], None] = lambda: None
) -> AnnualFigures:
    """Figures for calendar year `year`; demand states and staffing as of the cut-off
    (or 31 December for a past year)."""
    period = year_period(year)
    last_day = min(ctx.today, date(period.start.year, 12, 31))
    scan = scan_records(session, period)
    records = record_figures(scan)
    step()
    served = served_enterprises(session, scan)
    step()
    demands = demand_figures(session, period, ctx.today)
    step()
    events, planned = event_lines(session, period, ctx.cutoff)
    step()
    institutions = institution_use(session, period)
    step()
    staff = staffing(session, last_day)
    step()
    station = ctx.station.id
    summary = annual_narrative(session, station, period.start.year, "summary")
    plan = annual_narrative(session, station, period.start.year + 1, "plan")
    step()
    return AnnualFigures(
        period, records, served, demands, events, planned, institutions, staff,
        pick_lists.labels(session, pick_lists.SERVICE_CATEGORY), pick_lists.labels(session, pick_lists.EVENT_THEME),
        summary, plan,
    )
