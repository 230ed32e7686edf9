"""How the station client writes its requests (app.sync.protocol.dumps, orjson with the
standard library behind it): the same bytes the standard library's compact, non-ASCII JSON
would be, for every value a request can carry, and the same error where that one fails."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import uuid
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.sync import protocol


def stdlib(payload: Any) -> bytes:
    """protocol.dumps as it was written before orjson: the reference."""
    return json.dumps(payload, default=protocol._default, ensure_ascii=False, separators=(",", ":")).encode()


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),  # past 64 bits too: orjson refuses those
    st.text(alphabet=st.characters(blacklist_categories=["Cs"])),  # lone surrogates: below
    st.uuids(),
    st.dates(),
    st.datetimes(timezones=st.one_of(st.none(), st.timezones())),
    st.decimals(allow_nan=False, places=4),
    st.binary(max_size=40),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5),
    st.dictionaries(st.text(max_size=8), inner, max_size=5),
), max_leaves=30)


@given(values)
def test_a_request_is_the_bytes_the_standard_library_writes(payload: Any) -> None:
    assert protocol.dumps(payload) == stdlib(payload)


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), max_size=8))
def test_floats_read_back_as_the_same_numbers(payload: list[float]) -> None:
    # the digits may differ (1e+16 against 1e16), never the value
    assert json.loads(protocol.dumps(payload)) == json.loads(stdlib(payload)) == payload


@pytest.mark.parametrize("payload", [
    {"n": 2**64},  # orjson: "Integer exceeds 64-bit range"
    {"n": -(2**63) - 1},
    {1: "a", None: "b"},  # keys that are not text (the standard library writes "1" and "null")
    [{"id": uuid.UUID(int=7), "at": dt.date(2026, 3, 2), "amount": decimal.Decimal("12.50")}],
])
def test_what_orjson_refuses_is_written_as_before(payload: Any) -> None:
    assert protocol.dumps(payload) == stdlib(payload)


def test_a_lone_surrogate_fails_as_it_did() -> None:
    with pytest.raises(UnicodeEncodeError):
        stdlib({"name": "\ud800"})
    with pytest.raises(UnicodeEncodeError):
        protocol.dumps({"name": "\ud800"})


def test_a_value_neither_knows_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        protocol.dumps({"x": object()})
