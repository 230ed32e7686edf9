"""Issue 13, Reports 1-8: what a manager would send back, checked on the printed text.

Every report here is built with a fixed "now" (2026-12-07 10:00 in Guangzhou), so nothing
depends on today's date or on the machine's time zone (run under TZ=UTC and TZ=Asia/Shanghai).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.periods import CHINA_TIME
from app.models import Enterprise, Event, EventAttendance, ServiceRecord, Station
from app.models.database import Database
from app.reports.api import build_report
from app.reports.kinsoku import NO_END, NO_START
from tests.reports.conftest import pdf_pages, poppler

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=CHINA_TIME)
SUBMISSION = ("报送单位（盖章）", "负责人（签字）", "填报人", "联系电话", "报送日期")
APP_WORDING = ("尚未填写", "请尽快", "暂无数据", "本节", "请补充")
CJK = re.compile(r"[\u4e00-\u9fff]")


def china(month: int, day: int, hour: int = 0) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=CHINA_TIME).astimezone(UTC)


def text_of(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return poppler("pdftotext", "-layout", *pages, str(path), "-")


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def seeded(empty_db: Database) -> Iterator[tuple[Database, dict[str, uuid.UUID]]]:
    """Two enterprises; an event held on 11-30 (two people of one enterprise, one of another,
    three walk-ins), one at 15:00 on the day of the report and one on 12-22 (both planned)."""
    with empty_db.begin() as s:
        station = s.scalars(select(Station.id)).one()
        a, b = Enterprise(station_id=station, name="甲科技有限公司"), Enterprise(station_id=station, name="乙贸易有限公司")
        s.add_all([a, b])
        s.flush()
        for day in (3, 5, 9):
            s.add(ServiceRecord(enterprise_id=a.id, service_date=datetime(2026, 11, day).date(), category="policy"))
        events = {
            "held": Event(title="十一月政策宣讲会", event_type="policy_briefing", starts_at=china(11, 30, 9),
                          ends_at=china(11, 30, 11), walk_in_count=3),
            "today": Event(title="今天下午的对接会", event_type="matchmaking", starts_at=china(12, 7, 15),
                           ends_at=china(12, 7, 17)),
            "later": Event(title="年末财税沙龙", event_type="salon", starts_at=china(12, 22, 14),
                           ends_at=china(12, 22, 16)),
        }
        s.add_all(events.values())
        s.flush()
        for enterprise, name in ((a, "张三"), (a, "李四"), (b, "王五")):
            s.add(EventAttendance(event_id=events["held"].id, enterprise_id=enterprise.id, attendee_name=name,
                                  checked_in_at=events["held"].starts_at))
        s.add(EventAttendance(event_id=events["later"].id, enterprise_id=b.id, attendee_name="赵六"))
        ids = {key: e.id for key, e in events.items()}
    yield empty_db, ids


def build(db: Database, kind: str, out: Path, **options: object):  # type: ignore[no-untyped-def]
    return build_report(db, kind, out, now=NOW, **options)  # type: ignore[arg-type]


# -- 1. the submission block ---------------------------------------------------------------------
def test_summary_plan_and_periodic_report_end_with_a_submission_block(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, ids = seeded
    annual, info, summary, sheet = (tmp_path / f"{n}.pdf" for n in ("annual", "info", "summary", "sheet"))
    build(db, "annual", annual, year=2026)
    build(db, "info", info, period="2026-11")
    build(db, "event_summary", summary, event_id=ids["held"])
    build(db, "attendance", sheet, event_id=ids["held"])
    annual_text = text_of(annual)
    for word in SUBMISSION:
        assert annual_text.count(word) == 2, word  # the summary, then the plan
        assert word in text_of(info) and word in text_of(summary), word
    assert "盖章" not in text_of(sheet), "a sign-in sheet is not handed in"
    width = max(len(line) for line in annual_text.splitlines())
    for line in (x for x in annual_text.splitlines() if "报送单位（盖章）" in x):
        assert line.index("报送单位（盖章）") > width / 2, "the unit at the right"
    for line in (x for x in annual_text.splitlines() if "报送日期" in x):
        assert line.index("年") > width / 2, "the date at the right"
    for line in (x for x in annual_text.splitlines() if "负责人（签字）" in x):
        assert line.index("负责人（签字）") < width / 4, "the people sign at the left"
    unit_lines = [x for x in annual_text.splitlines() if x.strip().endswith("天河区测试服务站")]
    assert unit_lines, "the unit's name under 报送单位（盖章）, where the seal lands"


# -- 2. future events are planned, not held ------------------------------------------------------
def test_events_after_the_cutoff_are_planned_not_held(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _ids = seeded
    annual, info = tmp_path / "annual.pdf", tmp_path / "info.pdf"
    build(db, "annual", annual, year=2026)
    build(db, "info", info, period="2026-12")
    text = " ".join(text_of(annual).split())
    assert "举办活动（场） 1 " in text and "计划活动（场） 2" in text
    assert "另有计划活动 2 场" in text.replace(" ", "") or "另有计划活动2场" in text.replace(" ", "")
    for title in ("今天下午的对接会", "年末财税沙龙"):
        line = next(x for x in text_of(annual).splitlines() if title in x)
        assert line.rstrip().endswith("计划"), line
    december = " ".join(text_of(info).split())
    assert "举办活动（场） 0 " in december and "计划活动（场） 2" in december
    assert all(next(x for x in text_of(info).splitlines() if t in x).rstrip().endswith("计划")
               for t in ("今天下午的对接会", "年末财税沙龙"))


def test_the_summary_of_an_event_not_yet_held_says_so(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, ids = seeded
    out = tmp_path / "summary.pdf"
    info = build(db, "event_summary", out, event_id=ids["later"])
    text = flat(text_of(out))
    assert "签到率" not in text and "0.0%" not in text
    assert "计划活动" in text and "尚未举行" in text and "2026-12-2214:00" in text
    assert info.warnings and "尚未举行" in info.warnings[0]
    held = build(db, "event_summary", tmp_path / "held.pdf", event_id=ids["held"])
    assert "签到率" in flat(text_of(tmp_path / "held.pdf")) and not [w for w in held.warnings if "尚未举行" in w]


def test_an_event_starting_exactly_at_the_cutoff_has_been_held(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, ids = seeded
    out = tmp_path / "summary.pdf"
    info = build_report(db, "event_summary", out, event_id=ids["today"], now=datetime(2026, 12, 7, 15, tzinfo=CHINA_TIME))
    assert not [w for w in info.warnings if "尚未举行" in w] and "签到率" in flat(text_of(out))


# -- 3. one unit per figure ----------------------------------------------------------------------
def test_people_and_enterprises_are_two_figures_with_their_units(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _ids = seeded
    out = tmp_path / "annual.pdf"
    build(db, "annual", out, year=2026)
    summary, plan = " ".join(text_of(out, 1, 2).split()), " ".join(text_of(out, pdf_pages(out)).split())
    # 3 people checked in + 3 walk-ins = 6 人次; enterprises 甲 and 乙 = 2 家次
    assert "活动参与（人次） 6" in summary and "活动参与企业（家次） 2" in summary
    assert "活动参与企业（家次） 2" in plan, "the plan's 家次 row shows enterprises, not people"
    assert "活动参与企业（家次） 6" not in flat(text_of(out)).replace("（家次）6", "")


# -- 4. no app wording; a warning instead --------------------------------------------------------
@pytest.mark.parametrize("kind", ["annual", "info", "event_summary"])
def test_a_final_document_never_prints_the_apps_wording(seeded, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    db, ids = seeded
    out = tmp_path / f"{kind}.pdf"
    options = {"annual": {"year": 2026}, "info": {"period": "2026-11"}, "event_summary": {"event_id": ids["held"]}}
    info = build(db, kind, out, **options[kind])
    text = text_of(out)
    assert not [w for w in APP_WORDING if w in flat(text)]
    assert "无" in [line.strip() for line in text.splitlines()], "an empty section says 无"
    assert info.warnings and "尚未填写" in info.warnings[0], "the caller is told instead"


# -- 5. Chinese line breaking --------------------------------------------------------------------
def _segments(text: str) -> Iterator[str]:
    """Each run of text on a line of `pdftotext -layout` (columns are 2+ spaces apart); not the
    blank date to fill in by hand (年　月　日), the signage's spread label (地　　址) nor a
    table's "—" (no value)."""
    for line in text.splitlines():
        if "报送日期" not in line and "址：" not in line:
            yield from (seg for seg in re.split(r"\s{2,}", line.strip()) if seg and seg != "—")


