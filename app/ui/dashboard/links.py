"""Where each figure of the home dashboard leads: (section key, filter) for the main window's
`open_filtered`, which hands the filter to that page's `show_filtered`.

Filters are plain dicts:
* service_records / events: `date_from`, `date_to` (inclusive dates), `label` (the period's
  name for the page's period box); events also `held_by` (only those started by then); records also `category` + `category_label`, `sort`.
* demands: `statuses` (tuple of status codes), `overdue` (bool); for 办结 also `closed_from`,
  `closed_to` (inclusive dates) and `label` (the period's name).
* reports: `kind` ("summary"/"plan") + `year`, or `period` ("2026-Q3").
"""

from __future__ import annotations

from datetime import datetime

from app.domain.demand_loop import FINISHED_STATUSES as CLOSED_STATUSES
from app.domain.demand_loop import OPEN_STATUSES
from app.domain.periods import Period
from app.services.station.compliance import Check

Target = tuple[str, dict[str, object]]


def period_range(period: Period, label: str) -> dict[str, object]:
    return {"date_from": period.start, "date_to": period.last_day, "label": label}


def records(period: Period, label: str, **extra: object) -> Target:
    return "service_records", {**period_range(period, label), **extra}


def events(period: Period, label: str, held_by: datetime | None = None) -> Target:
    """The events counted as held: starting in `period` and by `held_by` (the figures' cut-off;
    later ones are planned, app.services.reporting.figures.event_started_by)."""
    return "events", {**period_range(period, label), "held_by": held_by}


def demands(which: str, period: Period | None = None, label: str = "") -> Target:
    """"open" (未办结), "overdue" (超期) or "closed" (办结, 回访 included; closed in `period`)."""
    if which == "closed":
        closed = {"closed_from": period.start, "closed_to": period.last_day, "label": label} if period else {}
        return "demands", {"statuses": CLOSED_STATUSES, "overdue": False, **closed}
    return "demands", {"statuses": OPEN_STATUSES, "overdue": which == "overdue"}


def for_check(check: Check) -> Target | None:
    """The page behind a compliance line; None for the station's own facts (标识, 制度)."""
    if check.key == "staffing":
        return "staff", {}
    if check.key in ("annual_summary", "annual_plan"):
        return "reports", {"kind": check.key.removeprefix("annual_"), "year": check.year}
    if check.key == "periodic_report":
        return "reports", {"period": check.period}
    return None
