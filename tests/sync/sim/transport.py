"""The honest stations' wire: faults injected at a planned request, applied pushes recorded
for the oracle (tests/sync/sim/oracle.py), HQ's clock reads remembered so the oracle clamps
future stamps exactly as HQ did."""

from __future__ import annotations

import json
import threading
from collections import deque
from typing import TYPE_CHECKING, Any

import httpx

from app.hq import push as hq_push
from app.hq.enterprise_requests import REASON as HELD
from app.sync import protocol

from ..test_sync_faults import Crash
from . import oracle
from .stats import STATS

if TYPE_CHECKING:
    from .world import SimStation, Simulation


class HqClock:
    """Stands in for app.hq.push.now_ms and remembers what HQ read, so the oracle clamps
    future stamps exactly as HQ did (a station's clock skewed by an hour is past
    MAX_FUTURE_SKEW_MS).  Returns the real time: HQ behaves as it would anyway."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.reads: deque[int] = deque(maxlen=8)

    def __call__(self) -> int:
        value = int(self.inner())
        self.reads.append(value)
        return value


def hq_clock() -> HqClock:
    if not isinstance(hq_push.now_ms, HqClock):
        hq_push.now_ms = HqClock(hq_push.now_ms)
    return hq_push.now_ms


def send_plain(inner: httpx.BaseTransport, request: httpx.Request) -> tuple[httpx.Response, bytes, int | None]:
    """One request to HQ, its answer read; and the first time HQ read its clock (a push's own time)."""
    clock = hq_clock()
    clock.reads.clear()
    response = inner.handle_request(request)
    body = response.read()
    headers = [(k, v) for k, v in response.headers.items() if k.lower() not in ("content-length", "content-encoding")]
    at = clock.reads[0] if clock.reads else None
    return httpx.Response(response.status_code, headers=headers, content=body, request=request), body, at


class FaultTransport(httpx.BaseTransport):
    """Wraps the TestClient transport: injects the planned fault at the planned request,
    and records every push batch HQ applied (the oracle's write log)."""

    def __init__(self, inner: httpx.BaseTransport, sim: Simulation) -> None:
        self.inner, self.sim = inner, sim
        self.station: SimStation | None = None
        self.plan: dict[int, str] = {}
        self.count = 0
        self.lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["Accept-Encoding"] = "identity"  # plain answers: easy to record
        with self.lock:
            kind = self.plan.pop(self.count, None)
            self.count += 1
            if kind is None and request.url.path.endswith("/v1/push"):
                kind = self.plan.pop(-1, None)  # -1: at the first push (an edit while it is in flight)
        if kind:
            STATS[kind] += 1
            STATS[f"{kind}@{request.url.path}"] += 1
        if kind == "lose_request":
            raise httpx.ConnectError("请求丢失（模拟）", request=request)
        if kind == "crash_before_request":
            raise Crash
        if kind == "revoke":
            assert self.station is not None
            self.sim.revoke(self.station)
        if kind == "edit_in_flight":
            assert self.station is not None
            self.sim.random_local_op(self.station, in_flight=True)
        response = self._send(request)
        if kind == "duplicate":
            response = self._send(request)
        if kind == "lose_reply":
            raise httpx.ReadError("回复丢失（模拟）", request=request)
        if kind == "crash_after_commit":
            raise Crash
        return response

    def _send(self, request: httpx.Request) -> httpx.Response:
        response, body, at = send_plain(self.inner, request)
        if request.url.path.endswith("/v1/push") and response.status_code == 200:
            answer = json.loads(body)
            if answer.get("status") == "applied":
                assert self.station is not None and at is not None
                sent = protocol.decode(request.content, request.headers.get("Content-Encoding"))
                held = {r["id"] for r in answer.get("rejected", []) if r.get("reason") == HELD}
                oracle.record_push(self.sim, self.station.code, self.station.station_id, sent["rows"], at, held)
                oracle.check_holds(self.sim, self.station.station_id, held)
                self.sim.captured.extend(sent["rows"])  # the hostile station replays some
        return response