@pytest.mark.parametrize("which", ["demo", "empty"])
def test_no_line_breaks_against_the_rules_and_no_character_wraps_alone(
    which: str, demo_db: Database, seeded, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    db, ids = (demo_db, None) if which == "demo" else seeded
    event = ids["held"] if ids else demo_db_event(demo_db)
    outs = []
    for kind, options in (("annual", {"year": 2026}), ("info", {"period": "2026-Q4"}),
                          ("event_summary", {"event_id": event}), ("attendance", {"event_id": event}),
                          ("signage", {})):
        out = tmp_path / f"{kind}.pdf"
        build(db, kind, out, **options)
        outs.append(out)
    bad = []
    for out in outs:
        for seg in _segments(text_of(out)):
            if seg[0] in NO_START or seg[-1] in NO_END:
                bad.append((out.name, seg))
            if len(seg) == 1 and CJK.match(seg) and seg != "无":
                bad.append((out.name, seg))
    assert not bad, bad[:10]


def demo_db_event(db: Database) -> uuid.UUID:
    with db.begin() as session:
        return session.scalars(select(Event.id).where(Event.starts_at < NOW).order_by(Event.starts_at)).first()  # type: ignore[return-value]


# -- 6. the plan names its plan year -------------------------------------------------------------
def test_the_plans_pages_name_the_plan_year(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _ids = seeded
    out = tmp_path / "annual.pdf"
    build(db, "annual", out, year=2026)
    pages = pdf_pages(out)
    first, last = text_of(out, 1, 1), text_of(out, pages, pages)
    assert "2027年度服务工作计划" in last
    assert "计划年度：2027年" in flat(last) and "计划年度2027年数据截至" in flat(last)
    assert "统计期间" not in last, "no 统计期间 2026 under a 2027 heading"
    assert "统计期间2026年1月1日—2026年12月31日数据截至" in flat(first)


# -- 8. signage with no contacts -----------------------------------------------------------------
def test_signage_without_contacts_says_what_is_missing_and_prints_no_empty_area(empty_db: Database,
                                                                                tmp_path: Path) -> None:
    out = tmp_path / "sign.pdf"
    info = build(empty_db, "signage", out)
    assert info.warnings
    for field in ("依托单位", "地址", "联系电话", "联系人"):
        assert field in info.warnings[0], field
    text = flat(text_of(out))
    assert "扫码" not in text, "no QR code that holds only a name"
    assert "：" not in text, "no contact lines with nothing after them"
    with empty_db.begin() as s:
        station = s.scalars(select(Station)).one()
        station.phone, station.address = "020-12345678", "广州市天河区体育西路1号"
        station.host_organisation, station.contact_person = "天河区某产业园", "王小明"
    full = build(empty_db, "signage", out)
    assert not full.warnings and "扫码" in flat(text_of(out)) and "联系电话：020-12345678" in flat(text_of(out))


def test_time_zone_of_the_machine_does_not_matter(seeded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import time

    db, _ids = seeded
    texts = []
    for zone in ("UTC", "Asia/Shanghai"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        out = tmp_path / f"{zone.replace('/', '-')}.pdf"
        build(db, "annual", out, year=2026)
        texts.append(text_of(out))
    monkeypatch.undo()
    time.tzset()
    assert texts[0] == texts[1]
    assert "数据截至：2026-12-0710:00" in flat(texts[0])


def test_one_hour_earlier_the_day_before_nothing_is_planned_that_day(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _ids = seeded
    out = tmp_path / "annual.pdf"
    build_report(db, "annual", out, year=2026, now=NOW + timedelta(days=30))  # the year is over
    text = " ".join(text_of(out).split())
    assert "举办活动（场） 3 " in text and "计划活动（场） 0" in text
