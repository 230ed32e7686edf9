"""Who may make HQ work: the protocol header, the bearer token, the per-address throttle.

`TokenGate.screen` decides from memory alone; the front door (`app.hq.asgi_guard`) calls it
before FastAPI routes the request.  `TokenGate.__call__` (a dependency, on the event loop,
before a body is read) checks an unknown token in the database.  So a stranger costs HQ no
decompression, an address that keeps failing, or a token that just failed, no database
work either.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import cached_property
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
GATE_SIZE = 10_000  # tokens remembered per memo; a memo past it forgets its expired entries, or all
REFUSED_SECONDS = 600.0  # a refused token stays refused (HQ never reissues one), remembered this long
MISSING_TOKEN = "缺少同步令牌，请先登记本站（station-desk enroll）。"
AUTH_MESSAGE = "同步令牌无效、已过期或已被服务总站撤销，请联系服务总站获取新的登记码后重新登记。"


async def require_protocol(request: Request) -> None:
    # async: a plain-def dependency costs a trip through the thread pool per request
    version = request.headers.get(protocol.PROTOCOL_HEADER, "").strip()
    if not version.isdigit() or int(version) not in protocol.SUPPORTED_VERSIONS:
        raise ApiError(426, "upgrade_required", protocol.UPGRADE_MESSAGE)
    request.state.protocol = int(version)


def bearer(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", MISSING_TOKEN)
    return token.strip()


def client_address(request: Request) -> str:
    """The peer's address (uvicorn's `proxy_headers` puts a trusted proxy's
    X-Forwarded-For here)."""
    return request.client.host if request.client else ""


def autocommit_engine(engine: Engine) -> Engine:
    """`engine` running each statement on its own (no BEGIN/ROLLBACK round trips), sharing
    its pool.  Make it once: building it costs more than the statement it runs."""
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def authenticated(conn: Any, token: str, lock: bool = False) -> StationInfo:
    found = accounts.authenticate(conn, token, lock=lock)
    if found is None:
        raise ApiError(401, "unauthorized", AUTH_MESSAGE)
    return found


class TokenGate:
    """Who may make HQ read a request body: tokens that passed the database check within
    the last GATE_SECONDS, else a database check now, unless the address is throttled or
    the token failed that check within REFUSED_SECONDS (a token HQ refused never becomes
    good: revocation clears it, enrolment issues a new random one).  Only a gate: every
    endpoint checks the token again in its own transaction (one connection per request),
    so a revocation takes effect at once.

    A token that passed within TRUST_SECONDS is not held back by its address's throttle:
    a good station behind the same NAT as a guesser keeps syncing."""

    def __init__(self, engine: Engine, throttle: AddressThrottle, clock: Callable[[], float] = time.monotonic) -> None:
        self.engine, self.throttle, self.clock = engine, throttle, clock
        self.lock = threading.Lock()
        self.passed: dict[str, float] = {}  # sha256 of a token → monotonic time it may pass until
        self.trusted: dict[str, float] = {}  # sha256 of a token → until when its address's throttle is waived
        self.refused: dict[str, float] = {}  # sha256 of a token → until when it is refused without a database check

    def screen(self, token: str, address: str) -> ApiError | None:
        """From memory alone: None when `token` may go on (to the database check, or past it),
        else the answer: 429 while `address` is locked, 401 (or 429) for a token just refused,
        counted as another failure of `address`."""
        key, now = accounts.digest(token), self.clock()
        if self.passed.get(key, 0.0) >= now:
            return None
        if self.trusted.get(key, 0.0) < now and (wait := self.throttle.retry_after(address)):
            return throttled(wait)
        if self.refused.get(key, 0.0) >= now:
            return self._failure(address)
        return None

    async def __call__(self, request: Request) -> str:
        token: str | None = getattr(request.state, "token", None)  # the front door's, when it screened it
        address = client_address(request)
        if token is None:
            token = bearer(request)
            if refused := self.screen(token, address):
                raise refused
        return await self.admit(token, address)

    async def admit(self, token: str, address: str) -> str:
        """`token` (screened already) once it passed the database check, now or within
        GATE_SECONDS; else 401/429, counted against `address`."""
        key = accounts.digest(token)
        if self.passed.get(key, 0.0) >= self.clock():
            return token
        if not await run_in_threadpool(self._known, token):
            self.refuse(token)
            raise self._failure(address)
        self.remember(token)
        return token

    def refuse(self, token: str) -> None:
        """`token` just failed a database check: refuse it from memory for REFUSED_SECONDS."""
        self._remember(self.refused, accounts.digest(token), self.clock() + REFUSED_SECONDS)

    def remember(self, token: str) -> None:
        """`token` just proved good (a database check, or HQ issued it at enrolment)."""
        key, now = accounts.digest(token), self.clock()
        self.refused.pop(key, None)
        self._remember(self.passed, key, now + GATE_SECONDS)
        self._remember(self.trusted, key, now + TRUST_SECONDS)

    def _remember(self, memo: dict[str, float], key: str, until: float) -> None:
        with self.lock:
            if len(memo) >= GATE_SIZE:
                now = self.clock()
                for k in [k for k, t in memo.items() if t < now]:
                    del memo[k]
                if len(memo) >= GATE_SIZE:  # a flood of fresh entries: forget them all rather than grow
                    memo.clear()
            memo[key] = until

    def _failure(self, address: str) -> ApiError:
        if wait := self.throttle.failed(address):
            return throttled(wait)
        return ApiError(401, "unauthorized", AUTH_MESSAGE)

    @cached_property
    def autocommit(self) -> Engine:
        return autocommit_engine(self.engine)

    def _known(self, token: str) -> bool:
        with self.autocommit.connect() as conn:
            return accounts.authenticate(conn, token) is not None
