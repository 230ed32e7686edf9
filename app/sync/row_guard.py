"""Can this pulled row be stored here?  The apply-time guard of the pull.

SQLite stores whatever it is given (text in an INTEGER column, 100 KB in a VARCHAR(200)),
and the ORM then fails far from the cause, on every screen that reads the row.  So each
storage tuple the codec built is checked against the column definitions of the models
(the station's own schema) before it is written: type, required (NOT NULL), String
length, ISO date.  Values that cannot even be converted (revenue "abc") fail in the codec
and are diagnosed here column by column.  Business rules (enumerations, credit-code
format) are HQ's validation's job; this guard only keeps the local store readable.

`accepts(tbl)` is generated per table (one boolean expression, ~1 µs a row: a bootstrap
calls it a million times); `problem(tbl, row)` runs only for a row that failed and names
the column and the fix in Chinese.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Double,
    Integer,
    String,
    Text,
    Uuid,
)

from app.models.types import ISODate, ScaledDecimal, UTCDateTime
from app.sync.codec import _converters, _missing_default, codec

ROW_ERROR_ADVICE = "这是总部的数据有误，请联系总部更正；更正后或升级本软件后会自动重试。"


def _iso_date(v: Any) -> bool:
    try:
        date.fromisoformat(v)
    except (TypeError, ValueError):
        return False
    return len(v) == 10


def _kind(column: Column[Any]) -> str:
    kind = column.type
    if isinstance(kind, ISODate):
        return "date"
    if isinstance(kind, (ScaledDecimal, Integer, BigInteger, Boolean)):
        return "int"  # ScaledDecimal and Boolean are stored as integers by the codec
    if isinstance(kind, Double):
        return "number"
    if isinstance(kind, (UTCDateTime, Uuid, Text)):
        return "text"
    if isinstance(kind, String):
        return "string"
    if isinstance(kind, JSON):
        return "json"
    return "any"


_TEST = {
    "int": "{v}.__class__ is int",
    "number": "({v}.__class__ is int or {v}.__class__ is float)",
    "text": "{v}.__class__ is str",
    "string": "({v}.__class__ is str and len({v}) <= {n})",
    "date": "({v}.__class__ is str and iso_date({v}))",
}


@cache
def accepts(tbl: str) -> Callable[[tuple[Any, ...]], bool]:
    """True when every column of the storage tuple has a storable value."""
    c = codec(tbl)
    terms = []
    for i, column in enumerate(c.table.columns):
        test = _TEST.get(_kind(column))
        if column.name in c.local_columns or test is None:
            if not column.nullable and column.name not in c.local_columns:
                terms.append(f"t[{i}] is not None")
            continue
        length = getattr(column.type, "length", None)
        check = test.format(v=f"t[{i}]", n=length) if length is not None or "{n}" not in test else f"t[{i}].__class__ is str"
        terms.append(check if not column.nullable else f"(t[{i}] is None or {check})")
    env: dict[str, Any] = {"iso_date": _iso_date}
    exec(f"def accepts(t):\n    return {' and '.join(terms) or 'True'}\n", env)  # noqa: S102 — from our own metadata
    return env["accepts"]  # type: ignore[no-any-return]


def _shown(v: Any) -> str:
    text = repr(v)
    return text if len(text) <= 40 else f"{text[:37]}…"


def _column_problem(column: Column[Any], value: Any) -> str | None:
    """Why `value` (as it travelled) cannot be stored in `column`, or None."""
    if value is None:
        return None if column.nullable else "缺少必填值"
    convert = _converters(column)[0]
    try:
        stored = convert(value) if convert is not None else value
    except Exception:  # noqa: BLE001 — any failure of the codec's converter is the answer
        stored = _Unconvertible
    kind, length = _kind(column), getattr(column.type, "length", None)
    if stored is _Unconvertible or not _value_ok(kind, length, stored):
        if kind == "string" and isinstance(value, str) and length is not None:
            return f"长度 {len(value):,} 个字符，超过上限 {length}"
        expected = {"int": "数字" if isinstance(column.type, ScaledDecimal) else "整数", "number": "数字",
                    "date": "YYYY-MM-DD 格式的日期", "string": "文本", "text": "文本"}.get(kind, "有效的值")
        if isinstance(column.type, UTCDateTime):
            expected = "ISO 8601 格式的时间"
        elif isinstance(column.type, Uuid):
            expected = "UUID 编号"
        return f"应为{expected}，收到 {_shown(value)}"
    return None


class _Unconvertible:
    pass


def _value_ok(kind: str, length: int | None, s: Any) -> bool:
    """The test `accepts` inlines (_TEST), for one value."""
    if kind == "int":
        return s.__class__ is int
    if kind == "number":
        return s.__class__ is int or s.__class__ is float
    if kind == "text":
        return s.__class__ is str
    if kind == "string":
        return s.__class__ is str and (length is None or len(s) <= length)
    if kind == "date":
        return s.__class__ is str and _iso_date(s)
    return True


def problem(tbl: str, row: dict[str, Any]) -> str:
    """The first column of an object wire row that cannot be stored, in Chinese:
    "enterprise 表的 revenue 字段：应为数字，收到 'abc'。" plus the advice."""
    c = codec(tbl)
    given = row.get("data")
    data: dict[str, Any] = given if isinstance(given, dict) else {}
    for column in c.table.columns:
        if column.name in c.local_columns:
            continue
        if column.name in ("id", "station_id", "version", "deleted"):
            value = row.get(column.name)
        elif column.name not in data:  # a missing key takes the column default
            if _missing_default(column) is None and not column.nullable and not isinstance(column.type, UTCDateTime):
                return f"{tbl} 表的 {column.name} 字段：缺少必填值。{ROW_ERROR_ADVICE}"
            continue
        else:
            value = data[column.name]
        found = _column_problem(column, value)
        if found is not None:
            return f"{tbl} 表的 {column.name} 字段：{found}。{ROW_ERROR_ADVICE}"
    return f"{tbl} 表的这一行无法保存到本机。{ROW_ERROR_ADVICE}"
