"""Every report kind builds from demo data: embedded font only, the station and its figures in the text."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.demo.data import DEMO_STATION
from app.domain.errors import NoStationError, ValidationError
from app.models import Event
from app.models.database import Database
from app.reports.api import KINDS, ReportCancelled, ReportInfo, build_report
from app.reports.glyphs import REPLACEMENT
from app.services.station import identity as station_service
from tests.reports.conftest import assert_only_embedded_cjk_font, pdf_pages, pdf_text

YEAR = date.today().year if date.today().month >= 6 else date.today().year - 1


def _past_event(db: Database) -> uuid.UUID:
    with db.begin() as session:
        return session.scalars(select(Event.id).order_by(Event.starts_at)).first()  # type: ignore[return-value]


def _options(db: Database, kind: str) -> dict[str, object]:
    return {
        "signage": {},
        "annual": {"year": YEAR},
        "info": {"period": f"{YEAR}-Q2"},
        "attendance": {"event_id": _past_event(db)},
        "event_summary": {"event_id": _past_event(db)},
    }[kind]


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_builds_with_the_embedded_font(demo_db: Database, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.pdf"
    steps: list[tuple[int, int]] = []
    info = build_report(demo_db, kind, out, progress=lambda d, t: steps.append((d, t)), **_options(demo_db, kind))
    assert isinstance(info, ReportInfo) and info.path == out and out.is_file()
    assert info.pages == pdf_pages(out) >= 1
    assert info.cutoff.tzinfo is not None and info.title
    assert_only_embedded_cjk_font(out)
    text = pdf_text(out)
    assert DEMO_STATION.name in text.replace(" ", "")
    assert REPLACEMENT not in text
    assert steps and steps[-1][0] == steps[-1][1], "progress ends at its total"
    assert all(a[0] <= b[0] for a, b in zip(steps, steps[1:], strict=False)), "progress never goes back"
    assert not list(tmp_path.glob("*.tmp")), "no temporary file left behind"


@pytest.mark.parametrize("size", ["A4", "A3"])
def test_signage_is_one_landscape_page_with_contact_details(demo_db: Database, tmp_path: Path, size: str) -> None:
    out = tmp_path / "sign.pdf"
    build_report(demo_db, "signage", out, size=size, qr=False)
    text = pdf_text(out).replace(" ", "")
    assert "广州市民营和中小企业服务站" in text
    assert DEMO_STATION.phone in text and DEMO_STATION.host_organisation in text
    from tests.reports.conftest import poppler

    info = poppler("pdfinfo", str(out))
    width, height = (float(v) for v in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height
    assert round(width) == {"A4": 842, "A3": 1191}[size]


def test_signage_qr_carries_the_contact_details(demo_db: Database) -> None:
    from app.reports.context import report_context
    from app.reports.station_data import station_contact

    with demo_db.begin() as session:
        text = station_contact(session, report_context(session)).qr_text()
    assert DEMO_STATION.name in text and DEMO_STATION.phone in text and DEMO_STATION.address in text


def test_annual_report_has_both_parts_and_the_cutoff(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "annual.pdf"
    info = build_report(demo_db, "annual", out, year=YEAR)
    text = pdf_text(out)
    assert f"{YEAR}年度服务工作总结" in text and f"{YEAR + 1}年度服务工作计划" in text
    assert f"数据截至：{info.cutoff:%Y-%m-%d %H:%M}" in text
    assert f"统计期间：{YEAR}年1月1日—{YEAR}年12月31日" in text
    # the demo has no written narrative: the print says 无 (never the app's wording), the caller is told
    assert "尚未填写" not in text and "无" in text.split()
    assert info.warnings and "主要工作开展情况" in info.warnings[0] and "总体目标" in info.warnings[0]


def test_attendance_sheet_lists_registered_enterprises_and_blank_rows(demo_db: Database, tmp_path: Path) -> None:
    from app.reports.event_data import event_sheet
    from app.reports.event_pdf import BLANK_ROWS

    event_id = _past_event(demo_db)
    with demo_db.begin() as session:
        sheet = event_sheet(session, event_id)
    out = tmp_path / "sign-in.pdf"
    build_report(demo_db, "attendance", out, event_id=event_id)
    text = pdf_text(out).replace(" ", "")
    assert sheet.attendees and all(a.enterprise.replace(" ", "") in text for a in sheet.attendees)
    last = len(sheet.attendees) + BLANK_ROWS
    assert f"\n{last}" in pdf_text(out).replace(" ", "")


def test_bad_input_raises_chinese_validation_errors_and_writes_nothing(demo_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "x.pdf"
    out.write_bytes(b"previous")
    cases = [
        ({"kind": "info", "period": "2026年三季度"}, "请按 2026-Q3 或 2026-09 的格式填写报送期间"),
        ({"kind": "info", "period": "2026-13"}, "请按 2026-Q3 或 2026-09 的格式填写报送期间"),
        ({"kind": "annual", "year": None}, "年度"),
        ({"kind": "annual", "year": 1899}, "年度"),
        ({"kind": "attendance", "event_id": uuid.uuid4()}, "找不到"),
        ({"kind": "event_summary", "event_id": None}, "活动"),
        ({"kind": "signage", "size": "A5"}, "A4 或 A3"),
        ({"kind": "weekly"}, "报表类型"),
    ]
    for kwargs, message in cases:
        kind = str(kwargs.pop("kind"))
        with pytest.raises(ValidationError, match=message):
            build_report(demo_db, kind, out, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="文件夹"):
        build_report(demo_db, "signage", folder / "missing" / "x.pdf")
    with pytest.raises(ValidationError, match=r"\.pdf"):
        build_report(demo_db, "signage", folder / "x.txt")
    assert out.read_bytes() == b"previous"
    assert sorted(p.name for p in folder.iterdir()) == ["x.pdf"]


def test_cancelling_keeps_the_previous_file(demo_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "annual.pdf"
    out.write_bytes(b"previous")
    calls = [0]

    def cancelled() -> bool:
        calls[0] += 1
        return calls[0] > 3  # during the data steps

    with pytest.raises(ReportCancelled):
        build_report(demo_db, "annual", out, year=YEAR, cancelled=cancelled)
    late = [0]

    def cancelled_late() -> bool:
        late[0] += 1
        return late[0] > 30  # during the layout

    with pytest.raises(ReportCancelled):
        build_report(demo_db, "annual", out, year=YEAR, cancelled=cancelled_late)
    assert out.read_bytes() == b"previous"
    assert sorted(p.name for p in folder.iterdir()) == ["annual.pdf"]


def test_a_profile_without_station_says_so(tmp_path: Path) -> None:
    from app.models.database import open_database

    db = open_database(tmp_path / "blank.db")
    try:
        with pytest.raises(NoStationError):
            build_report(db, "signage", tmp_path / "s.pdf")
    finally:
        db.dispose()


def test_written_sections_targets_and_planned_events_are_printed(empty_db: Database, tmp_path: Path) -> None:
    from app.models import AnnualReport, InfoReport

    with empty_db.begin() as session:
        station = station_service.require_station(session).id
        session.add(AnnualReport(station_id=station, year=2026, kind="summary", status="submitted",
                                 narrative={"work_done": "全年走访企业一百二十家。", "measures": "加强政策宣讲。"}))
        session.add(AnnualReport(
            station_id=station, year=2027, kind="plan",
            narrative={"goals": "服务企业五百家。", "support_needed": "请总站协调专家资源。"},
            targets={"enterprises_served": 500, "satisfied_share": 92.5, "unknown_key": 1, "events": "不是数字"},
            planned_events=[{"month": 4, "event_type": "training", "title": "知识产权主题月培训", "theme": "ip"},
                            {"month": "x", "event_type": "salon", "title": "融资对接沙龙", "theme": ""}],
        ))
        session.add(InfoReport(station_id=station, period="2026-Q3",
                               narrative={"key_industries": "制造业企业需求集中在数字化转型。"}))
    annual_out, info_out = tmp_path / "annual.pdf", tmp_path / "info.pdf"
    build_report(empty_db, "annual", annual_out, year=2026)
    build_report(empty_db, "info", info_out, period="2026-Q3")
    text = "".join(pdf_text(annual_out, layout=False).split())
    for expected in ("全年走访企业一百二十家。", "加强政策宣讲。", "服务企业五百家。", "请总站协调专家资源。", "状态：已提交",
                     "状态：草稿", "知识产权主题月培训", "知识产权主题月", "4月", "融资对接沙龙", "待定", "500", "92.5"):
        assert expected in text, expected
    assert text.index("融资对接沙龙") > text.index("知识产权主题月培训"), "months first, undated last"
    info_text = "".join(pdf_text(info_out, layout=False).split())
    assert "重点产业发展情况" in info_text and "制造业企业需求集中在数字化转型。" in info_text
    assert "尚未填写" not in info_text
    info_warning = build_report(empty_db, "info", info_out, period="2026-Q3").warnings[0]
    for section in ("重点企业发展情况", "企业服务需求受理及解决情况", "存在问题", "工作亮点"):
        assert section in info_warning, section
    assert "重点产业发展情况" not in info_warning, "that one is written"
