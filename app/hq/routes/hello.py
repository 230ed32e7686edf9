"""GET /v1/hello: protocol check, server time, the station's status (stations before the
two-request sync send it first; app/hq/routes/station_asgi.py answers it)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.hq.apply_context import now_ms
from app.hq.gate import authenticated
from app.hq.http_io import RawBody, answer_json, respond
from app.hq.routes.context import Service, ServiceContext, Token
from app.sync import protocol

router = APIRouter()


def answer(hq: ServiceContext, token: str, version: int, _: RawBody | None = None) -> bytes:
    me = hq.in_transaction(lambda conn: authenticated(conn, token), read_only=True)
    # the version of this conversation, and every version HQ speaks
    return answer_json({"protocol": version, "protocols": sorted(protocol.SUPPORTED_VERSIONS),
                        "server_time_ms": now_ms(), "station": me.to_json()})


@router.get("/v1/hello")
def hello(request: Request, hq: Service, token: Token) -> Response:
    return respond(request, raw_json=answer(hq, token, request.state.protocol))
