"""报送审阅 end to end: stations submit through the real editor path (PDF rendered at
submission), sync through the real service; HQ lists the submissions, downloads each PDF
byte-identical through the admin endpoint, accepts or returns it (audited), and the comment
reaches the station on its next sync."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

import pytest
from sqlalchemy import Engine, text

from app.domain.report_sections import SUMMARY_SECTIONS
from app.hqdesk import inbox
from app.hqdesk.client import HqDeskError
from app.models import InfoReport
from app.reports import submission
from app.services.reporting import drafts
from app.services.reporting.drafts import ReportText
from tests.hqdesk.stations import make_station  # noqa: F401 - fixture
from tests.sync.file_helpers import INFO_TEXT, submit_info

SUMMARY = ReportText({key: f"{title}：全年走访企业 120 家。" for key, title in SUMMARY_SECTIONS.items()})


def _audit(hq_engine: Engine, action: str) -> list[Any]:
    with hq_engine.connect() as conn:
        return list(conn.execute(text("SELECT actor, role, target, before, after FROM audit_log WHERE action = :a ORDER BY id"),
                                 {"a": action}))


def _mine(rows: list[inbox.Submission], code: str) -> dict[tuple[str, str], inbox.Submission]:
    return {(s.kind, s.key): s for s in rows if s.station_code == code}


def test_submitted_pdfs_download_byte_identical_through_the_admin_endpoint(make_station, desk: dict[str, Any]) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    a = make_station("GZ-INBOX-A")
    _, info_pdf = submit_info(a.db, "2026-Q3")
    with a.db.begin() as s:
        summary = submission.submit(s, a.db.path.parent, "summary", 2026, SUMMARY, None)
    summary_pdf = (a.db.path.parent / summary.pdf.relative).read_bytes()
    assert a.sync().files_sent == 2
    listed = _mine(inbox.submissions(desk["bureau"]), "GZ-INBOX-A")
    assert set(listed) == {("info", "2026-Q3"), ("summary", "2026")}
    for key, rendered in ((("info", "2026-Q3"), info_pdf), (("summary", "2026"), summary_pdf)):
        row = listed[key]
        assert (row.status, row.pdf_version, row.pdf_current) == ("submitted", 1, True)
        assert row.pdf_sha256 == hashlib.sha256(rendered).hexdigest()
        got = inbox.report_pdf(desk["bureau"], row)
        assert got.data == rendered, "HQ must hand out the very bytes the station rendered"
    assert _mine(inbox.submissions(desk["staff"], kind="info"), "GZ-INBOX-A").keys() == {("info", "2026-Q3")}


def test_return_with_comment_reaches_the_station_and_a_resubmission_is_version_2(  # type: ignore[no-untyped-def]
        make_station, desk: dict[str, Any], hq_engine: Engine) -> None:  # noqa: F811
    a = make_station("GZ-INBOX-B")
    rid, first_pdf = submit_info(a.db, "2026-Q2")
    a.sync()
    row = _mine(inbox.submissions(desk["staff"]), "GZ-INBOX-B")[("info", "2026-Q2")]
    with pytest.raises(HqDeskError, match="必须填写退回意见"):
        desk["staff"].post_json(f"/inbox/reports/{row.report_id}/return", {"comment": "  "})
    with pytest.raises(HqDeskError, match="不能执行这项操作") as refused:
        inbox.return_report(desk["bureau"], row.report_id, "请补充重点企业名单")
    assert refused.value.status == 403
    inbox.return_report(desk["staff"], row.report_id, "请补充重点企业名单")
    [entry] = [e for e in _audit(hq_engine, "report.return") if e.target == row.report_id]
    assert (entry.actor, entry.role) == ("staff-user", "staff")
    assert entry.before == {"status": "submitted", "review_comment": ""}
    assert entry.after == {"status": "returned", "review_comment": "请补充重点企业名单"}
    with pytest.raises(HqDeskError, match="只有“已提交”的报告"):
        inbox.accept(desk["staff"], row.report_id)  # returned: the station moves next
    a.sync()  # the comment reaches the station as annual reports' do
    with a.db.begin() as s:
        returned = drafts.load_info(s, "2026-Q2")
        assert (returned.status, returned.review_comment, returned.can_reopen) == ("returned", "请补充重点企业名单", True)
        reopened = drafts.reopen_info(s, "2026-Q2", returned.version)
    _, second_pdf = submit_info(a.db, "2026-Q2", reopened.version)
    a.sync()
    again = _mine(inbox.submissions(desk["staff"]), "GZ-INBOX-B")[("info", "2026-Q2")]
    assert (again.status, again.pdf_version, again.pdf_current) == ("submitted", 2, True)
    assert inbox.report_pdf(desk["staff"], again).data == second_pdf
    # the first submission's file is kept, unchanged
    assert desk["staff"].get_bytes(f"/inbox/reports/{rid}/pdf", version=1) == first_pdf
    inbox.accept(desk["staff"], again.report_id)
    [accepted] = [e for e in _audit(hq_engine, "report.accept") if e.target == again.report_id]
    assert accepted.before["status"] == "submitted" and accepted.after["status"] == "accepted"
    a.sync()
    with a.db.sessions() as s:
        assert s.get(InfoReport, uuid.UUID(again.report_id)).status == "accepted"


def test_a_report_without_its_pdf_yet_says_so(make_station, desk: dict[str, Any], hq_engine: Engine) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    a = make_station("GZ-INBOX-C")
    with a.db.begin() as s:  # submitted by an older client: no PDF queued
        drafts.submit_info(s, "2026-Q1", INFO_TEXT, None)
    a.sync()
    row = _mine(inbox.submissions(desk["admin"]), "GZ-INBOX-C")[("info", "2026-Q1")]
    assert row.pdf_version is None and not row.pdf_current
    with pytest.raises(HqDeskError, match="还没有传到服务总站"):
        desk["admin"].get_bytes(f"/inbox/reports/{row.report_id}/pdf")
    with pytest.raises(HqDeskError, match="找不到这份报告"):
        inbox.accept(desk["staff"], str(uuid.uuid4()))
