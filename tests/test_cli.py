"""The command line as a user or a script meets it: a real process, a temporary profile."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app import __version__

REPO = Path(__file__).resolve().parent.parent


def run(home: Path, *args: str, module: str = "app.main") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, STATION_DESK_HOME=str(home), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def good_setup(home: Path) -> subprocess.CompletedProcess[str]:
    return run(
        home,
        "setup",
        "--code", "GZ-TH-001",
        "--name", "天河区中小企业服务站",
        "--district", "天河区",
        "--host", "天河区工商业联合会",
        "--manager", "陈晓明",
    )


def test_version(station_home: Path) -> None:
    result = run(station_home, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"station-desk {__version__}"


def test_info_without_station_says_so_in_chinese(station_home: Path) -> None:
    result = run(station_home, "info")
    assert result.returncode != 0
    assert "还没有设置服务站" in result.stderr
    assert "Traceback" not in result.stderr


def test_setup_with_bad_district_saves_nothing(station_home: Path) -> None:
    result = run(
        station_home,
        "setup", "--code", "GZ-XX-001", "--name", "某服务站", "--district", "朝阳区", "--manager", "王五",
    )
    assert result.returncode != 0
    assert "所在区" in result.stderr
    assert "Traceback" not in result.stderr

    info = run(station_home, "info")
    assert info.returncode != 0
    assert "还没有设置服务站" in info.stderr


def test_setup_then_info_shows_the_station(station_home: Path) -> None:
    setup = good_setup(station_home)
    assert setup.returncode == 0, setup.stderr
    assert "天河区中小企业服务站" in setup.stdout

    info = run(station_home, "info")
    assert info.returncode == 0, info.stderr
    assert "天河区中小企业服务站" in info.stdout
    assert "GZ-TH-001" in info.stdout
    assert "天河区" in info.stdout

    again = good_setup(station_home)
    assert again.returncode != 0
    assert "不能重复设置" in again.stderr


def test_hq_cli_version_and_unknown_command(station_home: Path) -> None:
    version = run(station_home, "--version", module="app.hq.cli")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"station-desk-hq {__version__}"

    unknown = run(station_home, "no-such-command", module="app.hq.cli")
    assert unknown.returncode == 2
    assert "no-such-command" in unknown.stderr
    assert "Traceback" not in unknown.stderr
