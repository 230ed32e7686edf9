"""Submitting a report to HQ renders its PDF there and then, in the same transaction.

The station's text is submitted (app.services.reporting.drafts), the report's PDF is laid
out from that very session (so it shows the submitted text and status), its bytes are kept
in the profile's content-addressed store and queued for HQ (app/services/station/file_store.py);
the next sync uploads them (app/sync/files.py).  If the PDF cannot be made, nothing is
submitted.  What HQ opens is byte-for-byte the file kept here.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AnnualReport, InfoReport
from app.reports import builders
from app.services.reporting import drafts
from app.services.reporting.drafts import Draft, ReportText
from app.services.station import file_store
from app.services.station.identity import require_station
from app.sync import file_types


@dataclass(frozen=True)
class Submitted:
    draft: Draft
    pdf: file_store.StoredFile


def submit(session: Session, profile_dir: Path, kind: str, key: int | str, text: ReportText,
           expected_version: int | None) -> Submitted:
    """Submit the annual summary (`key` its year), the plan (`key` the year planned) or the
    information report (`key` its period), and keep and queue the PDF HQ will receive."""
    if kind == "info":
        draft = drafts.submit_info(session, str(key), text, expected_version)
        row: AnnualReport | InfoReport = _info(session, draft.period)
        name = f"{draft.period}定期信息报送.pdf"
    else:
        draft = drafts.submit_annual(session, int(key), kind, text, expected_version)
        row = _annual(session, draft.year, kind)
        name = f"{draft.year}年度{'服务工作总结' if kind == 'summary' else '服务工作计划'}.pdf"
    session.flush()
    data = render(session, kind, draft)
    stored = file_store.store_bytes(profile_dir, data, file_types.PDF)
    file_store.queue_upload(session, stored, "report_pdf", name, report_tbl=row.__tablename__, report_id=row.id,
                            submitted_at=row.submitted_at)
    return Submitted(draft, stored)


def render(session: Session, kind: str, draft: Draft) -> bytes:
    """The report's PDF as of this session.  The annual summary of year Y and the plan for
    Y+1 are one document (年度服务工作总结和下一年度服务工作计划): a plan renders its year's
    predecessor."""
    with tempfile.TemporaryDirectory(prefix="station-desk-submit-") as folder:
        out = Path(folder) / "report.pdf"
        job = builders.Job(out, "A4", None, None)
        if kind == "info":
            builders.info(session, job, draft.period)
        else:
            builders.annual(session, job, draft.year if kind == "summary" else draft.year - 1)
        return out.read_bytes()


def _annual(session: Session, year: int, kind: str) -> AnnualReport:
    station = require_station(session).id
    return session.scalars(select(AnnualReport).where(
        AnnualReport.station_id == station, AnnualReport.year == year, AnnualReport.kind == kind)).one()


def _info(session: Session, period: str) -> InfoReport:
    station = require_station(session).id
    return session.scalars(select(InfoReport).where(InfoReport.station_id == station, InfoReport.period == period)).one()
