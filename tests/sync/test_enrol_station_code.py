"""Enrolling a profile whose own station code is not the one HQ assigns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from app.models import Station
from app.models.database import Database, open_database
from app.services.station import identity as station_service
from app.sync.client import SyncError
from app.sync.engine import sync
from app.sync.enrolment import CODE_KEY, STATION_KEY, _meta, enroll, open_client

from .conftest import new_enrol_code
from .helpers import add_work, assert_station_equals_hq, hq_count


def _profile(tmp_path: Path, code: str) -> Database:
    db = open_database(tmp_path / f"{code}.db")
    with db.begin() as s:
        station_service.create_station(
            s, station_service.NewStation(code=code, name="本地起的名称", district="天河区", manager_name="陈晓明")
        )
    return db


def test_a_local_code_hq_gives_another_station_is_replaced_by_hq_code(
    hq_engine: Engine, hq_http: Any, tmp_path: Path, memory_keyring: object
) -> None:
    new_enrol_code(hq_engine, "GZ-CODE-OTHER")  # HQ's registry: another station has the code this profile chose
    db = _profile(tmp_path, "GZ-CODE-OTHER")
    try:
        result = enroll(db, "http://testserver", new_enrol_code(hq_engine, "GZ-CODE-MINE"), http=hq_http)
        assert "GZ-CODE-OTHER" in result.message and "GZ-CODE-MINE" in result.message
        with db.begin() as s:
            me = station_service.current_station(s)
            assert me is not None and (me.id, me.code) == (result.station_id, "GZ-CODE-MINE")
        add_work(db, result.station_id, 3)
        outcome = sync(db, open_client(db, http=hq_http))  # failed with UNIQUE constraint failed: station.code
        assert outcome.completed, outcome.message
        with db.begin() as s:
            codes = dict(s.execute(select(Station.code, Station.id)).all())
        assert codes["GZ-CODE-MINE"] == result.station_id and "GZ-CODE-OTHER" in codes
        assert codes["GZ-CODE-OTHER"] != result.station_id
        assert hq_count(hq_engine, "tbl = 'service_record' AND station_id = :s", s=result.station_id) == 3
        assert_station_equals_hq(db, hq_engine, result.station_id)
    finally:
        db.dispose()


def test_a_profile_holding_another_enrolled_station_work_is_refused(
    hq_engine: Engine, hq_http: Any, tmp_path: Path, memory_keyring: object
) -> None:
    db = _profile(tmp_path, "GZ-CODE-FIRST")
    try:
        first = enroll(db, "http://testserver", new_enrol_code(hq_engine, "GZ-CODE-FIRST"), http=hq_http)
        add_work(db, first.station_id, 2)
        with pytest.raises(SyncError) as refused:
            enroll(db, "http://testserver", new_enrol_code(hq_engine, "GZ-CODE-SECOND"), http=hq_http)
        assert "另一个服务站" in refused.value.message and "新建一个档案" in refused.value.message
        with db.engine.connect() as conn:  # nothing changed: still the first station
            assert _meta(conn, STATION_KEY) == str(first.station_id)
            assert _meta(conn, CODE_KEY) == "GZ-CODE-FIRST"
        assert sync(db, open_client(db, http=hq_http)).completed
        assert hq_count(hq_engine, "tbl = 'service_record' AND station_id = :s", s=first.station_id) == 2
    finally:
        db.dispose()
