"""The HQ sync service (FastAPI): /v1/hello, /v1/enroll, /v1/push, /v1/pull, /v1/check.

Endpoints are plain `def`: FastAPI runs them in its thread pool, each holding one
pooled psycopg connection for its transaction.  The station always comes from the
bearer token, never from the payload.
"""

# No `from __future__ import annotations`: FastAPI must see the dependency aliases
# defined inside create_app at run time.
import json
import logging
import os
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy import Engine
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.hq import accounts, pull, store
from app.hq.accounts import AccountError, StationInfo
from app.hq.db import DB_ENV, make_engine
from app.hq.http_io import ApiError, error_response, parse, read_json, respond
from app.hq.wire import CheckRequest, EnrollRequest, PullRequest, PushRequest
from app.sync import protocol

log = logging.getLogger(__name__)
T = TypeVar("T")
RETRIES = 3
POOL_ENV = "STATION_DESK_HQ_POOL"  # "size,overflow" per worker, set by `serve --workers`
AUTH_MESSAGE = "同步令牌无效、已过期或已被总部撤销，请联系总部获取新的登记码后重新登记。"


def require_protocol(request: Request) -> None:
    version = request.headers.get(protocol.PROTOCOL_HEADER, "").strip()
    if not version.isdigit() or int(version) not in protocol.SUPPORTED_VERSIONS:
        raise ApiError(426, "upgrade_required", protocol.UPGRADE_MESSAGE)


def bearer(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "缺少同步令牌，请先登记本站（station-desk enroll）。")
    return token.strip()


def create_app(db_url: str | None = None, engine: Engine | None = None, pool: tuple[int, int] = (10, 20)) -> FastAPI:
    if engine is None:
        assert db_url is not None
        engine = make_engine(db_url, *pool)
    app = FastAPI(title="Station Desk HQ sync", version=str(protocol.PROTOCOL_VERSION), docs_url=None, redoc_url=None)
    app.state.engine = engine

    def in_transaction(work: Callable[[Any], T]) -> T:
        """Run `work(conn)` in one transaction, again if PostgreSQL broke a deadlock:
        batch idempotence makes the retry harmless."""
        for attempt in range(RETRIES):
            try:
                with engine.begin() as conn:
                    return work(conn)
            except OperationalError as exc:
                code = getattr(exc.orig, "sqlstate", "")
                if code not in ("40P01", "40001") or attempt == RETRIES - 1:
                    raise
                log.warning("retrying after %s", code)
        raise AssertionError("unreachable")

    def station(request: Request, _: Annotated[None, Depends(require_protocol)]) -> StationInfo:
        token = bearer(request)
        with engine.connect() as conn:
            found = accounts.authenticate(conn, token)
        if found is None:
            raise ApiError(401, "unauthorized", AUTH_MESSAGE)
        request.state.token = token
        return found

    Station = Annotated[StationInfo, Depends(station)]
    Body = Annotated[Any, Depends(read_json)]

    @app.get("/v1/hello")
    def hello(request: Request, me: Station) -> Response:
        return respond(request, {"protocol": protocol.PROTOCOL_VERSION, "server_time_ms": store.now_ms(), "station": me.to_json()})

    @app.post("/v1/enroll", dependencies=[Depends(require_protocol)])
    def enroll(request: Request, body: Body) -> Response:
        code = parse(EnrollRequest, body).code
        try:
            token, info = in_transaction(lambda conn: accounts.enroll(conn, code))
        except AccountError as exc:
            raise ApiError(401, "bad_enrol_code", str(exc)) from exc
        return respond(request, {"token": token, "station": info.to_json(), "server_time_ms": store.now_ms()})

    @app.post("/v1/push")
    def push(request: Request, me: Station, body: Body) -> Response:
        req = parse(PushRequest, body)

        def work(conn: Any) -> store.PushResult:
            # Re-checked inside the transaction: a revocation waits for this push or refuses it.
            if accounts.authenticate(conn, request.state.token, lock=True) is None:
                raise ApiError(401, "unauthorized", AUTH_MESSAGE)
            return store.apply_push(conn, me.station_id, req.batch_id, req.rows)

        result = in_transaction(work)
        return respond(request, {**result.to_json(), "server_time_ms": store.now_ms()})

    @app.post("/v1/pull")
    def pull_page(request: Request, me: Station, body: Body) -> Response:
        req = parse(PullRequest, body)
        try:
            page = in_transaction(lambda conn: pull.pull(conn, me.station_id, req.cursor, req.limit, req.table))
        except pull.ResyncRequired as exc:
            raise ApiError(410, "resync_required", "本站太久没有同步，总部已清理旧的删除记录，需要重新下载全部数据。") from exc
        tail = json.dumps({"cursor": page.cursor, "done": page.done, "server_time_ms": store.now_ms()})
        raw = b'{"rows":[' + ",".join(page.rows_json).encode() + b"]," + tail[1:].encode()
        return respond(request, raw_json=raw)

    @app.post("/v1/check")
    def check(request: Request, me: Station, body: Body) -> Response:
        req = parse(CheckRequest, body)
        figures = {t: (f.count, f.hash) for t, f in req.tables.items()}
        with engine.connect() as conn:
            result = pull.check(conn, me.station_id, figures)
        tables = {t: {"count": c.count, "hash": c.hash, "match": c.match} for t, c in result.items()}
        mismatched = sorted(t for t, c in result.items() if not c.match)
        return respond(request, {"tables": tables, "mismatched": mismatched, "server_time_ms": store.now_ms()})

    _install_error_handlers(app)
    return app


def app_from_env() -> FastAPI:
    """Factory for `serve --workers N`: each worker process builds its own app and pool."""
    pool_size, overflow = (int(x) for x in os.environ.get(POOL_ENV, "10,20").split(","))
    return create_app(os.environ[DB_ENV], pool=(pool_size, overflow))


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
