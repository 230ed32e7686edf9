"""wire.check_json_value's shortcut for flat rows (`_flat_and_clean`) only ever passes what the
full check passes, and refuses nothing itself: NUL, lone surrogates, NaN/Infinity, nesting and odd
types all still reach the full check and get its answer."""

from __future__ import annotations

import math
from typing import Any

import pytest

from app.hq import wire


class Plain(dict):  # type: ignore[type-arg]
    """A dict that is not exactly `dict`: always the full check."""


def full_check_passes(value: dict[str, Any]) -> bool:
    try:
        wire.check_json_value(Plain(value))
    except ValueError:
        return False
    return True


def fast_check_passes(value: dict[str, Any]) -> bool:
    try:
        wire.check_json_value(value)
    except ValueError:
        return False
    return True


DEEP: Any = 1
for _ in range(30):
    DEEP = [DEEP]
CASES: list[dict[Any, Any]] = [
    {"name": "广州示例科技有限公司", "n": 3, "x": 1.5, "ok": True, "none": None, "big": 10**30, "e": 1e308},
    {"summary": "a\\u0000b"},  # a typed backslash and "u0000": text, not a NUL
    {"summary": "a\x00b"}, {"a\x00": 1},
    {"summary": "\ud800"}, {"\udfff": 1}, {"summary": "😀\ud83d"}, {"summary": "😀"},
    {"x": math.nan}, {"x": math.inf}, {"x": -math.inf},
    {"nested": {"a": [1, 2]}}, {"list": []}, {"deep": DEEP},
    {1: "a key that is not text"}, {"braces": "{[" * 40},
    {"when": object()},
    {},
]


@pytest.mark.parametrize("value", CASES)
def test_the_shortcut_answers_as_the_full_check(value: dict[Any, Any]) -> None:
    assert fast_check_passes(value) == full_check_passes(value)
    if wire._flat_and_clean(value):
        assert full_check_passes(value)


def test_a_plain_row_takes_the_shortcut() -> None:
    row = {"enterprise_id": "01a25182-4a76-78aa-910b-9f1a0e35ec83", "service_date": "2026-03-02", "summary": "咨询",
           "category": "policy", "satisfaction": 5, "hours": 1.5, "note": None}
    assert wire._flat_and_clean(row)
