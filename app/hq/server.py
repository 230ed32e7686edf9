"""The HQ sync service (FastAPI): /v1/hello, /v1/enroll, /v1/push, /v1/pull, /v1/check.

Endpoints are plain `def`: FastAPI runs them in its thread pool, each holding one
pooled psycopg connection for its transaction, in which it also checks the token (one
connection and one thread-pool trip per request: with 200 stations syncing at once, HQ
is mostly per-request overhead).  The station always comes from the bearer token,
never from the payload.
"""

# No `from __future__ import annotations`: FastAPI must see the dependency aliases
# defined inside create_app at run time.
import json
import logging
import os
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypeVar

import anyio.to_thread
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy import Engine
from sqlalchemy.exc import DataError, DBAPIError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.hq import accounts, pull
from app.hq import push as hq_push
from app.hq.accounts import AccountError, StationInfo
from app.hq.db import DB_ENV, make_engine
from app.hq.http_io import ApiError, error_response, parse, read_json, respond
from app.hq.wire import CheckRequest, EnrollRequest, PullRequest, PushRequest
from app.sync import protocol

log = logging.getLogger(__name__)
T = TypeVar("T")
RETRIES = 3
POOL_ENV = "STATION_DESK_HQ_POOL"  # "size,overflow" per worker, set by `serve --workers`
THREADS = 8  # endpoint threads per worker process
GATE_SECONDS = 60.0
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


class TokenGate:
    """Who may make HQ read a request body: tokens that passed the database check within
    the last GATE_SECONDS, else a database check now.  Only a gate: every endpoint checks
    the token again in its own transaction (one connection per request), so a revocation
    takes effect at once; the gate only keeps strangers from costing decompression."""

    def __init__(self, engine: Engine) -> None:
        self.engine, self.lock = engine, threading.Lock()
        self.passed: dict[str, float] = {}  # sha256 of a token → monotonic time it may pass until

    async def __call__(self, request: Request, _: Annotated[None, Depends(require_protocol)]) -> str:
        token = bearer(request)
        key = accounts.digest(token)
        now = time.monotonic()
        if self.passed.get(key, 0.0) < now:
            if not await run_in_threadpool(self._known, token):
                raise ApiError(401, "unauthorized", AUTH_MESSAGE)
            with self.lock:
                if len(self.passed) > GATE_SIZE:
                    self.passed = {k: t for k, t in self.passed.items() if t > now}
                self.passed[key] = now + GATE_SECONDS
        return token

    def _known(self, token: str) -> bool:
        with self.engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
            return accounts.authenticate(conn, token) is not None


def authenticated(conn: Any, token: str, lock: bool = False) -> StationInfo:
    found = accounts.authenticate(conn, token, lock=lock)
    if found is None:
        raise ApiError(401, "unauthorized", AUTH_MESSAGE)
    return found


