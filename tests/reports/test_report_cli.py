"""`station-desk report …`: prints path, pages and cut-off; bad input exits non-zero in Chinese."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app.main import main
from app.models import Event
from app.services.demo_data import DEMO_STATION, generate
from app.services.profiles import open_profile
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
                              capture_output=True, text=True, encoding="utf-8", timeout=120)  # fmt: skip

    good = run("signage", "--out", str(tmp_path / "sign.pdf"))
    assert good.returncode == 0, good.stderr
    assert "页数：1" in good.stdout
    assert DEMO_STATION.name in "".join(pdf_text(tmp_path / "sign.pdf").split())
    bad = run("signage", "--out", str(tmp_path / "nowhere" / "sign.pdf"))
    assert bad.returncode != 0 and "文件夹" in bad.stderr and "Traceback" not in bad.stderr
    missing = run("annual", "--out", str(tmp_path / "a.pdf"))  # --year is required
    assert missing.returncode != 0 and "--year" in missing.stderr
