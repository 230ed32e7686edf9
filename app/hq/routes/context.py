"""What every endpoint shares: the database, the token gate, the throttle, the clocks.

Endpoints are plain `def`: FastAPI runs them in its thread pool, each holding one pooled
psycopg connection for its transaction, in which it also checks the token (one connection
and one thread-pool trip per request: with 200 stations syncing at once, HQ is mostly
per-request overhead).  Decompressing and parsing a body happen there too, never on the
event loop.  The station always comes from the bearer token, never from the payload.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from app.hq.clock import Clock
from app.hq.gate import TokenGate, autocommit_engine, require_protocol
from app.hq.shared_bound import SharedBound
from app.hq.throttle import AddressThrottle

log = logging.getLogger(__name__)
T = TypeVar("T")
RETRIES = 3


@dataclass
class ServiceContext:
    engine: Engine
    gate: TokenGate
    throttle: AddressThrottle
    clock: Clock
    # the watermark a pull lends the others of this process (app.hq.shared_bound); None: each reads its own
    bounds: SharedBound | None = None

    @cached_property
    def autocommit(self) -> Engine:
        # Made once: `engine.execution_options(...)` builds a new option engine on every call,
        # 70 µs of a read-only request's CPU (benchmarks/README.md, "Issue 14: 200 stations at once").
        return autocommit_engine(self.engine)

    @classmethod
    def build(cls, engine: Engine, clock: Clock, throttle: AddressThrottle | None = None,
              bounds: SharedBound | None = None) -> ServiceContext:
        throttle = throttle or AddressThrottle(clock.monotonic)
        return cls(engine, TokenGate(engine, throttle, clock.monotonic), throttle, clock, bounds)

    def wall_now(self) -> datetime | None:
        return self.clock.wall() if self.clock.wall else None

    def in_transaction(self, work: Callable[[Any], T], *, read_only: bool = False) -> T:
        """Run `work(conn)` in one transaction (`read_only`: statement by statement, no
        BEGIN/ROLLBACK round trips), again if PostgreSQL broke a deadlock or the pooled
        connection had died (a PostgreSQL restart): batch idempotence makes the retry harmless."""
        for attempt in range(RETRIES):
            try:
                if read_only:
                    with self.autocommit.connect() as conn:
                        return work(conn)
                with self.engine.begin() as conn:
                    return work(conn)
            except DBAPIError as exc:
                code = getattr(exc.orig, "sqlstate", "")
                if not (exc.connection_invalidated or code in ("40P01", "40001")) or attempt == RETRIES - 1:
                    raise
                log.warning("retrying after %s", "a lost connection" if exc.connection_invalidated else code)
        raise AssertionError("unreachable")


async def service(request: Request) -> ServiceContext:
    # async: a plain-def dependency costs a trip through the thread pool per request
    context: ServiceContext = request.app.state.service
    return context


async def token(request: Request, _: Annotated[None, Depends(require_protocol)]) -> str:
    """The bearer token, once the gate let it through (before the body is read)."""
    context: ServiceContext = request.app.state.service
    return await context.gate(request)


Service = Annotated[ServiceContext, Depends(service)]
Token = Annotated[str, Depends(token)]