def create_app(db_url: str | None = None, engine: Engine | None = None, pool: tuple[int, int] = (10, 20)) -> FastAPI:
    if engine is None:
        assert db_url is not None
        engine = make_engine(db_url, *pool)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Fewer threads than anyio's 40: with 200 stations at once, 40 runnable threads per
        # worker fought over the GIL and over PostgreSQL; 8 cut HQ's and PostgreSQL's CPU
        # per sync (benchmarks/README.md).  More threads than connections only queue anyway.
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield

    app = FastAPI(title="Station Desk HQ sync", version=str(protocol.PROTOCOL_VERSION), docs_url=None, redoc_url=None,
                  lifespan=lifespan)  # fmt: skip
    app.state.engine = engine

    reader = engine.execution_options(isolation_level="AUTOCOMMIT")  # no BEGIN/ROLLBACK round trips

    def in_transaction(work: Callable[[Any], T], *, read_only: bool = False) -> T:
        """Run `work(conn)` in one transaction (`read_only`: statement by statement), again
        if PostgreSQL broke a deadlock or the pooled connection had died (a PostgreSQL
        restart): batch idempotence makes the retry harmless."""
        for attempt in range(RETRIES):
            try:
                if read_only:
                    with reader.connect() as conn:
                        return work(conn)
                with engine.begin() as conn:
                    return work(conn)
            except DBAPIError as exc:
                code = getattr(exc.orig, "sqlstate", "")
                if not (exc.connection_invalidated or code in ("40P01", "40001")) or attempt == RETRIES - 1:
                    raise
                log.warning("retrying after %s", "a lost connection" if exc.connection_invalidated else code)
        raise AssertionError("unreachable")

    # The token is checked in the same transaction as the work (one pooled connection and
    # one thread-pool trip per request); TokenGate runs before the body is read.
    Token = Annotated[str, Depends(TokenGate(engine))]
    Body = Annotated[Any, Depends(read_json)]

    @app.get("/v1/hello")
    def hello(request: Request, token: Token) -> Response:
        me = in_transaction(lambda conn: authenticated(conn, token), read_only=True)
        # the version of this conversation, and every version HQ speaks
        return respond(request, {"protocol": request.state.protocol, "protocols": sorted(protocol.SUPPORTED_VERSIONS),
                                 "server_time_ms": hq_push.now_ms(), "station": me.to_json()})  # fmt: skip

    @app.post("/v1/enroll", dependencies=[Depends(require_protocol)])
    def enroll(request: Request, body: Body) -> Response:
        code = parse(EnrollRequest, body).code
        try:
            token, info = in_transaction(lambda conn: accounts.enroll(conn, code))
        except AccountError as exc:
            raise ApiError(401, "bad_enrol_code", str(exc)) from exc
        return respond(request, {"token": token, "station": info.to_json(), "server_time_ms": hq_push.now_ms()})

    @app.post("/v1/push")
    def push(request: Request, token: Token, body: Body) -> Response:
        req = parse(PushRequest, body)

        def work(conn: Any) -> hq_push.PushResult:
            # FOR SHARE: a revocation waits for this push or refuses it.
            me = authenticated(conn, token, lock=True)
            return hq_push.apply_push(conn, me.station_id, req.batch_id, req.rows)

        result = in_transaction(work)
        return respond(request, {**result.to_json(), "server_time_ms": hq_push.now_ms()})

    @app.post("/v1/pull")
    def pull_page(request: Request, token: Token, body: Body) -> Response:
        req = parse(PullRequest, body)
        columns = req.columns if request.state.protocol >= protocol.ROW_ARRAYS_SINCE else None

        def work(conn: Any) -> pull.PullPage:
            me = authenticated(conn, token)
            return pull.pull(conn, me.station_id, req.cursor, req.limit, req.table, columns, acknowledged=me.cursor_txid)

        try:
            page = in_transaction(work)
        except pull.ResyncRequired as exc:
            raise ApiError(410, "resync_required", "本站太久没有同步，总部已清理旧的删除记录，需要重新下载全部数据。") from exc
        tail = json.dumps({"cursor": page.cursor, "done": page.done, "server_time_ms": hq_push.now_ms()})
        raw = b'{"rows":[' + ",".join(page.rows_json).encode() + b"]," + tail[1:].encode()
        return respond(request, raw_json=raw)

    @app.post("/v1/check")
    def check(request: Request, token: Token, body: Body) -> Response:
        req = parse(CheckRequest, body)
        figures = {t: (f.count, f.hash) for t, f in req.tables.items()}
        result = in_transaction(lambda conn: pull.check(conn, authenticated(conn, token).station_id, figures), read_only=True)
        tables = {t: {"count": c.count, "hash": c.hash, "match": c.match} for t, c in result.items()}
        mismatched = sorted(t for t, c in result.items() if not c.match)
        return respond(request, {"tables": tables, "mismatched": mismatched, "server_time_ms": hq_push.now_ms()})

    _install_error_handlers(app)
    return app


def app_from_env() -> FastAPI:
    """Factory for `serve --workers N`: each worker process builds its own app and pool."""
    pool_size, overflow = (int(x) for x in os.environ.get(POOL_ENV, "10,20").split(","))
    return create_app(os.environ[DB_ENV], pool=(pool_size, overflow))


def serve_workers(workers: int, options: dict[str, Any]) -> None:
    """`serve --workers N`: uvicorn's worker processes sharing one listening socket, with
    TCP_NODELAY set on it (accepted connections inherit it on Linux).  uvicorn creates
    that socket without a protocol number, so asyncio does not set TCP_NODELAY itself:
    every answer (headers and body are two writes) then waited ~40 ms for the client's
    delayed ACK, and a 4-request sync took 190 ms instead of 20."""
    import inspect
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config("app.hq.server:app_from_env", factory=True, workers=workers, **options)
    sock = config.bind_socket()
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if "target" in inspect.signature(Multiprocess).parameters:  # uvicorn < 0.30
        Multiprocess(config, target=uvicorn.Server(config).run, sockets=[sock]).run()  # type: ignore[call-arg]
    else:
        Multiprocess(config, sockets=[sock]).run()


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    def api_error(_: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.error, exc.message)

    @app.exception_handler(RequestValidationError)
    def invalid(_: Request, exc: RequestValidationError) -> Response:
        return error_response(422, "invalid_request", "请求内容不符合同步协议。")

    @app.exception_handler(StarletteHTTPException)
    def http_error(_: Request, exc: StarletteHTTPException) -> Response:
        messages = {404: "没有这个接口，请检查服务器地址或升级客户端。", 405: "这个接口不支持该请求方法。"}
        return error_response(exc.status_code, "http_error", messages.get(exc.status_code, "请求无效。"))

    @app.exception_handler(DataError)
    def data_error(_: Request, exc: DataError) -> Response:
        # Defence in depth: wire.py should have refused it; the transaction rolled back.
        log.warning("data error reached the database: %s", exc)
        return error_response(422, "invalid_data", "数据格式不正确，总部无法保存，本次没有写入任何数据。")
