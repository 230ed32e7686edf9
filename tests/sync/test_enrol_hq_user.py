"""Issue 12, "HQ accounts and roles": `station-desk enroll --server URL --code C` with an HQ
desk user's code makes an HQ profile (mode=hq), the token in the keyring, and makes it the
active profile; a station's profile is left exactly as it was.  A code HQ accepted whose
local save then failed leaves nothing behind and tells the user to ask for a new code.

The real `station-desk-hq serve` on the real PostgreSQL (tests/sync/test_cli_kill.server)."""

# ruff: noqa: F811  (the server fixture is imported from test_cli_kill by design)
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text

from app.hqdesk import profile as hq_profile
from app.hqdesk.profile import open_desk_client, profile_kind, read_hq_profile
from app.main import main
from app.services.station import identity as station_service
from app.services.station.profiles import open_profile
from app.settings import ACTIVE_PROFILE, Settings
from app.sync.client import SyncError
from app.sync.enrolment import HQ_CODE_HERE, enroll

from .conftest import new_enrol_code
from .test_cli_kill import server  # noqa: F401 (fixture)

SERVICE = "station-desk"


def _hq_code(hq_engine: Engine, name: str, role: str = "admin") -> str:
    from app.hq.admin import users

    with hq_engine.begin() as conn:
        if users.get_user(conn, name) is None:
            return users.add_user(conn, name, role)[1]
        return users.reissue_user_code(conn, name)


def _station_profile(name: str) -> dict[str, Any]:
    """A station set up offline in profile `name`; returns what must never change."""
    db = open_profile(name)
    try:
        with db.begin() as s:
            station_service.create_station(
                s, station_service.NewStation(code="GZ-HQ-T1", name="天河测试站", district="天河区", manager_name="陈晓明"))
    finally:
        db.dispose()
    return _snapshot(name)


def _snapshot(name: str) -> dict[str, Any]:
    db = open_profile(name)
    try:
        with db.engine.connect() as conn:
            return {"meta": sorted(conn.exec_driver_sql("SELECT key, value FROM profile_meta").fetchall()),
                    "station": conn.exec_driver_sql("SELECT id, code, name, district FROM station").fetchall()}
    finally:
        db.dispose()


