"""GET /v1/hello: protocol check, server time, the station's status."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.hq.apply_context import now_ms
from app.hq.gate import authenticated
from app.hq.http_io import respond
from app.hq.routes.context import Service, Token
from app.sync import protocol

router = APIRouter()


@router.get("/v1/hello")
def hello(request: Request, hq: Service, token: Token) -> Response:
    me = hq.in_transaction(lambda conn: authenticated(conn, token), read_only=True)
    # the version of this conversation, and every version HQ speaks
    answer = {"protocol": request.state.protocol, "protocols": sorted(protocol.SUPPORTED_VERSIONS),
              "server_time_ms": now_ms(), "station": me.to_json()}
    return respond(request, answer)
