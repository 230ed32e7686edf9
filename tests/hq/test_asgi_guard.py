"""The front door (app/hq/asgi_guard.py): obviously bad requests are answered before FastAPI
routes them, so a flood of them costs HQ little (benchmarks/README.md, "Flood").  Each test
puts the guard in front of an app that records whether it was reached."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient

from app.hq import gate as gate_module
from app.hq import throttle
from app.hq.asgi_guard import Guard
from app.hq.gate import TokenGate
from app.hq.http_io import ENROL_LIMITS, PUSH_LIMITS
from app.hq.server import create_app
from app.hq.throttle import AddressThrottle
from app.sync import protocol
from tests.hq.fake_clock import FakeClock

V1 = (protocol.PROTOCOL_HEADER.lower().encode(), b"1")
LOCKED, FREE = "203.0.113.9", "198.51.100.20"


class Reached:
    """The app behind the guard: records the scopes that got through."""

    def __init__(self) -> None:
        self.scopes: list[dict[str, Any]] = []

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        self.scopes.append(scope)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})


def door(clock: FakeClock, **options: Any) -> tuple[Guard, Reached, AddressThrottle, TokenGate]:
    limiter = AddressThrottle(clock.monotonic)
    for _ in range(throttle.FREE_FAILURES + 1):
        limiter.failed(LOCKED)
    assert limiter.retry_after(LOCKED)
    token_gate = TokenGate(engine=None, throttle=limiter, clock=clock.monotonic)  # type: ignore[arg-type]
    inner = Reached()
    return Guard(inner, gate=token_gate, throttle=limiter, **options), inner, limiter, token_gate


def call(guard: Guard, method: str, path: str, headers: list[tuple[bytes, bytes]], address: str = FREE) -> dict[str, Any]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        raise AssertionError("the guard never reads a body")

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path, "headers": headers, "client": (address, 1000)}
    asyncio.run(guard(scope, receive, send))
    start, body = sent
    answer = {"status": start["status"], "headers": dict(start["headers"]), "body": body["body"]}
    if answer["status"] != 200:
        answer["json"] = json.loads(body["body"])
    return answer


def bearer(token: str) -> tuple[bytes, bytes]:
    return b"authorization", f"Bearer {token}".encode()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.mark.parametrize(
    ("method", "path", "headers", "address", "status", "error"),
    [
        ("GET", "/v1/hello", [bearer("t")], FREE, 426, "upgrade_required"),  # no protocol header
        ("GET", "/v1/hello", [(V1[0], b"99"), bearer("t")], FREE, 426, "upgrade_required"),
        ("GET", "/v1/hello", [V1], FREE, 401, "unauthorized"),  # no Authorization
        ("POST", "/v1/pull", [V1, (b"authorization", b"Basic dXNlcjpwdw==")], FREE, 401, "unauthorized"),
        ("POST", "/v1/check", [V1, (b"authorization", b"Bearer   ")], FREE, 401, "unauthorized"),
        ("GET", "/v1/hello", [V1, bearer("guess")], LOCKED, 429, "too_many_failures"),
        ("POST", "/v1/enroll", [V1], LOCKED, 429, "too_many_failures"),
        ("POST", "/v1/enroll", [V1, (b"content-length", str(ENROL_LIMITS.body + 1).encode())], FREE, 413, "too_large"),
        ("POST", "/v1/push", [V1, bearer("t"), (b"content-length", str(PUSH_LIMITS.body + 1).encode())], FREE, 413,
         "too_large"),
    ],
)
def test_bad_requests_are_answered_at_the_door(clock, method, path, headers, address, status, error) -> None:
    guard, inner, _, _ = door(clock, hold=0.0)
    answer = call(guard, method, path, headers, address)
    assert (answer["status"], answer["json"]["error"]) == (status, error)
    assert inner.scopes == []  # FastAPI never saw it
    assert answer["headers"][b"content-length"] == str(len(answer["body"])).encode()
    if status == 429:
        assert answer["headers"][b"retry-after"] == b"1" and "秒后再试" in answer["json"]["message"]


def test_good_requests_go_through_with_their_protocol_and_token(clock) -> None:
    guard, inner, _, _ = door(clock, hold=0.0)
    assert call(guard, "GET", "/v1/hello", [V1, bearer("station-token")])["status"] == 200
    assert call(guard, "POST", "/v1/enroll", [V1, (b"content-length", b"20")])["status"] == 200
    assert call(guard, "GET", "/v1/nowhere", [])["status"] == 200  # not a door: FastAPI answers 404 itself
    assert inner.scopes[0]["state"] == {"protocol": 1, "token": "station-token"}
    assert len(inner.scopes) == 3


def test_a_token_hq_trusts_passes_a_locked_address(clock) -> None:
    guard, inner, limiter, token_gate = door(clock, hold=0.0)
    token_gate.remember("known-station")
    clock.advance(gate_module.GATE_SECONDS + 1)  # past the gate's short memory: trust, not that memory, lets it pass
    assert limiter.failed(LOCKED)  # and the address is locked again
    assert call(guard, "GET", "/v1/hello", [V1, bearer("known-station")], LOCKED)["status"] == 200
    assert call(guard, "GET", "/v1/hello", [V1, bearer("unknown")], LOCKED)["status"] == 429


def test_a_429_is_held_back_within_a_bound(clock) -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    guard, _, _, _ = door(clock, hold=1.0, max_held=2, sleep=sleep)
    assert call(guard, "POST", "/v1/enroll", [V1], LOCKED)["status"] == 429
    assert slept == [1.0]  # min(hold, Retry-After)
    assert call(guard, "GET", "/v1/hello", [V1, bearer("t")])["status"] == 200
    assert call(guard, "GET", "/v1/hello", [V1])["status"] == 401
    assert slept == [1.0]  # good requests and other refusals are never held
    guard.held = 2  # as many held as allowed: the next is answered at once
    assert call(guard, "POST", "/v1/enroll", [V1], LOCKED)["status"] == 429
    assert slept == [1.0]


def test_a_refused_token_is_refused_again_from_memory(hq_engine: Engine, clock, monkeypatch) -> None:
    """A token that failed the database check is not checked again for REFUSED_SECONDS,
    and each reuse still counts against the address."""
    checks: list[str] = []
    real_known = TokenGate._known
    monkeypatch.setattr(TokenGate, "_known", lambda self, token: checks.append(token) or real_known(self, token))
    app = create_app(engine=hq_engine, clock=clock.clock(), hold_429=0.0)
    headers = {protocol.PROTOCOL_HEADER: "1", "Authorization": "Bearer revoked-or-forged"}
    with TestClient(app, client=("192.0.2.50", 1000)) as client:
        answers = [client.get("/v1/hello", headers=headers).status_code for _ in range(throttle.FREE_FAILURES + 1)]
        assert answers == [401] * throttle.FREE_FAILURES + [429]
        assert checks == ["revoked-or-forged"]  # one database check, not eleven
        clock.advance(gate_module.REFUSED_SECONDS + 1)
        assert client.get("/v1/hello", headers=headers).status_code == 401
        assert len(checks) == 2  # forgotten after REFUSED_SECONDS: checked again


def test_the_gate_memos_stay_bounded_under_fresh_entries(clock, monkeypatch) -> None:
    monkeypatch.setattr(gate_module, "GATE_SIZE", 50)
    token_gate = TokenGate(engine=None, throttle=AddressThrottle(clock.monotonic), clock=clock.monotonic)  # type: ignore[arg-type]
    for i in range(500):
        token_gate._remember(token_gate.refused, f"k{i}", clock.monotonic() + 600)
    assert len(token_gate.refused) <= 50
