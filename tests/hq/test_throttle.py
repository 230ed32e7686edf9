"""Finding 5: nothing slowed down guessing.  Failed enrolment codes and bad tokens now
count against the caller's address: past FREE_FAILURES it waits 1 s, 2 s, 4 s … (429 with
Retry-After), and HQ does no database work for it meanwhile.  Good stations elsewhere,
and good stations HQ already knows behind the same address, are not held back."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient

from app.hq import accounts, throttle
from app.hq.server import create_app
from app.sync import protocol
from tests.hq.conftest import Enrolled
from tests.hq.fake_clock import FakeClock

V1 = {protocol.PROTOCOL_HEADER: "1"}
GUESSER, GOOD = ("203.0.113.66", 40000), ("198.51.100.7", 40000)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(hq_engine: Engine, clock: FakeClock) -> Any:
    return create_app(engine=hq_engine, clock=clock.clock(), hold_429=0.0)  # holding a 429 back: test_asgi_guard


@pytest.fixture
def clients(app: Any) -> Iterator[tuple[TestClient, TestClient]]:
    with TestClient(app, client=GUESSER) as guesser, TestClient(app, client=GOOD) as good:
        yield guesser, good


def new_code(hq_engine: Engine, code: str) -> str:
    with hq_engine.begin() as conn:
        return accounts.add_station(conn, code, f"{code} 服务站", "天河区")[1]


def enrol_at(client: TestClient, enrol_code: str, code: str) -> Enrolled:
    answer = client.post("/v1/enroll", json={"code": enrol_code}, headers=V1)
    assert answer.status_code == 200, answer.text
    return Enrolled(code, uuid.UUID(answer.json()["station"]["id"]), answer.json()["token"])


def test_500_wrong_codes_are_throttled_with_growing_waits(clients, hq_engine, clock, monkeypatch) -> None:
    guesser, good = clients
    checked = []
    real_enroll = accounts.enroll
    monkeypatch.setattr(accounts, "enroll", lambda *a, **k: checked.append(1) or real_enroll(*a, **k))
    answers = [guesser.post("/v1/enroll", json={"code": f"WRONG-{i:05d}"}, headers=V1) for i in range(500)]
    statuses = Counter(a.status_code for a in answers)
    assert statuses == {401: throttle.FREE_FAILURES, 429: 500 - throttle.FREE_FAILURES}
    assert len(checked) == throttle.FREE_FAILURES + 1  # the rest never reached the database
    refused = answers[-1]
    assert refused.headers["Retry-After"] == "1" and "秒后再试" in refused.json()["message"]
    assert refused.json()["error"] == "too_many_failures"
    # back-off: each failure after a wait doubles the next wait
    waits = []
    for _ in range(4):
        clock.advance(int(refused.headers["Retry-After"]))
        refused = guesser.post("/v1/enroll", json={"code": "WRONG-AGAIN"}, headers=V1)
        waits.append(int(refused.headers["Retry-After"]))
    assert waits == [2, 4, 8, 16]
    # a right code from the locked address waits too (it is not even looked at) …
    right = new_code(hq_engine, "T-R1")
    clock.advance(15)
    assert guesser.post("/v1/enroll", json={"code": right}, headers=V1).status_code == 429
    # … while another address enrols at once, and the guesser may try again after its wait
    enrol_at(good, new_code(hq_engine, "T-R2"), "T-R2")
    clock.advance(1)
    enrol_at(guesser, right, "T-R1")


def test_bad_tokens_are_throttled_good_stations_are_not(clients, hq_engine, clock) -> None:
    guesser, good = clients
    station = enrol_at(good, new_code(hq_engine, "T-T1"), "T-T1")
    assert good.get("/v1/hello", headers=station.headers()).status_code == 200  # HQ now knows this token
    answers = []
    for i in range(300):
        stranger = Enrolled("x", station.station_id, f"guess-{i}")
        answers.append(guesser.get("/v1/hello", headers=stranger.headers()))
    statuses = Counter(a.status_code for a in answers)
    assert statuses == {401: throttle.FREE_FAILURES, 429: 300 - throttle.FREE_FAILURES}
    assert all(a.headers.get("Retry-After") for a in answers if a.status_code == 429)
    # a body behind a bad token is not read either: 429 before any decompression
    bomb = Enrolled("x", station.station_id, "guess-bomb")
    pushed = guesser.post("/v1/push", content=b"\x00" * 1000, headers=bomb.headers(**{"Content-Encoding": "zstd"}))
    assert pushed.status_code == 429
    # the good station syncs on, from its own address and, once known, from the guesser's
    clock.advance(61)  # past the token gate's memory: the token is checked in the database again
    guesses = [guesser.get("/v1/hello", headers=Enrolled("x", station.station_id, f"again-{i}").headers()) for i in range(3)]
    assert guesses[-1].status_code == 429  # the guesser is locked out again
    for client in (guesser, good):  # the guesser's address first: the trust, not the gate's memory, lets it pass
        assert client.get("/v1/hello", headers=station.headers()).status_code == 200
        answer = client.post("/v1/push", content=protocol.encode({"batch_id": str(uuid.uuid4()), "rows": []}),
                             headers=station.headers(**{"Content-Encoding": "zstd"}))
        assert answer.status_code == 200, answer.text
    # a token this service has not seen pass, from the locked address, waits like a guess
    with hq_engine.begin() as conn:
        token, info = accounts.enroll(conn, new_code(hq_engine, "T-T2"))
    other = Enrolled("T-T2", info.station_id, token)
    assert guesser.get("/v1/hello", headers=other.headers()).status_code == 429
    assert good.get("/v1/hello", headers=other.headers()).status_code == 200


def test_failures_are_forgiven_over_time(clock) -> None:
    limiter = throttle.AddressThrottle(clock.monotonic)
    for _ in range(throttle.FREE_FAILURES):
        assert limiter.failed("a") is None
    clock.advance(throttle.FORGIVE_SECONDS * 2)  # two failures forgiven
    assert limiter.failed("a") is None and limiter.failed("a") is None
    assert limiter.failed("a") == 1 and limiter.retry_after("a") == 1 and limiter.retry_after("b") is None
    clock.advance(1)
    assert limiter.retry_after("a") is None


def test_many_addresses_stay_within_the_memory_bound(clock) -> None:
    limiter = throttle.AddressThrottle(clock.monotonic, max_addresses=100)
    for i in range(1000):
        limiter.failed(f"10.0.{i // 256}.{i % 256}")
    assert len(limiter._records) <= 100
