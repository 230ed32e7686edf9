"""Bodies and errors of the sync service: zstd/JSON in and out, Chinese error answers.

A body is read on the event loop only as bytes, and only up to its endpoint's cap; it is
decompressed and parsed by `RawBody.json()` in the endpoint's worker thread, with the
decompressed size capped while decompressing (docs/sync-protocol.md, "Limits and throttling").
"""

from __future__ import annotations

import json
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import zstandard
from fastapi import Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ValidationError

from app.domain.messages import Msg, wire_form
from app.sync import file_types, protocol

KIB, MIB = 1024, 1024 * 1024
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
CHUNK = 256 * KIB  # decompression step: a bomb costs at most its cap plus one step
# Stations compress at level 3 (a 2 MB window); level 19 uses 8 MB.  A frame asking for
# more is refused before libzstd allocates its window.
MAX_WINDOW = 8 * MIB
TOO_LARGE = "请求数据太大（超过 %1），请分批上传或升级服务站工作台。"  # Msg(TOO_LARGE, size_text(limit))
TOO_LARGE_JSON = "请求数据解压后太大（超过 %1），请分批上传或升级服务站工作台。"
DATA_ERROR = "数据格式不正确，服务总站无法保存，本次没有写入任何数据。"


@dataclass(frozen=True)
class Limits:
    body: int  # bytes as received (compressed or plain)
    json: int  # bytes of JSON after decompression

    def __post_init__(self) -> None:
        assert self.body <= self.json, "a plain body is bounded by the body cap alone"


ENROL_LIMITS = Limits(body=16 * KIB, json=64 * KIB)
SMALL_LIMITS = Limits(body=256 * KIB, json=1 * MIB)  # pull and check requests
PUSH_LIMITS = Limits(body=protocol.MAX_PUSH_BODY_BYTES, json=protocol.MAX_PUSH_JSON_BYTES)
FILE_CHUNK_LIMITS = Limits(body=file_types.CHUNK_BYTES, json=file_types.CHUNK_BYTES)  # one chunk of a file upload


class ApiError(Exception):
    def __init__(self, status: int, error: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.error, self.message, self.headers = status, error, message, headers


def said(exc: BaseException) -> str:
    """What an error says, as it was made: a Msg stays a Msg (str(exc) would make it plain text)."""
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)


