"""zstd contexts are made once per thread (app.sync.protocol.compressor,
app.hq.http_io.decompressor): making one allocates and clears libzstd's workspace, most of a
small body's compression or decompression (benchmarks/README.md, "Session 8").  Reuse must not
change a byte, and a body refused half-way must leave nothing behind for the next."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import pytest
import zstandard

from app.hq import http_io
from app.hq.http_io import ApiError
from app.sync import protocol
from tests.hq.test_body_limits import json_bomb


def _in_new_thread(work: Callable[[], Any]) -> Any:
    """`work()` on a thread of its own (a thread-local cache starts empty there)."""
    got: list[Any] = []
    thread = threading.Thread(target=lambda: got.append(work()))
    thread.start()
    thread.join()
    return got[0]


def test_one_compressor_and_one_decompressor_per_thread(monkeypatch) -> None:
    made: list[str] = []

    real_compressor, real_decompressor = zstandard.ZstdCompressor, zstandard.ZstdDecompressor

    def counted(kind: str, real: Any) -> Any:
        def make(*args: Any, **kwargs: Any) -> Any:  # a real context (a subclass of the C type crashes)
            made.append(kind)
            return real(*args, **kwargs)
        return make

    monkeypatch.setattr(zstandard, "ZstdCompressor", counted("c", real_compressor))
    monkeypatch.setattr(zstandard, "ZstdDecompressor", counted("d", real_decompressor))

    def many() -> int:
        for n in range(5):
            body, zstd = http_io.encode_answer(b'{"n":%d}' % n, "zstd")
            assert zstd and http_io.decode_body(body, "zstd", 1024) == {"n": n}
            assert protocol.decode(protocol.encode({"n": n}), "zstd") == {"n": n}
        return len(made)

    assert _in_new_thread(many) == 2 + 5  # one compressor and one capped decompressor; protocol.decode's own
    assert _in_new_thread(many) == 2 * (2 + 5)  # another thread makes its own pair


def test_reused_contexts_give_the_same_bytes_and_forget_a_refused_body() -> None:
    page = json.dumps({"rows": [{"id": i, "name": f"企业{i}"} for i in range(500)]}).encode()
    fresh = zstandard.ZstdCompressor(level=3).compress(page)
    small = zstandard.ZstdCompressor(write_content_size=False).compress(b'{"code":"x"}')
    wide = small[:5] + bytes([(27 - 10) << 3]) + small[6:]  # a frame declaring a 128 MB window

    def refused_then_good() -> None:
        for _ in range(2):
            assert http_io.encode_answer(page, "zstd") == (fresh, True)
            assert protocol.encode({"x": 1}) == zstandard.ZstdCompressor(level=3).compress(b'{"x":1}')
            with pytest.raises(ApiError) as bomb:  # stopped half-way through the frame
                http_io.decode_body(json_bomb(2 * 1024 * 1024), "zstd", 1024 * 1024)
            assert bomb.value.status == 413
            with pytest.raises(ApiError) as too_wide:  # the window cap still holds on reuse
                http_io.decode_body(wide, "zstd", 1024 * 1024)
            assert too_wide.value.status == 400
            with pytest.raises(ApiError) as cut:  # a truncated frame
                http_io.decode_body(fresh[: len(fresh) // 2] + b"\x00" * 9, "zstd", 1024 * 1024)
            assert cut.value.status == 400
            assert http_io.decode_body(fresh, "zstd", 1024 * 1024) == json.loads(page)

    _in_new_thread(refused_then_good)
