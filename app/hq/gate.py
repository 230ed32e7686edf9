"""Who may make HQ work: the protocol header, the bearer token, the per-address throttle.

Checks here run on the event loop before a body is read, so a stranger costs HQ no
decompression, and an address that keeps failing costs it no database work either.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from fastapi import Request
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from app.hq import accounts
from app.hq.accounts import StationInfo
from app.hq.http_io import ApiError, throttled
from app.hq.throttle import AddressThrottle
from app.sync import protocol

GATE_SECONDS = 60.0
TRUST_SECONDS = 7 * 24 * 3600.0
GATE_SIZE = 10_000
AUTH_MESSAGE = "同步令牌无效、已过期或已被总部撤销，请联系总部获取新的登记码后重新登记。"


async def require_protocol(request: Request) -> None:
    # async: a plain-def dependency costs a trip through the thread pool per request
    version = request.headers.get(protocol.PROTOCOL_HEADER, "").strip()
    if not version.isdigit() or int(version) not in protocol.SUPPORTED_VERSIONS:
        raise ApiError(426, "upgrade_required", protocol.UPGRADE_MESSAGE)
    request.state.protocol = int(version)


def bearer(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "缺少同步令牌，请先登记本站（station-desk enroll）。")
    return token.strip()


def client_address(request: Request) -> str:
    """The peer's address (uvicorn's `proxy_headers` puts a trusted proxy's
    X-Forwarded-For here)."""
    return request.client.host if request.client else ""


def authenticated(conn: Any, token: str, lock: bool = False) -> StationInfo:
    found = accounts.authenticate(conn, token, lock=lock)
    if found is None:
        raise ApiError(401, "unauthorized", AUTH_MESSAGE)
    return found


class TokenGate:
    """Who may make HQ read a request body: tokens that passed the database check within
    the last GATE_SECONDS, else a database check now, unless the address is throttled.
    Only a gate: every endpoint checks the token again in its own transaction (one
    connection per request), so a revocation takes effect at once.

    A token that passed within TRUST_SECONDS is not held back by its address's throttle:
    a good station behind the same NAT as a guesser keeps syncing."""

    def __init__(self, engine: Engine, throttle: AddressThrottle, clock: Callable[[], float] = time.monotonic) -> None:
        self.engine, self.throttle, self.clock = engine, throttle, clock
        self.lock = threading.Lock()
        self.passed: dict[str, float] = {}  # sha256 of a token → monotonic time it may pass until
        self.trusted: dict[str, float] = {}  # sha256 of a token → until when its address's throttle is waived

    async def __call__(self, request: Request) -> str:
        token = bearer(request)
        key = accounts.digest(token)
        now = self.clock()
        if self.passed.get(key, 0.0) >= now:
            return token
        address = client_address(request)
        if self.trusted.get(key, 0.0) < now and (wait := self.throttle.retry_after(address)):
            raise throttled(wait)
        if not await run_in_threadpool(self._known, token):
            if wait := self.throttle.failed(address):
                raise throttled(wait)
            raise ApiError(401, "unauthorized", AUTH_MESSAGE)
        self.remember(token)
        return token

    def remember(self, token: str) -> None:
        """`token` just proved good (a database check, or HQ issued it at enrolment)."""
        key, now = accounts.digest(token), self.clock()
        with self.lock:
            for memo in (self.passed, self.trusted):
                if len(memo) > GATE_SIZE:
                    for k in [k for k, t in memo.items() if t < now]:
                        del memo[k]
            self.passed[key] = now + GATE_SECONDS
            self.trusted[key] = now + TRUST_SECONDS

    def _known(self, token: str) -> bool:
        with self.engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
            return accounts.authenticate(conn, token) is not None
