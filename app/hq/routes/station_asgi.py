"""The station sync endpoints as plain ASGI handlers, called by the front door
(`app.hq.asgi_guard.Guard`) once it has screened the request, instead of FastAPI's
routing, dependency resolution and exception stack (~430 µs of HQ's CPU a request:
benchmarks/README.md, "Issue 14: 200 stations at once").

Nothing about what is accepted changes: each endpoint's `answer` (app/hq/routes/*.py)
is the one definition, used by its FastAPI route as well: the same body caps (`LIMITS`),
the same wire.py validation, the token checked in the endpoint's own transaction, the
same error answers.  The token gate's database check (`TokenGate.admit`) runs as FastAPI
would run it (on the event loop, its check in anyio's thread pool); `answer` runs in one of
the endpoint threads of app.hq.thread_hop (a cheaper trip than anyio's), one pooled
connection each.  ApiError and a
DataError that slipped past wire.py are answered as FastAPI's handlers answer them
(app/hq/server.py); anything else propagates to Starlette's error middleware, as it did.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.exc import DataError
from starlette.types import Receive, Scope, Send

from app.domain.messages import Msg
from app.hq.http_io import DATA_ERROR, TOO_LARGE, ApiError, Limits, RawBody, encode_answer, error_response, size_text
from app.hq.routes import check, hello, pull, push
from app.hq.routes.context import ServiceContext
from app.hq.thread_hop import run_in_thread
from app.sync import protocol

log = logging.getLogger(__name__)
Answer = Callable[[ServiceContext, str, int, Any], bytes]  # body: RawBody, or None for a GET
Handler = Callable[[Scope, Receive, Send], Awaitable[None]]
JSON = b"application/json"
ZSTD = protocol.CONTENT_ENCODING.encode()


class ClientGone(Exception):
    """The client hung up before its body arrived: nothing to answer."""


async def read_body(receive: Receive, limits: Limits) -> bytes:
    """The body as bytes, refused (413) as soon as it passes `limits.body` (a declared
    Content-Length over it never gets here: the front door refused it)."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGone
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limits.body:
            raise ApiError(413, "too_large", Msg(TOO_LARGE, size_text(limits.body)))
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


async def _send(send: Send, body: bytes, zstd: bool) -> None:
    headers = [(b"content-type", JSON), (b"content-length", str(len(body)).encode())]
    if zstd:
        headers.append((b"content-encoding", ZSTD))
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def handler(hq: ServiceContext, answer: Answer, limits: Limits | None) -> Handler:
    """An endpoint behind the front door, which has screened it: `scope["state"]` holds the
    protocol version and the bearer token.  `limits`: its body caps (None: no body read)."""
    async def handle(scope: Scope, receive: Receive, send: Send) -> None:
        state = scope["state"]
        client = scope.get("client")
        try:
            token = await hq.gate.admit(state["token"], client[0] if client else "")
            body = None
            if limits is not None:
                encoding = (_header(scope, b"content-encoding") or "").strip().lower() or None
                body = RawBody(await read_body(receive, limits), encoding, limits)
            raw = await run_in_thread(answer, hq, token, state["protocol"], body)
        except ClientGone:
            return
        except ApiError as exc:  # answered as FastAPI's handler answers it (app/hq/server.py): one definition
            await error_response(exc.status, exc.error, exc.message, exc.headers)(scope, receive, send)
            return
        except DataError as exc:  # defence in depth, as app/hq/server.py: wire.py should have refused it
            log.warning("data error reached the database: %s", exc)
            await error_response(422, "invalid_data", DATA_ERROR)(scope, receive, send)
            return
        await _send(send, *encode_answer(raw, _header(scope, b"accept-encoding")))

    return handle


def handlers(hq: ServiceContext) -> dict[tuple[str, str], Handler]:
    """(method, path) → handler, for the front door."""
    return {
        ("GET", "/v1/hello"): handler(hq, hello.answer, None),
        ("POST", "/v1/push"): handler(hq, push.answer, push.LIMITS),
        ("POST", "/v1/pull"): handler(hq, pull.answer, pull.LIMITS),
        ("POST", "/v1/check"): handler(hq, check.answer, check.LIMITS),
    }
