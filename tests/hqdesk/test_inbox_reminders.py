"""督促: the stations that owe a report, from the reports HQ holds (pushed by real syncs)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine, text

from app.domain.report_sections import PLAN_SECTIONS, SUMMARY_SECTIONS
from app.hq.files.reminders import owed_reports
from app.hq.hq_edits import hq_edit
from app.hqdesk import inbox
from app.reports import submission
from app.services.reporting import drafts
from app.services.reporting.drafts import ReportText
from tests.hqdesk.stations import make_station  # noqa: F401 - fixture
from tests.sync.file_helpers import submit_info


def test_owed_reports_follow_what_hq_holds(make_station, hq_engine: Engine, desk: dict[str, Any], tmp_path) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    a, b, _ = make_station("GZ-OWE-A"), make_station("GZ-OWE-B"), make_station("GZ-OWE-C")
    submit_info(a.db, "2025-Q4")
    a.sync()
    b.sync()
    with hq_engine.begin() as conn:  # both registered long ago; a third, revoked, owes nothing
        conn.execute(text("UPDATE station_account SET created_at = '2025-06-01' WHERE code LIKE 'GZ-OWE-%'"))
        conn.execute(text("UPDATE station_account SET status = 'revoked' WHERE code = 'GZ-OWE-C'"))
    with hq_engine.connect() as conn:
        owed = [o for o in owed_reports(conn, date(2026, 2, 5), since=date(2026, 1, 1)) if o.station_code.startswith("GZ-OWE")]
    by_station = {(o.station_code, o.kind, o.key): (o.days_late, o.state) for o in owed}
    assert by_station == {
        ("GZ-OWE-A", "summary", "2025"): (5, "missing"), ("GZ-OWE-A", "plan", "2026"): (5, "missing"),
        ("GZ-OWE-B", "info", "2025-Q4"): (26, "missing"),
        ("GZ-OWE-B", "summary", "2025"): (5, "missing"), ("GZ-OWE-B", "plan", "2026"): (5, "missing"),
    }
    assert owed[0].days_late == 26  # most overdue first
    # a returned summary is owed again; a plan still in draft is owed
    with a.db.begin() as s:
        submission.submit(s, a.db.path.parent, "summary", 2025,
                          ReportText({k: f"{t}：已完成。" for k, t in SUMMARY_SECTIONS.items()}), None)
    with b.db.begin() as s:
        drafts.save_annual(s, 2026, "plan", ReportText({k: f"{t}：草拟中。" for k, t in PLAN_SECTIONS.items()}), None)
    a.sync()
    b.sync()
    with hq_engine.begin() as conn:
        rid = conn.execute(text("SELECT id FROM replica_row WHERE tbl = 'annual_report' AND station_id = :s"),
                           {"s": a.station_id}).scalar_one()
        hq_edit(conn, "annual_report", rid, {"status": "returned", "review_comment": "请补充数据"})
    with hq_engine.connect() as conn:
        states = {(o.station_code, o.kind, o.key): o.state for o in owed_reports(conn, date(2026, 2, 5), since=date(2026, 1, 1))}
    assert states[("GZ-OWE-A", "summary", "2025")] == "returned"
    assert states[("GZ-OWE-B", "plan", "2026")] == "draft"
    with hq_engine.connect() as conn:  # before the station joined: owes nothing for it
        conn.execute(text("UPDATE station_account SET created_at = '2026-01-01' WHERE code = 'GZ-OWE-B'"))
        later = {(o.station_code, o.key) for o in owed_reports(conn, date(2026, 2, 5), since=date(2026, 1, 1))}
        conn.rollback()
    assert ("GZ-OWE-B", "2025-Q4") not in later and ("GZ-OWE-B", "2026") in later
    # the desk reads the same list (as of today) and exports it
    rows = inbox.owed_reports(desk["bureau"])
    out = inbox.export_owed_xlsx(rows, tmp_path / "督促.xlsx", "2026-01-20")
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    assert sheet["A2"].value == "服务站编号" and sheet.max_row == len(rows) + 2
