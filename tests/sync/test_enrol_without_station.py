"""Issue 10, finding 10: `station-desk enroll` on a profile with no station takes the
station's code, name and district from HQ; `info` and `sync` work right after, and the
first sync brings what else HQ knows (the profile facts the station reported, its staff)."""

# ruff: noqa: F811  (the server fixture is imported from test_cli_kill by design)
from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from app.models import StaffMember, Station
from app.services.station import identity as station_service
from app.services.station.profiles import open_profile
from app.sync.engine import sync
from app.sync.enrolment import enroll, open_client

from .conftest import new_enrol_code
from .helpers import hq_count
from .test_cli_kill import SUMMARY, _desk, server  # noqa: F401 (fixture)

CODE = "GZ-FRESH-01"


def _old_pc(tmp_path: Path, hq_engine: Engine, hq_http: Any) -> None:
    """The station's previous computer: set up, enrolled, reported its contact person, synced."""
    from app.models.database import open_database

    db = open_database(tmp_path / "old-pc.db")
    try:
        with db.begin() as s:
            station_service.create_station(
                s, station_service.NewStation(code=CODE, name="本地名称", district="天河区", manager_name="陈晓明")
            )
        enroll(db, "http://testserver", new_enrol_code(hq_engine, CODE), http=hq_http)
        with db.begin() as s:
            row = s.get(Station, station_service.require_station(s).id)
            assert row is not None
            row.contact_person, row.phone = "李四", "020-12345678"
        assert sync(db, open_client(db, http=hq_http)).completed
    finally:
        db.dispose()


def test_enrolling_a_profile_without_station_takes_it_from_hq(
    server: str, hq_engine: Engine, hq_http: Any, station_home: Path, tmp_path: Path, memory_keyring: object
) -> None:
    _old_pc(tmp_path, hq_engine, hq_http)
    assert hq_count(hq_engine, "tbl = 'staff_member'") >= 1
    enrolled = _desk(station_home, "--profile", "new-pc", "enroll", "--server", server, "--code", new_enrol_code(hq_engine, CODE))
    assert enrolled.returncode == 0, enrolled.stderr
    assert f"（{CODE}）" in enrolled.stdout and "原来没有服务站信息" in enrolled.stdout

    info = _desk(station_home, "--profile", "new-pc", "info")
    assert info.returncode == 0, info.stderr
    assert f"服务站：{CODE} 服务站（{CODE}，天河区）" in info.stdout  # HQ's name (tests/sync/conftest.new_enrol_code)

    synced = _desk(station_home, "--profile", "new-pc", "sync")
    assert synced.returncode == 0, synced.stderr
    assert SUMMARY.search(synced.stdout), synced.stdout
    db = open_profile("new-pc")
    try:
        with db.sessions() as s:
            me = station_service.require_station(s)
            assert (me.code, me.name, me.district, me.phone, me.is_demo) == (CODE, f"{CODE} 服务站", "天河区", "020-12345678", False)
            row = s.get(Station, me.id)
            assert row is not None and row.contact_person == "李四"
            assert s.scalars(select(StaffMember.name).where(StaffMember.station_id == me.id)).all() == ["陈晓明"]
    finally:
        db.dispose()
    again = _desk(station_home, "--profile", "new-pc", "sync")
    assert again.returncode == 0 and "pushed=0" in again.stdout, again.stdout + again.stderr