def error_response(status: int, error: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    # Errors are always plain JSON, so any client (and curl) can read them.  A message made as a Msg also
    # says how ("message_form": its template and arguments), so a client shows it in its user's language;
    # older clients ignore it and show the Chinese text.
    body: dict[str, Any] = {"error": error, "message": message}
    if (form := wire_form(message)) is not None:
        body["message_form"] = form
    return JSONResponse(body, status_code=status, headers=headers)


def throttled(wait: int) -> ApiError:
    message = Msg("登记码或同步令牌错误次数过多，请 %1 秒后再试；如忘记登记码，请向服务总站索取新的登记码。", wait)
    return ApiError(429, "too_many_failures", message, {"Retry-After": str(wait)})


def size_text(n: int) -> str:
    return f"{n // MIB} MB" if n >= MIB else f"{n // KIB} KB"


@dataclass(frozen=True)
class RawBody:
    """A request body as received.  `json()` does the CPU work: call it from a worker
    thread (a plain `def` endpoint), never on the event loop."""

    data: bytes
    encoding: str | None
    limits: Limits

    def json(self) -> Any:
        return decode_body(self.data, self.encoding, self.limits.json)


def body_reader(limits: Limits) -> Callable[[Request], Awaitable[RawBody]]:
    """A dependency reading the body as bytes, refusing it (413) as soon as it passes
    `limits.body`.  A body declaring more by its Content-Length never gets here: the
    front door (`app.hq.asgi_guard`) refuses it before anything is read."""

    async def read_body(request: Request) -> RawBody:
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limits.body:
                raise ApiError(413, "too_large", Msg(TOO_LARGE, size_text(limits.body)))
            chunks.append(chunk)
        encoding = (request.headers.get("content-encoding") or "").strip().lower() or None
        return RawBody(b"".join(chunks), encoding, limits)

    return read_body


_per_thread = threading.local()


def decompressor() -> zstandard.ZstdDecompressor:
    """This thread's decompressor (window capped at MAX_WINDOW), made once: a new one per
    request was 16 of its 29 µs.  Each `stream_reader` resets the context's session and
    applies the window cap again, so a body refused half-way (bomb, bad frame) leaves nothing
    behind for the next (tests/hq/test_zstd_contexts.py).  One per thread: not thread-safe."""
    made: zstandard.ZstdDecompressor | None = getattr(_per_thread, "decompressor", None)
    if made is None:
        made = _per_thread.decompressor = zstandard.ZstdDecompressor(max_window_size=MAX_WINDOW)
    return made


def decompress_capped(data: bytes, limit: int) -> bytearray:
    """zstd-decompress `data`, stopping (413) as soon as the output passes `limit`."""
    out = bytearray()
    try:
        with decompressor().stream_reader(data, read_across_frames=True) as reader:
            while chunk := reader.read(CHUNK):
                if len(out) + len(chunk) > limit:
                    raise ApiError(413, "too_large", Msg(TOO_LARGE_JSON, size_text(limit)))
                out += chunk
    except zstandard.ZstdError as exc:
        raise ApiError(400, "bad_body", "请求数据无法解压（不是有效的 zstd 数据，或压缩参数超出服务总站允许的范围）。") from exc
    return out


def decode_body(data: bytes, encoding: str | None, limit: int) -> Any:
    """The request's JSON value; every malformed or oversized body gets a 4xx."""
    raw: bytes | bytearray = data
    if encoding == protocol.CONTENT_ENCODING:
        raw = decompress_capped(data, limit)
    elif encoding not in (None, "identity"):
        raise ApiError(400, "bad_body", "请求使用了不支持的压缩方式，请使用 zstd 或不压缩。")
    # a plain body is already within the body cap, which is below the JSON cap (Limits)
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise ApiError(400, "bad_body", "请求数据不是有效的 JSON。") from exc


def parse(model: type[BaseModel], payload: Any) -> Any:
    if not isinstance(payload, dict):
        raise ApiError(422, "invalid_request", "请求内容不符合同步协议：应为 JSON 对象。")
    try:
        return model.model_validate(payload)
    except (ValidationError, ValueError, RecursionError) as exc:
        if isinstance(exc, ValidationError) and exc.errors():
            where = ".".join(str(p) for p in exc.errors()[0]["loc"])[:80]
            raise ApiError(422, "invalid_request", Msg("请求内容不符合同步协议（%1）。", where)) from exc
        raise ApiError(422, "invalid_request", "请求内容不符合同步协议。") from exc


def answer_json(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def encode_answer(raw_json: bytes, accept_encoding: str | None) -> tuple[bytes, bool]:
    """The answer's body, zstd when the client accepts it (protocol.encode), plain JSON
    otherwise; and whether it is zstd.  One definition for FastAPI's answers and the
    station endpoints' (app/hq/routes/station_asgi.py)."""
    if "zstd" in (accept_encoding or "").lower():
        return protocol.compressor().compress(raw_json), True
    return raw_json, False


def respond(request: Request, payload: dict[str, Any] | None = None, raw_json: bytes | None = None) -> Response:
    """zstd when the client accepts it (protocol.encode), plain JSON otherwise."""
    body, zstd = encode_answer(raw_json if raw_json is not None else answer_json(payload),
                               request.headers.get("accept-encoding"))
    if zstd:
        return Response(body, media_type="application/json", headers={"Content-Encoding": protocol.CONTENT_ENCODING})
    return Response(body, media_type="application/json")
