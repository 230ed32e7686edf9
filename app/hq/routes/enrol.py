"""POST /v1/enroll: a one-time enrolment code for a token.  The only endpoint a stranger
reaches, so the throttle is asked before the body is read, and a wrong code counts
against the caller's address.

A station's code answers `{"token", "station"}`; an HQ desk user's code (app.hq.admin.users)
answers `{"token", "hq_user": {"id", "name", "role", ...}}`, and the client makes an HQ profile."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.hq import accounts
from app.hq.accounts import AccountError
from app.hq.admin import users
from app.hq.admin.audit import record
from app.hq.apply_context import now_ms
from app.hq.gate import client_address, require_protocol
from app.hq.http_io import ENROL_LIMITS, ApiError, RawBody, body_reader, parse, respond, throttled
from app.hq.routes.context import Service, ServiceContext, service
from app.hq.wire import EnrollRequest

router = APIRouter()


async def not_throttled(request: Request, hq: Annotated[ServiceContext, Depends(service)]) -> None:
    if wait := hq.throttle.retry_after(client_address(request)):
        raise throttled(wait)


Body = Annotated[RawBody, Depends(body_reader(ENROL_LIMITS))]


@router.post("/v1/enroll", dependencies=[Depends(require_protocol), Depends(not_throttled)])
def enroll(request: Request, hq: Service, body: Body) -> Response:
    code = parse(EnrollRequest, body.json()).code
    user = hq.in_transaction(lambda conn: _enroll_user(conn, code, hq.wall_now()))
    if user is not None:
        return respond(request, {"token": user[0], "hq_user": user[1].to_json(), "server_time_ms": now_ms()})
    try:
        token, info = hq.in_transaction(lambda conn: accounts.enroll(conn, code, hq.wall_now()))
    except AccountError as exc:
        if wait := hq.throttle.failed(client_address(request)):
            raise throttled(wait) from exc
        raise ApiError(401, "bad_enrol_code", str(exc)) from exc
    hq.gate.remember(token)  # the station's first sync is not held up by its address's throttle
    return respond(request, {"token": token, "station": info.to_json(), "server_time_ms": now_ms()})


def _enroll_user(conn: Any, code: str, now: Any) -> tuple[str, users.UserInfo] | None:
    found = users.enroll_user(conn, code, now)
    if found is not None:
        record(conn, found[1].name, found[1].role, "user.enrol", found[1].name)
    return found
