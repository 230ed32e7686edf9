"""The HQ service (FastAPI): /v1/hello, /v1/enroll, /v1/push, /v1/pull, /v1/check for stations, and
/v1/admin/... for the HQ desk (app.hq.admin, docs/admin-api.md).

`create_app` only assembles: the endpoints live in `app.hq.routes` (one module per
concern), what they share in `app.hq.routes.context`, the token gate in `app.hq.gate`,
bodies and error answers in `app.hq.http_io`, the per-address back-off in `app.hq.throttle`,
the front door that answers obviously bad requests before routing in `app.hq.asgi_guard`.
"""

from __future__ import annotations

import gc
import logging
import os
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy import Engine
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.hq import thread_hop
from app.hq.admin.bodies import describe_errors
from app.hq.admin.routers import ADMIN_ROUTERS
from app.hq.asgi_guard import HOLD_SECONDS, Guard
from app.hq.clock import Clock
from app.hq.db import DB_ENV, make_engine
from app.hq.files import routes as file_routes
from app.hq.http_io import DATA_ERROR, ApiError, error_response
from app.hq.routes import check, enrol, hello, pull, push, station_asgi
from app.hq.routes.context import ServiceContext
from app.hq.shared_bound import BOUND_ENV, SharedBound
from app.hq.throttle import AddressThrottle
from app.sync import protocol

log = logging.getLogger(__name__)
POOL_ENV = "STATION_DESK_HQ_POOL"  # "size,overflow" per worker, set by `serve --workers`
HOLD_ENV = "STATION_DESK_HQ_HOLD_429"  # seconds a 429 is held back (app/hq/asgi_guard.py); 0: never
THREADS = thread_hop.THREADS  # endpoint threads per worker process (anyio's for FastAPI's routes, and the station endpoints')
# How long uvicorn's supervisor waits for a worker's health-check answer before it kills the
# worker as hung and starts another (uvicorn's default: 5 s).  A spawned worker answers only
# once it has re-imported the main module (`app.hq.cli`: pydantic, SQLAlchemy, psycopg), which
# on 2 busy cores (load 6-10) took over 5 s: every new worker was killed while importing, and
# its replacement too, up to 8 times in a row, so HQ served on one worker for minutes or none
# at all (the 200-station benchmark once failed to connect), each attempt burning ~2 s of CPU
# (benchmarks/README.md, "Session 8").  A worker that really hangs is still killed, later.
WORKER_HEALTHCHECK_SECONDS = 60


@asynccontextmanager
async def _lifespan(_: FastAPI) -> AsyncIterator[None]:
    # Fewer threads than anyio's 40: with 200 stations at once, 40 runnable threads per
    # worker fought over the GIL and over PostgreSQL; 8 cut HQ's and PostgreSQL's CPU
    # per sync (benchmarks/README.md).  More threads than connections only queue anyway.
    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
    # Everything made so far (modules, the app, its pool) lives as long as the worker: out of
    # the collector's sight.  A full collection walked these ~120,000 objects each time, 85 ms
    # idle, whenever the requests' survivors added up (benchmarks/README.md, "Session 8").
    # Frozen objects are never freed by the collector; they would not have been anyway.
    gc.freeze()
    yield


