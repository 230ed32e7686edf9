"""`station-desk report …`: prints path, pages and cut-off; bad input exits non-zero in Chinese."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.demo.data import DEMO_STATION, generate
from app.domain.periods import CHINA_TIME
from app.main import main
from app.models import Event
from app.services.station.identity import require_station
from app.services.station.profiles import open_profile
from tests.reports.conftest import assert_only_embedded_cjk_font, pdf_pages, pdf_text
from tests.reports.test_build_kinds import YEAR

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def profile(station_home: Path) -> str:
    """The default profile with a little demo data; returns an event id (hex)."""
    db = open_profile("default")
    try:
        generate(db, enterprises=40, records=300)
        with db.begin() as session:
            return str(session.scalars(select(Event.id).order_by(Event.starts_at)).first())
    finally:
        db.dispose()


def test_each_kind_from_the_command_line(profile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = [
        (["annual", "--year", str(YEAR)], f"{YEAR}年度服务工作总结"),
        (["info", "--period", f"{YEAR}-Q2"], f"{YEAR}年第二季度定期信息报送"),
        (["info", "--period", f"{YEAR}-05"], f"{YEAR}年5月定期信息报送"),
        (["signage", "--size", "A3", "--no-qr"], "广州市民营和中小企业服务站"),
        (["attendance", "--event", profile], "活动签到表"),
        (["event-summary", "--event", profile], "活动总结"),
    ]
    for number, (args, title) in enumerate(cases):
        out = tmp_path / f"r{number}.pdf"
        assert main(["report", *args, "--out", str(out)]) == 0, args
        printed = capsys.readouterr().out
        assert f"文件：{out}" in printed and f"页数：{pdf_pages(out)}" in printed and "数据截至：" in printed
        assert_only_embedded_cjk_font(out)
        assert title in "".join(pdf_text(out).split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["info", "--period", "2026年9月"], "请按 2026-Q3 或 2026-09 的格式填写报送期间"),
        (["annual", "--year", "1800"], "年度"),
        (["attendance", "--event", "not-an-id"], "活动编号"),
        (["event-summary", "--event", "0190f4f2-7d6e-7c3a-9d1e-000000000000"], "找不到"),
    ],
)
def test_bad_input_exits_non_zero_in_chinese(
    profile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    out = tmp_path / "bad.pdf"
    assert main(["report", *args, "--out", str(out)]) != 0
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not out.exists()


def test_a_real_process_and_a_missing_folder(profile: str, station_home: Path, tmp_path: Path) -> None:
    env = dict(os.environ, STATION_DESK_HOME=str(station_home), PYTHONIOENCODING="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "app.main", "report", *args], cwd=REPO, env=env,
                              capture_output=True, text=True, encoding="utf-8", timeout=120)

    good = run("signage", "--out", str(tmp_path / "sign.pdf"))
    assert good.returncode == 0, good.stderr
    assert "页数：1" in good.stdout
    assert DEMO_STATION.name in "".join(pdf_text(tmp_path / "sign.pdf").split())
    bad = run("signage", "--out", str(tmp_path / "nowhere" / "sign.pdf"))
    assert bad.returncode != 0 and "文件夹" in bad.stderr and "Traceback" not in bad.stderr
    missing = run("annual", "--out", str(tmp_path / "a.pdf"))  # --year is required
    assert missing.returncode != 0 and "--year" in missing.stderr


def _add_events(*titles_and_starts: tuple[str, datetime]) -> list[str]:
    """Events added to the default profile; returns their ids (hex)."""
    db = open_profile("default")
    try:
        with db.begin() as session:
            station = require_station(session).id
            added = [Event(station_id=station, title=title, event_type="lecture", starts_at=start,
                           ends_at=start + timedelta(hours=2)) for title, start in titles_and_starts]
            session.add_all(added)
            session.flush()
            return [e.id.hex for e in added]
    finally:
        db.dispose()


DAY = datetime(2030, 11, 30, 14, 30, tzinfo=CHINA_TIME)  # no demo event falls on it


def test_event_by_date_and_title(profile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    [only] = _add_events(("知识产权保护讲座", DAY))
    out = tmp_path / "by-date.pdf"
    assert main(["report", "attendance", "--event", "2030-11-30", "--out", str(out)]) == 0, capsys.readouterr().err
    assert "知识产权保护讲座" in "".join(pdf_text(out).split())
    # days are Guangzhou days: 23:50 counts on the 30th, 00:30 the next morning on 1 December
    late, other = _add_events(("专精特新企业培育研讨会", DAY.replace(hour=23, minute=50)),
                              ("数字化转型沙龙", DAY + timedelta(days=1, hours=-14)))
    capsys.readouterr()
    assert main(["report", "event-summary", "--event", "2030-11-30", "--out", str(out)]) != 0
    err = capsys.readouterr().err
    assert "2 场" in err and only in err and late in err and other not in err and "Traceback" not in err
    assert main(["report", "event-summary", "--event", "2030-11-30 培育", "--out", str(out)]) == 0
    assert "专精特新企业培育研讨会" in "".join(pdf_text(out).split())
    assert main(["report", "attendance", "--event", "2030/12/1 数字化", "--out", str(out)]) == 0
    errors = {}
    for text, message in (("2030-11-30 融资", "没有标题含“融资”的活动"), ("2030-12-02", "report events"),
                          ("2030-02-30", "日期无效")):
        capsys.readouterr()
        assert main(["report", "attendance", "--event", text, "--out", str(tmp_path / "no.pdf")]) != 0
        errors[text] = err = capsys.readouterr().err
        assert message in err and "Traceback" not in err, text
    assert "当天的活动有" in errors["2030-11-30 融资"] and only in errors["2030-11-30 融资"]
    assert not (tmp_path / "no.pdf").exists()


def test_listing_events_with_their_ids(profile: str, capsys: pytest.CaptureFixture[str]) -> None:
    kept, gone = _add_events(("中小企业融资对接会", DAY), ("已取消的沙龙", DAY + timedelta(hours=2)))
    db = open_profile("default")
    try:
        with db.begin() as session:
            session.get(Event, uuid.UUID(hex=gone)).deleted = True  # type: ignore[union-attr]
    finally:
        db.dispose()
    capsys.readouterr()
    assert main(["report", "events", "--month", "2030-11"]) == 0
    printed = capsys.readouterr().out
    assert f"2030-11-30 14:30  中小企业融资对接会  编号：{kept}" in printed
    assert gone not in printed and "已取消的沙龙" not in printed and "共 1 场活动" in printed
    assert main(["report", "events"]) == 0
    everything = capsys.readouterr().out
    assert profile.replace("-", "") in everything and kept in everything
    assert main(["report", "events", "--month", "2031-01"]) == 0
    assert "2031年1月没有活动" in capsys.readouterr().out
    assert main(["report", "events", "--month", "2030年11月"]) != 0
    assert "月份" in capsys.readouterr().err


def test_warnings_go_to_stderr_and_the_pdf_is_still_written(profile: str, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 13 (Reports 2, 4, 8): the command line says what the printout lacks, on stderr."""
    db = open_profile("default")
    try:
        with db.begin() as session:
            start = datetime(2099, 3, 1, 9, tzinfo=CHINA_TIME)
            future = Event(station_id=require_station(session).id, title="远期计划活动", event_type="salon",
                           starts_at=start, ends_at=start + timedelta(hours=2))
            session.add(future)
            session.flush()
            future_id = str(future.id)
    finally:
        db.dispose()
    for args, words in ((["annual", "--year", str(YEAR)], ("尚未填写", "主要工作开展情况")),
                        (["event-summary", "--event", future_id], ("尚未举行",)),
                        (["signage"], ("标识牌缺少", "联系人"))):
        out = tmp_path / f"{args[0]}.pdf"
        assert main(["report", *args, "--out", str(out)]) == 0, args
        captured = capsys.readouterr()
        assert out.is_file() and f"文件：{out}" in captured.out
        assert all(word in captured.err for word in words), (args, captured.err)
        assert "注意：" not in captured.out
