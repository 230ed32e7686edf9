"""Bodies and errors of the sync service: zstd/JSON in and out, Chinese error answers."""

from __future__ import annotations

import json
from typing import Any

import zstandard
from fastapi import Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ValidationError

from app.sync import protocol

MAX_BODY = 32 * 1024 * 1024  # compressed, as received
MAX_JSON = 128 * 1024 * 1024  # after decompression
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


class ApiError(Exception):
    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


def error_response(status: int, error: str, message: str) -> JSONResponse:
    # Errors are always plain JSON, so any client (and curl) can read them.
    return JSONResponse({"error": error, "message": message}, status_code=status)


async def read_json(request: Request) -> Any:
    """The decoded request body.  Refuses oversized bodies and zstd bombs by size
    *before* holding them in memory, and every malformed body with a 4xx."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise ApiError(413, "too_large", "请求数据太大，请分批上传。")
        chunks.append(chunk)
    body = b"".join(chunks)
    encoding = (request.headers.get("content-encoding") or "").strip().lower() or None
    if encoding == protocol.CONTENT_ENCODING:
        try:
            reader = zstandard.ZstdDecompressor().stream_reader(body)
            raw = reader.read(MAX_JSON + 1)
        except zstandard.ZstdError as exc:
            raise ApiError(400, "bad_body", "请求数据无法解压（不是有效的 zstd 数据）。") from exc
        if len(raw) > MAX_JSON:
            raise ApiError(413, "too_large", "请求数据解压后太大，请分批上传。")
        body, encoding = raw, None
    try:
        return protocol.decode(body, encoding)
    except (ValueError, RecursionError) as exc:
        raise ApiError(400, "bad_body", "请求数据不是有效的 JSON，或使用了不支持的压缩方式。") from exc


def parse(model: type[BaseModel], payload: Any) -> Any:
    if not isinstance(payload, dict):
        raise ApiError(422, "invalid_request", "请求内容不符合同步协议：应为 JSON 对象。")
    try:
        return model.model_validate(payload)
    except (ValidationError, ValueError, RecursionError) as exc:
        where = ""
        if isinstance(exc, ValidationError) and exc.errors():
            where = "（" + ".".join(str(p) for p in exc.errors()[0]["loc"])[:80] + "）"
        raise ApiError(422, "invalid_request", f"请求内容不符合同步协议{where}。") from exc


def respond(request: Request, payload: dict[str, Any] | None = None, raw_json: bytes | None = None) -> Response:
    """zstd when the client accepts it (protocol.encode), plain JSON otherwise."""
    if raw_json is None:
        raw_json = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str).encode()
    if "zstd" in (request.headers.get("accept-encoding") or "").lower():
        body = zstandard.ZstdCompressor(level=3).compress(raw_json)
        return Response(body, media_type="application/json", headers={"Content-Encoding": protocol.CONTENT_ENCODING})
    return Response(raw_json, media_type="application/json")
