"""Issue 10, finding 9: a demo profile cannot enrol or sync, from any entry point.

One check (app.sync.enrolment.refuse_demo) sits under every entry point: `enroll` (the
CLI and the window's dialog) and `open_client` (the CLI's sync, the window's sync and
automatic sync).  The window's two paths are tested in tests/ui/test_demo_sync_refused.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from app.demo import data as demo_data
from app.main import main
from app.models import Enterprise, ProfileMeta
from app.services.station import identity as station_service
from app.services.station.profiles import open_profile
from app.sync import enrolment
from app.sync.client import SyncError
from app.sync.enrolment import DEMO_REFUSED, enroll, open_client

from .conftest import new_enrol_code
from .helpers import hq_count

# Refused before any request: nothing listens here, and a request would fail differently.
NOWHERE = "http://127.0.0.1:9"


def _demo_station_profile(name: str) -> None:
    """A profile whose station `demo-data` created (is_demo), with demo rows in it."""
    db = open_profile(name)
    try:
        demo_data.generate(db, enterprises=5, records=5, seed=3)
    finally:
        db.dispose()


def _link(name: str) -> None:
    """What an enrolment by an older version left in a demo profile."""
    db = open_profile(name)
    try:
        with db.begin() as s:
            s.add_all([ProfileMeta(key=enrolment.SERVER_KEY, value=NOWHERE), ProfileMeta(key=enrolment.CODE_KEY, value="GZ-DEMO")])
    finally:
        db.dispose()


def _meta_keys(name: str) -> set[str]:
    db = open_profile(name)
    try:
        with db.sessions() as s:
            return set(s.scalars(select(ProfileMeta.key)))
    finally:
        db.dispose()


@pytest.mark.parametrize("profile_args", [["--demo"], ["--profile", "trial"]], ids=["demo-profile", "demo-station"])
def test_cli_enroll_refuses_a_demo_profile(profile_args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    if profile_args[0] == "--profile":
        _demo_station_profile("trial")
    name = "demo" if profile_args == ["--demo"] else "trial"
    before = _meta_keys(name)
    code = main([*profile_args, "enroll", "--server", NOWHERE, "--code", "ABCD-EFGH"])
    err = capsys.readouterr().err
    assert code != 0
    assert "演示档案" in err and "不能登记到服务总站" in err and "--profile" in err
    assert _meta_keys(name) == before  # nothing recorded


@pytest.mark.parametrize("profile_args", [["--demo"], ["--profile", "trial"]], ids=["demo-profile", "demo-station"])
def test_cli_sync_refuses_a_demo_profile_even_when_linked(profile_args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    name = "demo" if profile_args == ["--demo"] else "trial"
    if name == "trial":
        _demo_station_profile("trial")
    _link(name)
    code = main([*profile_args, "sync"])
    captured = capsys.readouterr()
    assert code != 0
    assert "演示档案" in captured.err and "同步" in captured.err
    assert "pushed=" not in captured.out


def test_enroll_of_a_demo_station_never_reaches_hq(hq_engine: Engine, hq_http: Any) -> None:
    _demo_station_profile("trial")
    db = open_profile("trial")
    try:
        enrol_code = new_enrol_code(hq_engine, "GZ-DEMO-01")
        with pytest.raises(SyncError) as refused:
            enroll(db, "http://testserver", enrol_code, http=hq_http)
        assert refused.value.message == DEMO_REFUSED
        with pytest.raises(SyncError) as no_client:
            open_client(db, http=hq_http)
        assert no_client.value.message == DEMO_REFUSED
        with db.sessions() as s:
            assert s.scalar(select(func.count()).select_from(Enterprise)) == 5
        assert hq_count(hq_engine, "tbl = 'enterprise'") == 0
        with hq_engine.connect() as conn:  # the code was never used: HQ never heard of this profile
            from sqlalchemy import text

            assert conn.execute(text("SELECT enrolled_at FROM station_account WHERE code = 'GZ-DEMO-01'")).scalar() is None
    finally:
        db.dispose()


def test_a_real_station_profile_is_not_taken_for_a_demo(hq_engine: Engine, hq_http: Any) -> None:
    db = open_profile("real")
    try:
        with db.begin() as s:
            station_service.create_station(
                s, station_service.NewStation(code="GZ-REAL-01", name="真实服务站", district="天河区", manager_name="陈晓明")
            )
        result = enroll(db, "http://testserver", new_enrol_code(hq_engine, "GZ-REAL-01"), http=hq_http)
        assert result.station_code == "GZ-REAL-01"
        open_client(db, http=hq_http).close()
    finally:
        db.dispose()
