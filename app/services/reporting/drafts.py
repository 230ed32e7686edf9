"""The written parts of reports: the annual summary (kind "summary", year Y) and the
next-year plan (kind "plan", year Y+1), and the periodic information report.

Annual and information reports follow draft → submitted → accepted | returned.  The
station writes a draft, submits it (the text is then read-only and syncs to HQ, its PDF
with it: app/reports/submission.py), and may re-open a returned one (returned → draft);
only HQ accepts or returns (app.sync.protocol, docs/sync-protocol.md).

Each save is one transaction guarded by the version the user loaded (`expected_version`,
None when nothing was saved yet), so two windows cannot overwrite each other silently.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from app.domain.errors import UserError
from app.domain.messages import Msg
from app.domain.report_sections import REPORT_STATUSES
from app.models import AnnualReport, Event, InfoReport
from app.models.types import utcnow
from app.services.reporting.text import (
    ANNUAL_KINDS,
    MAX_YEAR,
    MIN_YEAR,
    PlannedEvent,
    ReportText,
    check_narrative,
    check_period,
    check_planned_events,
    check_ready_to_submit,
    check_targets,
    check_year,
    period_label,
    sections_of,
    theme_label,
)
from app.services.row_access import guarded_update
from app.services.station.file_store import UploadState, upload_state
from app.services.station.identity import require_station
from app.sync.protocol import ANNUAL_REPORT_STATION_MOVES

# Re-exported: the editor and its tests meet the report's text through this module.
__all__ = ["MAX_YEAR", "MIN_YEAR", "Draft", "EventChoice", "PlannedEvent", "ReportText", "check_period", "check_year",
           "event_choices", "load_annual", "load_info", "period_label", "reopen_annual", "reopen_info", "save_annual", "save_info",
           "sections_of", "submit_annual", "submit_info", "theme_label"]

REOPEN = ("returned", "draft")
# Saving and submitting text: the station's moves less the re-open, which has its own
# button (a returned report stays read-only until the user chooses to rework it).
EDIT_MOVES = ANNUAL_REPORT_STATION_MOVES - {REOPEN}
STALE = "这份报告已在别处修改（可能是另一个窗口或同步）。请重新读取最新内容后再修改。"


@dataclass(frozen=True)
class Draft:
    """One report as stored (or an empty draft when nothing was saved yet: version None)."""

    kind: str  # summary / plan / info
    year: int
    period: str  # "" for annual reports
    status: str
    narrative: dict[str, str]
    targets: dict[str, float]
    planned_events: tuple[PlannedEvent, ...]
    submitted_at: datetime | None
    review_comment: str
    version: int | None
    # the newest PDF queued for HQ at a submission, and how its upload goes (app/sync/files.py)
    pdf_upload: UploadState | None = None

    @property
    def status_label(self) -> str:
        return REPORT_STATUSES.get(self.status, self.status)

    @property
    def editable(self) -> bool:
        return self.status == "draft"

    @property
    def can_submit(self) -> bool:
        return self.status == "draft"

    @property
    def can_reopen(self) -> bool:
        return self.status == "returned"

    def text(self) -> ReportText:
        return ReportText(dict(self.narrative), dict(self.targets), self.planned_events)


@dataclass(frozen=True)
class EventChoice:
    id: uuid.UUID
    title: str
    starts_at: datetime


# --- reading -----------------------------------------------------------------------
def _annual_row(session: Session, year: int, kind: str) -> AnnualReport | None:
    station = require_station(session).id
    return session.scalars(
        select(AnnualReport).where(AnnualReport.station_id == station, AnnualReport.year == year, AnnualReport.kind == kind)
    ).one_or_none()


def _info_row(session: Session, period: str) -> InfoReport | None:
    station = require_station(session).id
    return session.scalars(
        select(InfoReport).where(InfoReport.station_id == station, InfoReport.period == period)
    ).one_or_none()


def _empty(kind: str, year: int, period: str = "") -> Draft:
    return Draft(kind, year, period, "draft", {k: "" for k in sections_of(kind)}, {}, (), None, "", None)


def _draft(row: AnnualReport | InfoReport | None, kind: str, year: int, period: str = "") -> Draft:
    if row is None or row.deleted:
        return _empty(kind, year, period)
    narrative = {k: str((row.narrative or {}).get(k, "")) for k in sections_of(kind)}
    session = object_session(row)
    pdf = upload_state(session, "report_pdf", row.id) if session is not None else None
    if isinstance(row, InfoReport):
        return Draft(kind, year, period, row.status, narrative, {}, (), row.submitted_at, row.review_comment or "",
                     row.version, pdf)
    events = tuple(PlannedEvent(int(e.get("month", 1)), str(e.get("event_type", "")), str(e.get("title", "")),  # type: ignore[call-overload]
                                str(e.get("theme", ""))) for e in row.planned_events or [])
    return Draft(kind, year, period, row.status, narrative, dict(row.targets or {}), events,
                 row.submitted_at, row.review_comment or "", row.version, pdf)


def load_annual(session: Session, year: int, kind: str) -> Draft:
    """The station's summary (of `year`) or plan (for `year`); an empty draft if none yet."""
    if kind not in ANNUAL_KINDS:
        raise ValueError(kind)
    return _draft(_annual_row(session, check_year(year), kind), kind, year)


def load_info(session: Session, period: str) -> Draft:
    period = check_period(period)
    return _draft(_info_row(session, period), "info", int(period[:4]), period)


