"""Odd input still prints well: no data, pages of narrative, very long names, characters the font lacks."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.models import AnnualReport, Enterprise, Event, EventAttendance, InfoReport, ServiceInstitution, ServiceRecord
from app.models.database import Database
from app.reports.api import build_report
from app.reports.glyphs import REPLACEMENT, Glyphs
from app.reports.story import NO_DATA, NOT_WRITTEN
from app.services.station import identity as station_service
from tests.reports.conftest import assert_only_embedded_cjk_font, pdf_pages, pdf_text, poppler

YEAR = 2026
LONG_NAME = "广州市" + "天河区智慧城新一代信息技术与先进制造业融合创新发展" * 7 + "有限公司"  # ~190 characters
RARE = "𠀀"  # U+20000, CJK Extension B: not in WenQuanYi Micro Hei
EMOJI = "😀👨‍👩‍👧"


def _station(db: Database) -> uuid.UUID:
    with db.begin() as session:
        return station_service.require_station(session).id


def _event(db: Database, title: str = "政策宣讲会") -> uuid.UUID:
    station = _station(db)
    starts = datetime(YEAR, 9, 15, 6, 30, tzinfo=UTC)
    with db.begin() as session:
        event = Event(station_id=station, title=title, event_type="policy_briefing", starts_at=starts,
                      ends_at=starts + timedelta(hours=2))
        session.add(event)
        session.flush()
        return event.id


def _flat(text: str) -> str:
    return "".join(text.split())


def test_a_station_without_data_prints_every_kind(empty_db: Database, tmp_path: Path) -> None:
    event_id = _event(empty_db)
    for kind, options in (("annual", {"year": YEAR}), ("info", {"period": f"{YEAR}-09"}), ("signage", {}),
                          ("attendance", {"event_id": event_id}), ("event_summary", {"event_id": event_id})):
        out = tmp_path / f"{kind}.pdf"
        info = build_report(empty_db, kind, out, **options)  # type: ignore[arg-type]
        assert info.pages == pdf_pages(out) >= 1
        assert_only_embedded_cjk_font(out)
        text = _flat(pdf_text(out))
        assert "天河区测试服务站" in text
        if kind in ("annual", "info"):
            lines = [line.strip() for line in pdf_text(out).splitlines()]
            assert NO_DATA in lines and NOT_WRITTEN in lines  # a line of its own: 无
            assert info.warnings and "尚未填写" in info.warnings[0]
    assert "本活动暂无签到记录" in _flat(pdf_text(tmp_path / "event_summary.pdf"))


def test_narrative_of_many_pages_flows_over_pages(empty_db: Database, tmp_path: Path) -> None:
    station = _station(empty_db)
    paragraph = "本年度服务站围绕企业需求开展走访、政策宣讲和资源对接工作，" * 12
    long_text = "\n".join(f"{i}. {paragraph}" for i in range(1, 121)) + "\n全文完。"
    one_line = "不分段的长文字" * 3000  # one paragraph of 21,000 characters
    with empty_db.begin() as session:
        session.add(AnnualReport(station_id=station, year=YEAR, kind="summary",
                                 narrative={"work_done": long_text, "problems": one_line}))
        session.add(InfoReport(station_id=station, period=f"{YEAR}-Q3", narrative={"highlights": long_text}))
    out = tmp_path / "annual.pdf"
    info = build_report(empty_db, "annual", out, year=YEAR)
    assert info.pages >= 20
    text = _flat(pdf_text(out))
    assert "全文完。" in text and "120." in text
    assert NOT_WRITTEN in [line.strip() for line in pdf_text(out).splitlines()]  # the plan is still empty
    for section in ("工作亮点与典型案例", "下一步工作措施", "总体目标", "需要服务总站协调支持的事项"):
        assert section in info.warnings[0], section
    info_out = tmp_path / "info.pdf"
    assert build_report(empty_db, "info", info_out, period=f"{YEAR}-Q3").pages >= 10
    assert "全文完。" in _flat(pdf_text(info_out))


def test_very_long_names_wrap_instead_of_running_off(empty_db: Database, tmp_path: Path) -> None:
    station = _station(empty_db)
    event_id = _event(empty_db, title="超长活动名称" + "知识产权保护与运用专题培训" * 10)
    with empty_db.begin() as session:
        enterprise = Enterprise(station_id=station, name=LONG_NAME, industry_section="I", district="天河区")
        institution = ServiceInstitution(station_id=station, name="入驻机构" + LONG_NAME, category="legal")
        session.add_all([enterprise, institution])
        session.flush()
        session.add(ServiceRecord(station_id=station, enterprise_id=enterprise.id, service_date=date(YEAR, 3, 2),
                                  category="legal", institution_id=institution.id))
        session.add(EventAttendance(station_id=station, event_id=event_id, enterprise_id=enterprise.id,
                                    attendee_name="张三", checked_in_at=datetime(YEAR, 9, 15, 6, 20, tzinfo=UTC)))
    for kind, options in (("annual", {"year": YEAR}), ("info", {"period": f"{YEAR}-Q1"}),
                          ("attendance", {"event_id": event_id}), ("event_summary", {"event_id": event_id})):
        out = tmp_path / f"{kind}.pdf"
        build_report(empty_db, kind, out, **options)  # type: ignore[arg-type]
        text = _flat(pdf_text(out, layout=False))
        assert LONG_NAME in text, kind  # all of it is on the page, wrapped over lines
        # nothing drawn past the right margin: every text line ends inside the page
        bbox = poppler("pdftotext", "-bbox", str(out), "-")
        right = max(float(part.split('"')[1]) for part in bbox.split("xMax=")[1:])
        assert right < 595 - 18 * 72 / 25.4 + 1, kind


def test_characters_outside_the_font_are_replaced_and_noted(empty_db: Database, tmp_path: Path) -> None:
    station = _station(empty_db)
    with empty_db.begin() as session:
        session.add(AnnualReport(station_id=station, year=YEAR, kind="summary",
                                 narrative={"highlights": f"企业名称含生僻字{RARE}，客户留言{EMOJI}。"}))
    out = tmp_path / "annual.pdf"
    build_report(empty_db, "annual", out, year=YEAR)
    assert_only_embedded_cjk_font(out)
    text = _flat(pdf_text(out))
    assert f"企业名称含生僻字{REPLACEMENT}，客户留言{REPLACEMENT * 4}。" in text
    assert "超出打印字体的范围" in text and "U+20000" in text and "U+1F600" in text
    assert RARE not in text


@pytest.mark.parametrize(
    ("raw", "printed", "missing"),
    [
        ("普通文字 ABC 123", "普通文字 ABC 123", 0),
        (f"甲{RARE}乙", f"甲{REPLACEMENT}乙", 1),
        ("👍🏽", REPLACEMENT * 2, 2),  # skin-tone modifier is a character of its own
        ("©\ufe0f", "©", 0),  # © is in the font; the emoji variation selector is dropped silently
        ("a\x00b\x1bc\td\ne", "abc\td\ne", 0),
    ],
)
def test_glyph_cleaning(raw: str, printed: str, missing: int) -> None:
    glyphs = Glyphs()
    assert glyphs.clean(raw) == printed
    assert sum(glyphs.missing.values()) == missing
    assert (glyphs.note() is None) == (missing == 0)


DPI = 50
EDGE_MM = 7  # the running header sits 13 mm below the top edge, the footer 10 mm above the bottom
SIDE_MM = 15  # text and tables keep the 18 mm side margins


def _px(millimetres: float) -> int:
    return round(millimetres / 25.4 * DPI)


def _dark(image, box: tuple[int, int, int, int], below: int = 200) -> int:  # type: ignore[no-untyped-def]
    """How many grey pixels in `box` are darker than `below` (ink, not paper)."""
    return sum(image.crop(box).histogram()[:below])


@pytest.mark.parametrize("kind", ["annual", "info"])
def test_pages_render_with_a_title_and_clear_margins(empty_db: Database, tmp_path: Path, kind: str) -> None:
    from PIL import Image

    out = tmp_path / f"{kind}.pdf"
    build_report(empty_db, kind, out, **({"year": YEAR} if kind == "annual" else {"period": f"{YEAR}-Q3"}))
    poppler("pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", "1", "-l", "2", str(out), str(tmp_path / "page"))
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == min(2, pdf_pages(out)) and (kind != "annual" or len(images) == 2)
    for number, path in enumerate(images, start=1):
        with Image.open(path) as opened:
            image = opened.convert("L")
        width, height = image.size
        assert abs(width - _px(210)) <= 1 and abs(height - _px(297)) <= 1, "A4 portrait"
        edge, side = _px(EDGE_MM), _px(SIDE_MM)
        for name, box in (("top", (0, 0, width, edge)), ("bottom", (0, height - edge, width, height)),
                          ("left", (0, 0, side, height)), ("right", (width - side, 0, width, height))):
            assert _dark(image, box) == 0, f"page {number}: ink in the {name} margin"
        header = (_px(18), _px(9), width - _px(18), _px(16))
        assert _dark(image, header) > 20, f"page {number}: the running header is printed"
        assert _dark(image, (0, 0, width, height)) > 2000, f"page {number}: the page has text"
    with Image.open(images[0]) as opened:
        first = opened.convert("L")
    width = first.size[0]
    title_area = (width // 4, _px(18), 3 * width // 4, _px(40))  # station name and title, centred
    assert _dark(first, title_area) > 150, "page 1: the title is printed at the top"
    left_of_title = (_px(18), _px(26), width // 6, _px(36))
    assert _dark(first, left_of_title) == 0, "page 1: the title is centred"


@pytest.mark.parametrize("size", ["A4", "A3"])
def test_signage_with_a_very_long_station_name(empty_db: Database, tmp_path: Path, size: str) -> None:
    from app.models import Station

    station = _station(empty_db)
    name = f"天河区{RARE}" + "智慧城新一代信息技术与先进制造业融合创新" * 4 + "民营和中小企业服务站"
    with empty_db.begin() as session:
        row = session.get(Station, station)
        assert row is not None
        row.name, row.address, row.phone = name, "广州市天河区" + "高普路1023号智慧城服务中心" * 5, "020-38291746"
    out = tmp_path / "sign.pdf"
    assert build_report(empty_db, "signage", out, size=size).pages == pdf_pages(out) == 1
    assert_only_embedded_cjk_font(out)
    text = _flat(pdf_text(out, layout=False))
    assert name.replace(RARE, REPLACEMENT) in text and "超出打印字体的范围" in text
    bbox = poppler("pdftotext", "-bbox", str(out), "-")
    right = max(float(part.split('"')[1]) for part in bbox.split("xMax=")[1:])
    width = float(bbox.split('<page width="')[1].split('"')[0])
    assert right < width - 28, "nothing runs into the sign's frame"


def test_a_long_sign_in_sheet_repeats_its_header_on_every_page(empty_db: Database, tmp_path: Path) -> None:
    station = _station(empty_db)
    event_id = _event(empty_db)
    with empty_db.begin() as session:
        for i in range(80):
            enterprise = Enterprise(station_id=station, name=f"广州市测试{i:02d}号科技有限公司")
            session.add(enterprise)
            session.flush()
            session.add(EventAttendance(station_id=station, event_id=event_id, enterprise_id=enterprise.id,
                                        attendee_name=f"参会人{i:02d}"))
    out = tmp_path / "sign-in.pdf"
    pages = build_report(empty_db, "attendance", out, event_id=event_id).pages
    assert pages >= 3
    for page in range(1, pages + 1):
        text = _flat(poppler("pdftotext", "-f", str(page), "-l", str(page), str(out), "-"))
        assert all(head in text for head in ("序号", "单位名称", "姓名", "联系电话", "签名")), page
        assert f"第{page}页/共{pages}页" in text
    everything = _flat(pdf_text(out, layout=False))
    assert all(f"广州市测试{i:02d}号科技有限公司" in everything for i in range(80))
