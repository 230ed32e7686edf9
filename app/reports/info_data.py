"""Figures of a periodic information report (定期信息报送) for a month or a quarter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from app.domain.periods import Period, parse_period
from app.reports.activity_stats import DemandFigures, EventLine, Staffing, demand_figures, event_lines, staffing
from app.reports.context import ReportContext
from app.reports.narrative_data import Narrative, info_narrative
from app.reports.record_stats import (
    RecordFigures,
    ServedFigures,
    TopEnterprise,
    record_figures,
    scan_records,
    served_enterprises,
    top_enterprises,
)
from app.services import pick_lists

STEPS = 6
TOP = 10


@dataclass(frozen=True)
class InfoFigures:
    period: Period
    records: RecordFigures
    served: ServedFigures
    top: list[TopEnterprise]
    demands: DemandFigures
    events: list[EventLine]  # held by the cut-off
    planned: list[EventLine]  # in the period, after the cut-off: 计划, not counted as held
    staffing: Staffing  # on the period's last day (or the cut-off, if sooner)
    category_labels: dict[str, str]
    narrative: Narrative
    theme_labels: dict[str, str]


def info_figures(
    session: Session, ctx: ReportContext, period_text: str | None, step: Callable[[], None] = lambda: None
) -> InfoFigures:
    """ValidationError (with the format hint) when `period_text` is not "2026-09" / "2026-Q3"."""
    period = parse_period(period_text)
    scan = scan_records(session, period)
    records = record_figures(scan)
    step()
    served = served_enterprises(session, scan)
    step()
    top = top_enterprises(session, period, TOP)
    step()
    demands = demand_figures(session, period, ctx.today)
    step()
    events, planned = event_lines(session, period, ctx.cutoff)
    narrative = info_narrative(session, ctx.station.id, period.key)
    step()
    staff = staffing(session, min(ctx.today, period.end - timedelta(days=1)))
    step()
    labels = pick_lists.labels(session, pick_lists.SERVICE_CATEGORY)
    themes = pick_lists.labels(session, pick_lists.EVENT_THEME)
    return InfoFigures(period, records, served, top, demands, events, planned, staff, labels, narrative, themes)
