"""Enrolment, tokens and protocol versions through the real endpoints."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from app.hq import accounts
from app.sync import protocol
from tests.hq.conftest import Enrolled, call


def test_enrol_gives_a_token_stored_only_as_hash(app_client, hq_engine, enrol) -> None:
    station = enrol("GZ-TH-001")
    with hq_engine.connect() as conn:
        stored = conn.execute(text("SELECT token_hash FROM station_account WHERE code = 'GZ-TH-001'")).scalar_one()
    assert stored == accounts.digest(station.token) and station.token not in stored
    hello = app_client.get("/v1/hello", headers=station.headers())
    assert hello.status_code == 200
    body = hello.json()
    assert body["station"]["code"] == "GZ-TH-001" and body["protocol"] == 1 and body["server_time_ms"] > 0


def test_enrol_code_is_one_time(app_client, hq_engine) -> None:
    with hq_engine.begin() as conn:
        _, code = accounts.add_station(conn, "GZ-HZ-002", "海珠区服务站", "海珠区")
    headers = {protocol.PROTOCOL_HEADER: "1"}
    first = app_client.post("/v1/enroll", json={"code": code.lower()}, headers=headers)  # plain JSON is accepted
    assert first.status_code == 200
    again = app_client.post("/v1/enroll", json={"code": code}, headers=headers)
    assert again.status_code == 401 and "登记码" in again.json()["message"]


def test_wrong_revoked_and_expired_tokens_are_refused(app_client, hq_engine, enrol) -> None:
    station = enrol("GZ-YX-003")
    wrong = Enrolled("x", station.station_id, "not-a-token")
    for who in (wrong, Enrolled("x", station.station_id, "")):
        answer = app_client.get("/v1/hello", headers=who.headers())
        assert answer.status_code == 401 and "令牌" in answer.json()["message"]
    with hq_engine.begin() as conn:
        conn.execute(text("UPDATE station_account SET token_expires_at = now() - interval '1 minute' WHERE code = 'GZ-YX-003'"))
    assert app_client.get("/v1/hello", headers=station.headers()).status_code == 401
    with hq_engine.begin() as conn:
        conn.execute(text("UPDATE station_account SET token_expires_at = NULL WHERE code = 'GZ-YX-003'"))
    assert app_client.get("/v1/hello", headers=station.headers()).status_code == 200
    with hq_engine.begin() as conn:
        accounts.revoke_station(conn, "GZ-YX-003")
    for path, payload in (("/v1/push", {"batch_id": str(uuid.uuid4()), "rows": []}), ("/v1/pull", {"cursor": None})):
        answer = call(app_client, station, path, payload)
        assert answer.status_code == 401 and "撤销" in answer.json()["message"]


def test_old_or_missing_protocol_gets_426_in_chinese(app_client, enrol) -> None:
    station = enrol("GZ-BY-004")
    for version in ("0", str(max(protocol.SUPPORTED_VERSIONS) + 1), "", "abc"):
        headers = station.headers(**{protocol.PROTOCOL_HEADER: version})
        answer = app_client.get("/v1/hello", headers=headers)
        assert answer.status_code == 426
        assert answer.json() == {"error": "upgrade_required", "message": protocol.UPGRADE_MESSAGE}
    no_header = app_client.post("/v1/enroll", json={"code": "x"})
    assert no_header.status_code == 426


def test_revoked_station_can_come_back_with_a_new_code(app_client, hq_engine, enrol) -> None:
    station = enrol("GZ-PY-005")
    with hq_engine.begin() as conn:
        accounts.revoke_station(conn, "GZ-PY-005")
        code = accounts.reissue_code(conn, "GZ-PY-005")
    answer = app_client.post("/v1/enroll", json={"code": code}, headers={protocol.PROTOCOL_HEADER: "1"})
    assert answer.status_code == 200
    assert app_client.get("/v1/hello", headers=station.headers()).status_code == 401  # the old token stays dead
    fresh = Enrolled("GZ-PY-005", station.station_id, answer.json()["token"])
    assert app_client.get("/v1/hello", headers=fresh.headers()).status_code == 200


def test_enrolment_codes_expire(hq_engine) -> None:
    """Finding 12: removing the expiry check went unnoticed.  A code is good for ENROL_DAYS."""
    from starlette.testclient import TestClient

    from app.hq.server import create_app
    from tests.hq.fake_clock import WALL_START, FakeClock

    clock = FakeClock()
    with hq_engine.begin() as conn:
        _, late = accounts.add_station(conn, "GZ-EX-006", "过期测试服务站", "天河区", now=WALL_START)
        _, timely = accounts.add_station(conn, "GZ-EX-007", "按时登记服务站", "天河区", now=WALL_START)
    headers = {protocol.PROTOCOL_HEADER: "1"}
    with TestClient(create_app(engine=hq_engine, clock=clock.clock())) as client:
        clock.advance(accounts.ENROL_DAYS * 86400 - 60)
        assert client.post("/v1/enroll", json={"code": timely}, headers=headers).status_code == 200
        clock.advance(120)  # one minute past the ENROL_DAYS
        expired = client.post("/v1/enroll", json={"code": late}, headers=headers)
    assert expired.status_code == 401 and "过期" in expired.json()["message"]
    with hq_engine.connect() as conn:
        assert accounts.get_station(conn, "GZ-EX-006").enrolled_at is None  # type: ignore[union-attr]


def test_reissue_code_revokes_the_old_token_at_once(app_client, hq_url, enrol, capsys) -> None:
    """Finding 12: `reissue-code` left the old token working until the new code was used."""
    from app.hq.cli import main

    station = enrol("GZ-RE-008")
    assert app_client.get("/v1/hello", headers=station.headers()).status_code == 200  # the gate now knows it
    capsys.readouterr()
    assert main(["reissue-code", "GZ-RE-008", "--db", hq_url]) == 0
    printed = capsys.readouterr().out
    assert "已立即失效" in printed
    for path, payload in (("/v1/push", {"batch_id": str(uuid.uuid4()), "rows": []}), ("/v1/pull", {"cursor": None})):
        assert call(app_client, station, path, payload).status_code == 401
    assert app_client.get("/v1/hello", headers=station.headers()).status_code == 401
    answer = app_client.post("/v1/enroll", json={"code": printed.strip().splitlines()[-1]}, headers={protocol.PROTOCOL_HEADER: "1"})
    assert answer.status_code == 200
    fresh = Enrolled("GZ-RE-008", station.station_id, answer.json()["token"])
    assert fresh.station_id == uuid.UUID(answer.json()["station"]["id"])
    assert app_client.get("/v1/hello", headers=fresh.headers()).status_code == 200