def create_app(
    db_url: str | None = None,
    engine: Engine | None = None,
    pool: tuple[int, int] = (10, 20),
    clock: Clock | None = None,
    throttle: AddressThrottle | None = None,
    hold_429: float | None = None,
    bound_ms: float | None = None,
) -> FastAPI:
    """The service over `engine` (or a new pool on `db_url`); `clock`, `throttle` and
    `hold_429` (how long a 429 is held back, app/hq/asgi_guard.py; default HOLD_ENV, else
    HOLD_SECONDS) are for tests, which move time instead of sleeping.  `bound_ms`: how long a
    pull's watermark is lent to the other pulls of this process (app.hq.shared_bound; `serve`
    says, through BOUND_ENV for its workers; else 0: never, so a test's pull sees every push
    committed before it, whatever a test of `serve` left in the environment)."""
    if engine is None:
        assert db_url is not None
        engine = make_engine(db_url, *pool)
    app = FastAPI(
        title="Station Desk HQ sync", version=str(protocol.PROTOCOL_VERSION), docs_url=None, redoc_url=None, lifespan=_lifespan
    )
    app.state.engine = engine
    bounds = SharedBound(bound_ms / 1000) if bound_ms else None
    app.state.service = context = ServiceContext.build(engine, clock or Clock(), throttle, bounds)
    # bad requests are answered at the door, before routing (app/hq/asgi_guard.py)
    if hold_429 is None:
        hold_429 = float(os.environ.get(HOLD_ENV) or HOLD_SECONDS)
    # and the station sync endpoints are answered there too, without FastAPI's routing
    # (app/hq/routes/station_asgi.py); their FastAPI routes below share the same `answer`
    app.add_middleware(Guard, gate=context.gate, throttle=context.throttle, hold=hold_429,
                       handlers=station_asgi.handlers(context))
    for module in (hello, enrol, push, pull, check, file_routes):
        app.include_router(module.router)
    for router in ADMIN_ROUTERS:  # the HQ desk's endpoints (docs/admin-api.md)
        app.include_router(router)
    _install_error_handlers(app)
    return app


def worker_pool(workers: int) -> tuple[int, int]:
    """(pool size, overflow) of each of `workers` worker processes.  The pool keeps a connection
    for every endpoint thread and the read-model drain (THREADS + 1): one it had to close on
    return was opened again by the next burst, and a new PostgreSQL backend plans every
    statement afresh with cold caches.  With 2 workers and the earlier share of 30 connections
    (5 kept each) a round of 200 syncs closed and reopened ~6 connections per worker, ~0.9 s
    of PostgreSQL's CPU (benchmarks/README.md, "Session 7").  The overflow is the same share as
    before: 2 workers keep 18 connections and open at most 38 under PostgreSQL's default 100."""
    return THREADS + 1, max(2, 20 // workers)


def app_from_env() -> FastAPI:
    """Factory for `serve --workers N`: each worker process builds its own app and pool."""
    pool_size, overflow = (int(x) for x in os.environ.get(POOL_ENV, "10,20").split(","))
    return create_app(os.environ[DB_ENV], pool=(pool_size, overflow), bound_ms=float(os.environ.get(BOUND_ENV) or 0))


def serve_workers(workers: int, options: dict[str, Any]) -> None:
    """`serve --workers N`: uvicorn's worker processes sharing one listening socket, with
    TCP_NODELAY set on it (accepted connections inherit it on Linux).  uvicorn creates
    that socket without a protocol number, so asyncio does not set TCP_NODELAY itself:
    every answer (headers and body are two writes) then waited ~40 ms for the client's
    delayed ACK, and a 4-request sync took 190 ms instead of 20."""
    import inspect

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    if "timeout_worker_healthcheck" in inspect.signature(uvicorn.Config).parameters:  # uvicorn >= 0.30
        options = {**options, "timeout_worker_healthcheck": WORKER_HEALTHCHECK_SECONDS}
    config = uvicorn.Config("app.hq.server:app_from_env", factory=True, workers=workers, **options)
    sock = config.bind_socket()
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if "target" in inspect.signature(Multiprocess).parameters:  # uvicorn < 0.30
        Multiprocess(config, target=uvicorn.Server(config).run, sockets=[sock]).run()  # type: ignore[call-arg]  # the older signature; the stubs describe the installed one
    else:
        Multiprocess(config, sockets=[sock]).run()


HTTP_MESSAGES = {404: "没有这个接口，请检查服务器地址或升级客户端。", 405: "这个接口不支持该请求方法。"}


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    def api_error(_: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.error, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/v1/admin/"):
            return error_response(422, "invalid_request", describe_errors(list(exc.errors())))
        return error_response(422, "invalid_request", "请求内容不符合同步协议。")

    @app.exception_handler(StarletteHTTPException)
    def http_error(_: Request, exc: StarletteHTTPException) -> Response:
        return error_response(exc.status_code, "http_error", HTTP_MESSAGES.get(exc.status_code, "请求无效。"))

    @app.exception_handler(DataError)
    def data_error(_: Request, exc: DataError) -> Response:
        # Defence in depth: wire.py should have refused it; the transaction rolled back.
        log.warning("data error reached the database: %s", exc)
        return error_response(422, "invalid_data", DATA_ERROR)
