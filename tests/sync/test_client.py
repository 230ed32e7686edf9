"""The HTTP client alone, against in-process fakes (httpx.MockTransport): headers, zstd, errors."""

from __future__ import annotations

import socket

import httpx
import pytest

from app.sync import protocol
from app.sync.client import AuthError, OfflineError, ResyncRequired, ServerError, SyncClient, SyncError, UpgradeRequired


def _client(handler) -> SyncClient:  # type: ignore[no-untyped-def]
    http = httpx.Client(base_url="https://hq.example", transport=httpx.MockTransport(handler))
    return SyncClient("https://hq.example", "tok", http=http)


def test_requests_carry_version_token_and_zstd_and_answers_are_decoded() -> None:
    seen: dict[str, object] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen["headers"] = request.headers
        seen["body"] = protocol.decode(request.content, request.headers.get("content-encoding"))
        return httpx.Response(200, content=protocol.encode({"status": "applied", "中": "文"}),
                              headers={"Content-Encoding": "zstd"})

    answer = _client(handler).push("b1", [{"tbl": "enterprise"}])
    headers = seen["headers"]
    assert headers[protocol.PROTOCOL_HEADER] == str(protocol.PROTOCOL_VERSION)  # type: ignore[index]
    assert headers["authorization"] == "Bearer tok"  # type: ignore[index]
    assert headers["content-encoding"] == "zstd"  # type: ignore[index]
    assert seen["body"] == {"batch_id": "b1", "rows": [{"tbl": "enterprise"}]}
    assert answer == {"status": "applied", "中": "文"}


def test_plain_json_answers_are_accepted() -> None:
    answer = _client(lambda r: httpx.Response(200, json={"server_time_ms": 5})).hello()
    assert answer == {"server_time_ms": 5}


@pytest.mark.parametrize(
    ("status", "error", "words"),
    [
        (401, AuthError, "重新登记"),
        (426, UpgradeRequired, "升级"),
        (410, ResyncRequired, "重新下载"),
        (500, ServerError, "HTTP 500"),
        (422, SyncError, "HTTP 422"),
    ],
)
def test_error_statuses_become_chinese_errors(status: int, error: type[SyncError], words: str) -> None:
    client = _client(lambda r: httpx.Response(status, json={"error": "x"}))
    with pytest.raises(error) as info:
        client.pull(None, 10)
    assert words in info.value.message


def test_server_message_is_shown_when_there_is_one() -> None:
    client = _client(lambda r: httpx.Response(401, json={"message": "本站令牌已被总部吊销。"}))
    with pytest.raises(AuthError, match="吊销"):
        client.hello()


def test_unreachable_server_is_offline_not_a_crash() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = SyncClient(f"http://127.0.0.1:{port}", "tok", timeout=2)
    with pytest.raises(OfflineError) as info:
        client.hello()
    assert "无法连接" in info.value.message
    client.close()


def test_garbage_answer_is_a_server_error() -> None:
    client = _client(lambda r: httpx.Response(200, content=b"\x00not json"))
    with pytest.raises(ServerError):
        client.hello()


@pytest.mark.parametrize("answer", [b"[]", b'["rows"]', b"5", b'"applied"', b"null"])
def test_an_answer_that_is_not_a_json_object_is_a_server_error(answer: bytes) -> None:
    """Valid JSON of the wrong type (HQ broken, or a proxy's answer): the same Chinese
    ServerError as garbage, not an AttributeError deep in the sync engine."""
    client = _client(lambda r: httpx.Response(200, content=answer))
    with pytest.raises(ServerError) as hello:
        client.hello()
    with pytest.raises(ServerError) as pulled:
        client.pull_page(None, 10).decode()
    assert "回复无法识别" in hello.value.message and "回复无法识别" in pulled.value.message


def test_pulled_page_peeks_the_cursor_from_the_tail_or_admits_it_cannot() -> None:
    import json

    from app.sync.client import PulledPage

    tricky = {"tbl": "annual_report", "data": {"targets": {"x": [1], "cursor": {"txid": "0"}}}}  # a look-alike inside a row
    tail = b'],"cursor":{"txid":"9","tbl":"","id":"0"},"done":false,"server_time_ms":1}'
    body = b'{"rows":[' + json.dumps(tricky).encode() + tail
    page = PulledPage(body)
    assert page.peek() == ({"txid": "9", "tbl": "", "id": "0"}, False)
    assert page.decode()["rows"] == [tricky]
    reordered = PulledPage(b'{"cursor":{"txid":"9"},"done":true,"rows":[{"a":[1],"cursor":2}]}')
    assert reordered.peek() is None  # not HQ's layout: the caller decodes instead of guessing
    assert PulledPage(protocol.encode({"rows": [], "cursor": None, "done": True})).peek() is None