def event_choices(session: Session, limit: int = 500) -> list[EventChoice]:
    """The station's events, newest first, for the attendance sheet / summary picker."""
    rows = session.execute(
        select(Event.id, Event.title, Event.starts_at).where(Event.deleted.is_(False))
        .order_by(Event.starts_at.desc()).limit(limit)
    ).all()
    return [EventChoice(r.id, r.title, r.starts_at) for r in rows]


# --- writing -----------------------------------------------------------------------
def _check_move(row: AnnualReport | InfoReport | None, expected_version: int | None, moves: frozenset[tuple[str, str]],
                to_status: str) -> str:
    """The row's current status, after checking the user saw this version and may make this move."""
    live = row if row is not None and not row.deleted else None
    if (live.version if live else None) != expected_version:
        raise UserError(STALE)
    current = live.status if live else "draft"
    if (current, to_status) not in moves:
        if current == "returned":
            raise UserError("这份报告已被服务总站退回，请先点击“重新编辑”再修改。")
        label = REPORT_STATUSES.get(current, current)
        raise UserError(Msg("这份报告%1，不能再修改或重复提交。", label))
    return current


def _write(session: Session, model: type[Any], row: Any, values: dict[str, Any], expected_version: int | None,
           status: str, **keys: Any) -> Any:
    if row is None:
        row = model(station_id=require_station(session).id, **keys, **values)
        session.add(row)
        session.flush()
        return row
    values = {**values, "deleted": False}
    return guarded_update(session, model, row, values, expected_version, STALE, status=status)


def _save_annual(session: Session, year: int, kind: str, text: ReportText, expected_version: int | None,
                 to_status: str) -> Draft:
    if kind not in ANNUAL_KINDS:
        raise ValueError(kind)
    year = check_year(year)
    narrative = check_narrative(kind, dict(text.narrative))
    targets = check_targets(dict(text.targets)) if kind == "plan" else {}
    events = check_planned_events(tuple(text.planned_events)) if kind == "plan" else ()
    row = _annual_row(session, year, kind)
    current = _check_move(row, expected_version, EDIT_MOVES, to_status)
    if to_status == "submitted":
        check_ready_to_submit(kind, narrative, targets)
    values: dict[str, Any] = {"narrative": narrative, "targets": targets,
                              "planned_events": [e.as_json() for e in events], "status": to_status}
    if to_status == "submitted":
        values["submitted_at"] = utcnow()
    row = _write(session, AnnualReport, row, values, expected_version, current, year=year, kind=kind)
    return _draft(row, kind, year)


def save_annual(session: Session, year: int, kind: str, text: ReportText, expected_version: int | None) -> Draft:
    """Save the draft's text (draft → draft).  Refused once submitted, or while returned."""
    return _save_annual(session, year, kind, text, expected_version, "draft")


def submit_annual(session: Session, year: int, kind: str, text: ReportText, expected_version: int | None) -> Draft:
    """Save the text and submit it to HQ (draft → submitted); every section must be filled."""
    return _save_annual(session, year, kind, text, expected_version, "submitted")


def reopen_annual(session: Session, year: int, kind: str, expected_version: int | None) -> Draft:
    """A returned report back to draft so it can be corrected (HQ's comment is kept)."""
    row = _annual_row(session, check_year(year), kind)
    if row is None or row.deleted or (row.status, "draft") not in ANNUAL_REPORT_STATION_MOVES - EDIT_MOVES:
        raise UserError("只有被服务总站退回的报告才能重新编辑。")
    if row.version != expected_version:
        raise UserError(STALE)
    row = guarded_update(session, AnnualReport, row, {"status": "draft"}, expected_version, STALE, status="returned")
    return _draft(row, kind, year)


def reopen_info(session: Session, period: str, expected_version: int | None) -> Draft:
    """A returned information report back to draft so it can be corrected (HQ's comment is kept)."""
    period = check_period(period)
    row = _info_row(session, period)
    if row is None or row.deleted or (row.status, "draft") not in ANNUAL_REPORT_STATION_MOVES - EDIT_MOVES:
        raise UserError("只有被服务总站退回的报告才能重新编辑。")
    if row.version != expected_version:
        raise UserError(STALE)
    row = guarded_update(session, InfoReport, row, {"status": "draft"}, expected_version, STALE, status="returned")
    return _draft(row, "info", int(period[:4]), period)


def _save_info(session: Session, period: str, text: ReportText, expected_version: int | None, to_status: str) -> Draft:
    period = check_period(period)
    narrative = check_narrative("info", dict(text.narrative))
    row = _info_row(session, period)
    current = _check_move(row, expected_version, EDIT_MOVES, to_status)
    if to_status == "submitted":
        check_ready_to_submit("info", narrative, {})
    values: dict[str, Any] = {"narrative": narrative, "status": to_status}
    if to_status == "submitted":
        values["submitted_at"] = utcnow()
    row = _write(session, InfoReport, row, values, expected_version, current, period=period)
    return _draft(row, "info", int(period[:4]), period)


def save_info(session: Session, period: str, text: ReportText, expected_version: int | None) -> Draft:
    return _save_info(session, period, text, expected_version, "draft")


def submit_info(session: Session, period: str, text: ReportText, expected_version: int | None) -> Draft:
    return _save_info(session, period, text, expected_version, "submitted")