def _files_holding(root: Path, secret: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def test_an_hq_users_code_makes_an_active_hq_profile_and_leaves_the_station_alone(
    server: str, hq_engine: Engine, station_home: Path, memory_keyring: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _station_profile("default")
    code = main(["enroll", "--server", server, "--code", _hq_code(hq_engine, "王总站")])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "已登记为服务总站用户：王总站（管理员）" in out and "“default”是服务站的档案，保持不变" in out

    assert Settings().get(ACTIVE_PROFILE) == "hq"
    assert profile_kind("hq") == "hq" and profile_kind("default") == "station"
    assert _snapshot("default") == before  # not a key, not a row changed
    db = open_profile("hq")
    try:
        found = read_hq_profile(db, "hq")
    finally:
        db.dispose()
    assert found is not None and (found.server, found.user, found.role, found.persisted) == (server, "王总站", "admin", True)
    token = memory_keyring.store[(SERVICE, f"hq-desk-token:{server}:王总站")]
    assert token.startswith("hq_") and _files_holding(station_home, token) == []  # never plaintext on disk
    with open_desk_client(found) as client:
        assert client.get_json("/me")["name"] == "王总站"


def test_an_empty_profile_becomes_the_hq_profile_and_a_new_code_renews_it(
    server: str, hq_engine: Engine, station_home: Path, memory_keyring: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--profile", "office", "enroll", "--server", server, "--code", _hq_code(hq_engine, "李审阅", "staff")]) == 0
    assert profile_kind("office") == "hq" and Settings().get(ACTIVE_PROFILE) == "office"
    first = memory_keyring.store[(SERVICE, f"hq-desk-token:{server}:李审阅")]
    # the admin reissued the code (the old token stops at once): enrolling again renews the same profile
    assert main(["--profile", "office", "enroll", "--server", server, "--code", _hq_code(hq_engine, "李审阅")]) == 0
    second = memory_keyring.store[(SERVICE, f"hq-desk-token:{server}:李审阅")]
    assert second != first
    assert sorted(p.name for p in (station_home / "profiles").iterdir()) == ["office"]
    assert "已登记为服务总站用户：李审阅（服务总站工作人员）" in capsys.readouterr().out


def test_a_failed_save_after_hq_took_the_code_leaves_nothing_and_says_ask_for_a_new_code(
    server: str, hq_engine: Engine, station_home: Path, memory_keyring: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _station_profile("default")
    (station_home / "settings.json").mkdir()  # the settings file cannot be written (a disk problem)
    enrol_code = _hq_code(hq_engine, "赵失败", "bureau")
    code = main(["enroll", "--server", server, "--code", enrol_code])
    err = capsys.readouterr().err
    assert code == 1
    assert "登记码已经被服务总站收下" in err and "本机没有留下任何改动" in err and "索取新的登记码" in err
    assert not (station_home / "profiles" / "hq").exists()  # the new profile folder is gone
    assert not [k for k in memory_keyring.store if "赵失败" in k[1]]  # and so is the token
    assert _snapshot("default") == before
    with hq_engine.connect() as conn:  # the code is spent at HQ: that is why a new one is needed
        assert conn.execute(text("SELECT enrol_code_hash FROM hq_user WHERE name = '赵失败'")).scalar() is None
    (station_home / "settings.json").rmdir()
    again = main(["enroll", "--server", server, "--code", enrol_code])
    assert again == 1 and "登记码" in capsys.readouterr().err


def test_a_stations_code_in_an_hq_profile_gets_a_profile_of_its_own(
    server: str, hq_engine: Engine, station_home: Path, memory_keyring: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--profile", "hq", "enroll", "--server", server, "--code", _hq_code(hq_engine, "钱管理")]) == 0
    hq_before = _snapshot("hq")
    assert main(["--profile", "hq", "enroll", "--server", server, "--code", new_enrol_code(hq_engine, "GZ-HQ-S2")]) == 0
    out = capsys.readouterr().out
    assert "服务站已登记到新档案“station”" in out
    assert _snapshot("hq") == hq_before
    assert profile_kind("station") == "station" and Settings().get(ACTIVE_PROFILE) == "station"


def test_the_station_only_enrol_refuses_an_hq_code_saying_what_to_do(
    hq_engine: Engine, hq_http: Any, db: Any, memory_keyring: Any
) -> None:
    with pytest.raises(SyncError) as refused:
        enroll(db, "http://testserver", _hq_code(hq_engine, "孙旧路"), http=hq_http)
    assert refused.value.message == HQ_CODE_HERE and "station-desk enroll" in HQ_CODE_HERE


def test_an_hq_profile_without_its_token_says_to_enrol_again(station_home: Path, memory_keyring: Any) -> None:
    db = open_profile("hq")
    try:
        with db.engine.begin() as conn:
            hq_profile.write_hq_profile(conn, {hq_profile.MODE_KEY: "hq", hq_profile.HQ_SERVER_KEY: "https://hq.example",
                                               hq_profile.HQ_USER_KEY: "周", hq_profile.HQ_ROLE_KEY: "admin"})
        found = read_hq_profile(db, "hq")
    finally:
        db.dispose()
    assert found is not None
    from app.hqdesk.client import HqDeskError

    with pytest.raises(HqDeskError) as missing:
        open_desk_client(found)
    assert "重新登记" in missing.value.message and "--profile hq enroll --server https://hq.example" in missing.value.message
    assert json.dumps(found.__dict__, default=str).count("token") == 0


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(min_size=1, max_size=4096))
def test_a_damaged_profile_file_is_never_taken_for_an_hq_or_empty_profile(station_home: Path, content: bytes) -> None:
    folder = station_home / "profiles" / "broken"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "station.db").write_bytes(content)
    assert profile_kind("broken") == "other"  # read-only, never raises, never rewritten
    assert (folder / "station.db").read_bytes() == content


def test_info_and_sync_on_an_hq_profile_say_what_it_is(station_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_profile("hq")
    try:
        with db.engine.begin() as conn:
            hq_profile.write_hq_profile(conn, {hq_profile.MODE_KEY: "hq", hq_profile.HQ_SERVER_KEY: "https://hq.example",
                                               hq_profile.HQ_USER_KEY: "吴", hq_profile.HQ_ROLE_KEY: "staff",
                                               hq_profile.HQ_ROLE_LABEL_KEY: "总站工作人员"})
    finally:
        db.dispose()
    assert main(["--profile", "hq", "info"]) == 0
    assert "服务总站档案：吴（总站工作人员），服务器 https://hq.example" in capsys.readouterr().out
    assert main(["--profile", "hq", "sync"]) != 0
    assert "这是服务总站的档案" in capsys.readouterr().err
