"""Finding 3: an unauthenticated 10 KB zstd body expanding to 120 MB froze HQ for ~10 s and
took 3.2 GB, because decompression and parsing ran on the event loop without a cap.  Every
endpoint now caps the body as received and the JSON while it is being decompressed (413),
and does that work in its worker thread: the loop keeps answering meanwhile."""

from __future__ import annotations

import asyncio
import threading
import time
import tracemalloc
import uuid
from typing import Any

import pytest
import zstandard

from app.hq import http_io
from app.hq.http_io import ENROL_LIMITS, PUSH_LIMITS, SMALL_LIMITS, Limits
from app.hq.server import create_app
from app.sync import protocol
from tests.hq.conftest import call

V1 = {protocol.PROTOCOL_HEADER: "1"}
ENDPOINT_LIMITS = {"/v1/enroll": ENROL_LIMITS, "/v1/push": PUSH_LIMITS, "/v1/pull": SMALL_LIMITS, "/v1/check": SMALL_LIMITS}


def json_bomb(size: int) -> bytes:
    """`{"code": "AAAA…"}` of `size` bytes as zstd, built in 1 MB steps (never held whole)."""
    compressor = zstandard.ZstdCompressor(level=19).compressobj()
    head, tail = b'{"code":"', b'"}'
    parts = [compressor.compress(head)]
    left, step = size - len(head) - len(tail), b"A" * (1024 * 1024)
    while left > 0:
        parts.append(compressor.compress(step[: min(left, len(step))]))
        left -= len(step)
    parts += [compressor.compress(tail), compressor.flush()]
    return b"".join(parts)


def test_enroll_bomb_of_120_mb_is_refused_quickly_in_bounded_memory(app_client) -> None:
    bomb = json_bomb(120 * 1024 * 1024)
    assert len(bomb) < 12_000
    started = time.perf_counter()
    answer = app_client.post("/v1/enroll", content=bomb, headers={**V1, "Content-Encoding": "zstd"})
    elapsed = time.perf_counter() - started
    assert answer.status_code == 413 and answer.json()["error"] == "too_large", answer.text
    assert "解压后太大" in answer.json()["message"] and "64 KB" in answer.json()["message"]
    assert elapsed < 2.0  # before: ~10 s; now it stops after the first 256 KB step
    tracemalloc.start()
    try:
        with pytest.raises(http_io.ApiError):
            http_io.decode_body(bomb, "zstd", ENROL_LIMITS.json)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * http_io.CHUNK + ENROL_LIMITS.json  # not 120 MB


def test_the_push_cap_holds_while_decompressing(app_client, enrol) -> None:
    station = enrol("L-P1")
    bomb = json_bomb(PUSH_LIMITS.json + 1)
    answer = app_client.post("/v1/push", content=bomb, headers=station.headers(**{"Content-Encoding": "zstd"}))
    assert answer.status_code == 413 and "32 MB" in answer.json()["message"]
    just_under = {"batch_id": str(uuid.uuid4()), "rows": [], "pad": "x" * (PUSH_LIMITS.json - 100)}
    assert call(app_client, station, "/v1/push", just_under).status_code == 200


@pytest.mark.parametrize("path", sorted(ENDPOINT_LIMITS))
def test_every_endpoint_caps_body_and_decompressed_size(app_client, enrol, path: str) -> None:
    station = enrol(f"L-{path.rsplit('/', 1)[1][:4].upper()}")
    limits: Limits = ENDPOINT_LIMITS[path]
    headers = station.headers() if path != "/v1/enroll" else dict(V1)
    oversized = app_client.post(path, content=b" " * (limits.body + 1), headers=headers)
    assert oversized.status_code == 413 and "太大" in oversized.json()["message"], oversized.text
    # the same without Content-Length (chunked): counted while it is read
    chunked = app_client.post(path, content=iter([b" " * (limits.body + 1)]), headers=headers)
    assert "content-length" not in chunked.request.headers
    assert chunked.status_code == 413 and "太大" in chunked.json()["message"], chunked.text
    expanded = app_client.post(path, content=json_bomb(limits.json + 1), headers={**headers, "Content-Encoding": "zstd"})
    assert expanded.status_code == 413 and "解压后太大" in expanded.json()["message"], expanded.text
    # a frame asking libzstd for a bigger window than stations ever use: refused, not allocated
    small = zstandard.ZstdCompressor(write_content_size=False).compress(b'{"code":"x"}')
    assert small[4] == 0  # frame header: no content size, so a window descriptor follows
    wide = small[:5] + bytes([(27 - 10) << 3]) + small[6:]  # the same frame, declaring a 128 MB window
    answer = app_client.post(path, content=wide, headers={**headers, "Content-Encoding": "zstd"})
    assert answer.status_code == 400 and "压缩参数" in answer.json()["message"]


def test_decompression_and_parsing_leave_the_event_loop_free(app_client, enrol, monkeypatch) -> None:
    """While one request's body is being decompressed (held here on an event), another
    request is answered: the decoding does not run on the event loop."""
    station = enrol("L-LOOP")
    entered, release = threading.Event(), threading.Event()
    real = http_io.decode_body

    def slow_decode(*args: Any) -> Any:
        entered.set()
        release.wait(30)
        return real(*args)

    monkeypatch.setattr(http_io, "decode_body", slow_decode)
    answers: dict[str, Any] = {}

    def bomb() -> None:
        headers = {**V1, "Content-Encoding": "zstd"}
        answers["bomb"] = app_client.post("/v1/enroll", content=json_bomb(10 * 1024 * 1024), headers=headers)

    def cheap() -> None:
        answers["hello"] = app_client.get("/v1/hello", headers=station.headers())

    slow = threading.Thread(target=bomb)
    slow.start()
    try:
        assert entered.wait(30)
        quick = threading.Thread(target=cheap)
        quick.start()
        quick.join(20)
        answered_meanwhile = "hello" in answers
    finally:
        release.set()
        slow.join(30)
    assert answered_meanwhile, "the event loop was blocked while a body was being decoded"
    assert answers["hello"].status_code == 200
    assert answers["bomb"].status_code == 413


def test_a_declared_oversized_body_is_refused_before_it_is_read(hq_engine) -> None:
    """By its Content-Length alone: the body is never received (raw ASGI, counting receives)."""
    app = create_app(engine=hq_engine)
    received: list[int] = []
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        received.append(1)
        return {"type": "http.request", "body": b" " * 1024, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    headers = [(b"x-station-desk-protocol", b"1"), (b"content-length", str(10**9).encode())]
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/v1/enroll", "raw_path": b"/v1/enroll", "query_string": b"", "root_path": "", "headers": headers,
             "client": ("192.0.2.1", 1000), "server": ("testserver", 80)}
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 413 and received == []
