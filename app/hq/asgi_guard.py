"""The front door: obviously bad requests are answered before FastAPI sees them.

A pure ASGI middleware (no routing, validation, dependency injection or thread hop) in
front of the sync endpoints.  It answers, from memory alone:

- 426 when the protocol header is missing or unsupported;
- 401 when an endpoint needing a token gets no well-formed `Authorization: Bearer …`;
- 429 with `Retry-After` when the caller's address is locked by the throttle (unless the
  token is one HQ trusts, `TokenGate.screen`), and 401/429 for a token that failed HQ's
  database check moments ago (the gate's memory of refused tokens);
- 413 when `Content-Length` declares more than the endpoint's body cap.

Everything else goes on to FastAPI unchanged.  A flood of bad requests therefore costs
HQ one header scan and one small cached answer each (benchmarks/README.md, "Flood").

A 429 is held back HOLD_SECONDS (at most its Retry-After) before it is sent, for at most
MAX_HELD requests at once (beyond that they are answered at once, so holding costs bounded
memory): a client that ignores Retry-After and asks again as soon as it is answered, on
each of its connections, gets one answer per connection per HOLD_SECONDS instead of as
many as HQ can produce.  Good stations are never held: their tokens pass `screen`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from starlette.types import ASGIApp, Receive, Scope, Send

from app.domain.messages import Msg
from app.hq.admin.bodies import ADMIN_BODY_BYTES
from app.hq.gate import MISSING_TOKEN, TokenGate
from app.hq.http_io import (
    ENROL_LIMITS,
    FILE_CHUNK_LIMITS,
    PUSH_LIMITS,
    SMALL_LIMITS,
    TOO_LARGE,
    ApiError,
    Limits,
    size_text,
    throttled,
)
from app.hq.throttle import AddressThrottle
from app.sync import protocol

HOLD_SECONDS = 1.0
MAX_HELD = 512
PROTOCOL_HEADER = protocol.PROTOCOL_HEADER.lower().encode("latin-1")


@dataclass(frozen=True)
class Door:
    limits: Limits  # the endpoint's caps: its Content-Length is checked against `limits.body`
    token: bool  # the endpoint needs a bearer token
    length_required: bool = False  # a body without Content-Length is refused (FastAPI would read it unbounded)


DOORS: dict[tuple[str, str], Door] = {
    ("GET", "/v1/hello"): Door(SMALL_LIMITS, token=True),
    ("POST", "/v1/enroll"): Door(ENROL_LIMITS, token=False),
    ("POST", "/v1/push"): Door(PUSH_LIMITS, token=True),
    ("POST", "/v1/pull"): Door(SMALL_LIMITS, token=True),
    ("POST", "/v1/check"): Door(SMALL_LIMITS, token=True),
    ("POST", "/v1/files/uploads"): Door(SMALL_LIMITS, token=True),
    ("POST", "/v1/files/chunk"): Door(FILE_CHUNK_LIMITS, token=True),  # raw bytes, app.hq.files.routes
}
ADMIN_PREFIX = "/v1/admin/"
ADMIN_READ = Door(SMALL_LIMITS, token=True)
ADMIN_WRITE = Door(Limits(body=ADMIN_BODY_BYTES, json=ADMIN_BODY_BYTES), token=True, length_required=True)
LENGTH_REQUIRED = "请求缺少 Content-Length（内容长度），服务总站不接受分块上传的请求。请升级工作台。"


def door_for(method: str, path: str) -> Door | None:
    """The door of an endpoint: a sync endpoint's own, or the admin endpoints' (reads and writes)."""
    door = DOORS.get((method, path))
    if door is None and path.startswith(ADMIN_PREFIX):
        return ADMIN_READ if method in ("GET", "HEAD") else ADMIN_WRITE
    return door


@lru_cache(maxsize=2048)
def _answer(status: int, error: str, message: str, retry_after: str | None) -> tuple[list[tuple[bytes, bytes]], bytes]:
    """Headers and body of an error answer, encoded once (the same JSON as `error_response`)."""
    body = json.dumps({"error": error, "message": message}, ensure_ascii=False, separators=(",", ":")).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if retry_after is not None:
        headers.append((b"retry-after", retry_after.encode()))
    return headers, body


async def refuse(send: Send, exc: ApiError) -> None:
    headers, body = _answer(exc.status, exc.error, exc.message, (exc.headers or {}).get("Retry-After"))
    await send({"type": "http.response.start", "status": exc.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def screen(scope: Scope, door: Door, gate: TokenGate, throttle: AddressThrottle) -> ApiError | None:
    """Why this request is refused without going further, or None to let it through.
    Records the protocol version and the token in the request's state for the endpoints."""
    version = declared = authorization = b""
    for name, value in scope["headers"]:
        if name == PROTOCOL_HEADER:
            version = value
        elif name == b"authorization":
            authorization = value
        elif name == b"content-length":
            declared = value
    text = version.strip()
    if not text.isdigit() or int(text) not in protocol.SUPPORTED_VERSIONS:
        return ApiError(426, "upgrade_required", protocol.UPGRADE_MESSAGE)
    state = scope.setdefault("state", {})
    state["protocol"] = int(text)
    client = scope.get("client")
    address = client[0] if client else ""
    if door.token:
        scheme, _, token = authorization.decode("latin-1").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            return ApiError(401, "unauthorized", MISSING_TOKEN)
        if refused := gate.screen(token, address):
            return refused
        state["token"] = token
    elif wait := throttle.retry_after(address):
        return throttled(wait)
    declared = declared.strip()
    if door.length_required and not declared.isdigit():
        return ApiError(411, "length_required", LENGTH_REQUIRED)
    if declared.isdigit() and int(declared) > door.limits.body:
        return ApiError(413, "too_large", Msg(TOO_LARGE, size_text(door.limits.body)))
    return None


class Guard:
    """`app.add_middleware(Guard, gate=…, throttle=…)`: outside routing, inside uvicorn.
    `hold` seconds a 429 is held back (0: never); `sleep` is for tests.  `handlers`:
    (method, path) → an ASGI handler that answers a screened request itself instead of
    passing it on (the station sync endpoints, app/hq/routes/station_asgi.py)."""

    def __init__(self, app: ASGIApp, gate: TokenGate, throttle: AddressThrottle, hold: float = HOLD_SECONDS,
                 max_held: int = MAX_HELD, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 handlers: Mapping[tuple[str, str], ASGIApp] | None = None) -> None:
        self.app, self.gate, self.throttle = app, gate, throttle
        self.handlers = dict(handlers or {})
        self.hold, self.max_held, self.sleep = hold, max_held, sleep
        self.held = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (door := door_for(scope["method"], scope["path"])) is not None:
            if (refused := screen(scope, door, self.gate, self.throttle)) is not None:
                if refused.status == 429 and self.hold > 0 and self.held < self.max_held:
                    await self._hold(float((refused.headers or {}).get("Retry-After", "1")))
                await refuse(send, refused)
                return
            if (handler := self.handlers.get((scope["method"], scope["path"]))) is not None:
                await handler(scope, receive, send)  # a station endpoint, answered here (its token is in the state)
                return
        await self.app(scope, receive, send)

    async def _hold(self, retry_after: float) -> None:
        self.held += 1
        try:
            await self.sleep(min(self.hold, retry_after))
        finally:
            self.held -= 1

