"""POST /v1/push: one idempotent batch, applied as the token's station."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.hq import json_text
from app.hq import push as hq_push
from app.hq.gate import AUTH_MESSAGE
from app.hq.http_io import ApiError, Limits, RawBody, body_reader, parse, respond
from app.hq.readmodel import pending
from app.hq.routes.context import Service, ServiceContext, Token
from app.hq.wire import PushRequest
from app.sync import protocol

router = APIRouter()
# The caps the station's client batches below (app/sync/push.py `fit_batch`): one definition.
PUSH_REQUEST_LIMITS = Limits(body=protocol.MAX_PUSH_BODY_BYTES, json=protocol.MAX_PUSH_JSON_BYTES)
LIMITS = PUSH_REQUEST_LIMITS
Body = Annotated[RawBody, Depends(body_reader(LIMITS))]


def answer(hq: ServiceContext, token: str, _version: int, body: RawBody) -> bytes:
    req = parse(PushRequest, body.json())

    def work(conn: Any) -> hq_push.PushResult:
        # FOR SHARE: a revocation waits for this push or refuses it.  The station is the
        # token's, whatever station_id the body names (a row naming another is rejected).
        # The token check and the batch's claim are one statement.
        found = hq_push.authenticate_and_claim(conn, token, req.batch_id)
        if found is None:
            raise ApiError(401, "unauthorized", AUTH_MESSAGE)
        me, claimed = found
        return hq_push.apply_push(conn, me.station_id, req.batch_id, req.rows, claimed=claimed)

    result = hq.in_transaction(work)
    if result.status == "applied":  # the read models catch up after the station has its answer
        pending.drain_soon(hq.engine)
    return json_text.answer({**result.to_json(), "server_time_ms": hq_push.now_ms()})


@router.post("/v1/push")
def push(request: Request, hq: Service, token: Token, body: Body) -> Response:
    return respond(request, raw_json=answer(hq, token, request.state.protocol, body))
