"""How the station client reads HQ's answers (app.sync.protocol.decode, orjson): every
malformed answer is a ValueError the client turns into a Chinese ServerError, never an
exception it does not expect, and what it reads equals what HQ wrote."""

from __future__ import annotations

import json

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.sync import protocol
from app.sync.client import ServerError, SyncClient

HOSTILE = [
    b"[" * 100_000 + b"]" * 100_000,  # the standard library raises RecursionError here
    b'{"rows": [' * 5_000,
    b'"\xff\xfe"',  # not UTF-8
    b'"\\ud800"',  # a lone surrogate
    b"NaN",
    b"1e400",
    b"\xef\xbb\xbf{}",
    b"",
]


@pytest.mark.parametrize("body", HOSTILE, ids=lambda b: repr(b[:12]))
def test_a_malformed_answer_is_a_value_error(body: bytes) -> None:
    with pytest.raises(ValueError):
        protocol.decode(body, None)


def test_an_answer_nested_past_the_cap_is_a_server_error_not_a_crash() -> None:
    deep = b'{"hq_time_ms": 1, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    http = httpx.Client(base_url="https://hq.example", transport=httpx.MockTransport(lambda r: httpx.Response(200, content=deep)))
    client = SyncClient("https://hq.example", "tok", http=http)
    with pytest.raises(ServerError) as info:
        client.hello()
    assert "无法识别" in info.value.message
    client.close()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=30,
)


@given(JSON)
def test_it_reads_what_the_standard_library_wrote(value: object) -> None:
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return  # a lone surrogate: not valid UTF-8, refused above
    assert protocol.decode(body, None) == value
    assert protocol.decode(protocol.encode(value), protocol.CONTENT_ENCODING) == value
