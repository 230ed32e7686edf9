"""Can this pulled row be stored here?  The apply-time guard of the pull.

The answer comes from the shared row rules (app/domain/row_rules), the very rules HQ
checks every pushed row against: a row HQ would refuse (revenue "abc", a 100 KB name,
a status outside its enumeration, a malformed credit code) is quarantined here
(app/sync/quarantine.py), whoever wrote it into HQ's store.  A rule changed there
changes both sides.  What this module adds is only what the rules cannot know:

- the wire envelope beside `data` (`id`, `station_id`, `version`, `deleted`), checked
  by `ENVELOPE`, rules built with the same `FieldRule`s;
- which keys count: bookkeeping and local-only keys are dropped as HQ drops them
  (`protocol.rule_data`); an array row carries only the columns this station asked for;
- speed: a bootstrap checks a million rows.  `accepts(tbl, arrays)` is generated per
  table from the rules: an inline test clears the common values (short text, uuids,
  bounded integers, booleans) and the row's size by a bound; any value it cannot clear
  goes to the rule itself, and a row it does not clear is judged by `first_problem`,
  the rules' own verdict.  The inline tests only ever accept what the rule accepts
  (tests/sync/test_row_guard.py checks this on every kind).

Converting wire values to storage is the codec's job (app/sync/codec.py); a value the
rules accept always converts, and a row the database still refuses (a UNIQUE code) is
found by app/sync/pull.py.  `problem(tbl, row)` names the field and the fix in Chinese.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from app.domain import credit_code, row_rules
from app.domain.messages import Msg
from app.domain.row_rules import TABLE_RULES, FieldRule, Kind
from app.domain.row_rules.fields import of
from app.sync import quarantine
from app.sync.codec import codec
from app.sync.protocol import ROW_ARRAY_HEAD, rule_data

ROW_ERROR_ADVICE = "这是服务总站的数据有误，请联系服务总站更正；更正后或升级本软件后会自动重试。"

# The wire row's own fields (docs/sync-protocol.md, "Wire rows"): what HQ's request shapes
# (app/hq/wire.py) and its store guarantee, checked here as every `data` key is.
ENVELOPE: dict[str, FieldRule] = {
    "id": of("记录编号", Kind.UUID, required=True),
    "station_id": of("所属服务站", Kind.UUID, nullable=True),
    "version": of("版本号", Kind.INTEGER, required=True, minimum=0, maximum=2**63 - 1),
    "deleted": of("删除标记", Kind.BOOLEAN, required=True),
}
_ARRAY_AT = {name: ROW_ARRAY_HEAD.index(name) for name in ENVELOPE}
_ARRAY_DATA = len(ROW_ARRAY_HEAD)
_MISSING = object()
_UUID_SHAPE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE).fullmatch

# Dates and UTC times as HQ writes them, in a range where every match is a real moment (day
# ≤ 28, years 1000-9999); anything else (the 29th, another offset) goes to the rule.
_DAY = "[1-9][0-9]{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
_DATE_SHAPE = re.compile(_DAY).fullmatch
_CREDIT_CODE_SHAPE = re.compile(f"[{''.join(credit_code.VALUES)}]{{18}}").fullmatch
_UTC_SHAPE = re.compile(_DAY + r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{6})?\+00:00").fullmatch

Found = tuple[str, FieldRule | None, Any, str]  # field, its rule, the value as sent, the rule's detail


def first_problem(tbl: str, row: dict[str, Any]) -> Found | None:
    """The rules' verdict on an object wire row: its first problem, or None when it may be stored."""
    for name, rule in ENVELOPE.items():
        value = row.get(name, _MISSING)
        detail = rule.problem(None if value is _MISSING else value)
        if detail is not None:
            return name, rule, value, detail
    data = row.get("data")
    if not isinstance(data, dict):
        return "data", None, data, "应为一组字段（JSON 对象）"
    found = row_rules.row_problem(tbl, rule_data(tbl, data))
    if found is None:
        return None
    return found.field, TABLE_RULES.get(tbl, {}).get(found.field), data.get(found.field, _MISSING), found.detail


def envelope_ok(row: dict[str, Any]) -> bool:
    return all(rule.problem(row.get(name)) is None for name, rule in ENVELOPE.items())


def problem(tbl: str, row: dict[str, Any]) -> str:
    """Why an object wire row cannot be stored, in Chinese, for the 同步 page:
    "enterprise 表的 revenue 字段：应为数字，收到 'abc'。" plus the advice."""
    found = first_problem(tbl, row)
    if found is None:
        return Msg("%1 表的这一行无法保存到本机。%2", tbl, ROW_ERROR_ADVICE)
    name, rule, value, detail = found
    if rule is None:  # the row as a whole: too big, or no data
        return Msg("%1 表的这一行：%2。%3", tbl, detail, ROW_ERROR_ADVICE)
    return Msg("%1 表的 %2 字段：%3。%4", tbl, name, _phrase(rule, value, detail), ROW_ERROR_ADVICE)


_EXPECTED = {
    Kind.TEXT: "文本", Kind.UUID: "UUID 编号", Kind.DATE: "YYYY-MM-DD 格式的日期", Kind.TIMESTAMP: "ISO 8601 格式的时间",
    Kind.DECIMAL: "数字", Kind.INTEGER: "整数", Kind.NUMBER: "数字", Kind.BOOLEAN: "true 或 false",
}


def _phrase(rule: FieldRule, value: Any, detail: str) -> str:
    """What HQ sent, said to the station's user: a missing value, a length or a wrong type in
    plain words; anything else (an enumeration, a credit code, a range) in the rule's words."""
    if value is _MISSING or value is None:
        return "缺少必填值"
    if rule.kind is Kind.TEXT and isinstance(value, str) and rule.max_len is not None and len(value) > rule.max_len:
        return Msg("长度 %1 个字符，超过上限 %2", f'{len(value):,}', rule.max_len)
    expected = _EXPECTED.get(rule.kind)
    loose = dataclasses.replace(rule, choices=None, not_blank=False, max_len=None, minimum=None, maximum=None, places=18)
    if expected is not None and loose.problem(value) is not None:
        return Msg("应为%1，收到 %2", expected, _shown(value))
    return detail.rstrip("。")


def _shown(v: Any) -> str:
    text = repr(v) if isinstance(v, str | int | float | bool) else type(v).__name__
    return text if len(text) <= 40 else f"{text[:37]}…"


# --- the generated check -------------------------------------------------------------
def _fast(rule: FieldRule, v: str, env: dict[str, Any], key: str) -> str:
    """A Python expression over `v` that is true only when `rule` accepts the value."""
    kind = rule.kind
    if kind is Kind.TEXT:
        test = f"{v}.__class__ is str"
        if rule.choices is not None:
            env[f"c_{key}"] = rule.choices
            test += f" and {v} in c_{key}"
        if rule.max_len is not None:
            test += f" and len({v}) <= {rule.max_len}"
        if rule.not_blank:
            test += f" and {v}.strip() != ''"
        test = f"({test})"
    elif kind is Kind.UUID:
        test = f"({v}.__class__ is str and uuid_shape({v}) is not None)"
    elif kind in (Kind.DATE, Kind.TIMESTAMP):
        env[f"p_{key}"] = rule.problem
        shape = "date_shape" if kind is Kind.DATE else "utc_shape"
        test = f"(({v}.__class__ is str and {shape}({v}) is not None) or p_{key}({v}) is None)"
    elif kind is Kind.CREDIT_CODE:  # well shaped: accepted as it stands (the check character is only a warning)
        env[f"p_{key}"] = rule.problem
        test = f"(({v}.__class__ is str and credit_code_shape({v}) is not None) or p_{key}({v}) is None)"
    elif kind is Kind.DECIMAL and (digits := _decimal_digits(rule)):
        env[f"p_{key}"] = rule.problem
        env[f"s_{key}"] = re.compile(f"[0-9]{{1,{digits}}}(?:\\.[0-9]{{1,{rule.places}}})?").fullmatch
        test = f"(({v}.__class__ is str and s_{key}({v}) is not None) or p_{key}({v}) is None)"
    elif kind is Kind.BOOLEAN:
        test = f"{v}.__class__ is bool"
    elif kind is Kind.INTEGER and _integral(rule.minimum) and _integral(rule.maximum):
        test = f"({v}.__class__ is int and {int(rule.minimum or 0)} <= {v} <= {int(rule.maximum or 0)})"
    else:  # dates, timestamps, decimals, credit codes, JSON: the rule's own check
        env[f"p_{key}"] = rule.problem
        test = f"p_{key}({v}) is None"
    return f"({v} is None or {test})" if rule.nullable else test


def _decimal_digits(rule: FieldRule) -> int:
    """Digits before the point that a plain decimal string may have and stay in range
    (0: none, every value goes to the rule)."""
    low, high = rule.minimum, rule.maximum
    if low is None or low > 0 or high is None or high < 10:
        return 0
    return min(len(str(int(high))) - 1, 18)


def _integral(bound: Any) -> bool:
    return bound is not None and bound == int(bound)


# Bound of a value's compact JSON in characters, beyond 6 per character of text (an escape
# takes at most 6): quotes, or the longest value the rule accepts of a bounded kind; None
# where the rules set no bound (unbounded numbers, JSON objects and lists).
_VALUE_CHARS = {Kind.TEXT: 6, Kind.CREDIT_CODE: 6, Kind.UUID: 38, Kind.DATE: 12, Kind.TIMESTAMP: 42, Kind.BOOLEAN: 5}


def _value_chars(rule: FieldRule) -> int | None:
    if rule.kind in (Kind.INTEGER, Kind.DECIMAL, Kind.NUMBER):
        # within ±10^18: ≤ 20 characters as an integer, ≤ 24 as a float's repr, a decimal
        # string ≤ 38 and its quotes
        low, high = rule.minimum, rule.maximum
        return 64 if low is not None and high is not None and abs(low) < 10**18 and abs(high) < 10**18 else None
    return _VALUE_CHARS.get(rule.kind)


def _size_test(names: tuple[str, ...], value: Callable[[int, str], str], rules: dict[str, FieldRule]) -> str | None:
    """An expression true only when the row's data is within MAX_ROW_JSON_CHARS; None when
    the row must be measured."""
    static, dynamic = 2, []
    for i, name in enumerate(names):
        rule = rules.get(name)
        chars = None if rule is None else _value_chars(rule)
        if rule is None or chars is None:
            return None
        static += len(name) + 4 + chars  # "name": and a comma
        if rule.kind in (Kind.TEXT, Kind.CREDIT_CODE):
            v = value(i, name)
            dynamic.append(f"(6 * len({v}) if {v}.__class__ is str else 0)")
    return f"{static} + {' + '.join(dynamic) or '0'} <= {row_rules.MAX_ROW_JSON_CHARS}"


@cache
def accepts(tbl: str, arrays: bool) -> Callable[[Any], bool]:
    """True when a wire row of `tbl` (an array row if `arrays`, else an object row) may be
    stored: the rules' verdict, taken by the generated test when it clears the row."""
    rules = TABLE_RULES.get(tbl, {})
    env: dict[str, Any] = {"uuid_shape": _UUID_SHAPE, "date_shape": _DATE_SHAPE, "utc_shape": _UTC_SHAPE,
                           "credit_code_shape": _CREDIT_CODE_SHAPE, "M": _MISSING, "json_chars": row_rules.json_chars}
    terms = [_fast(rule, f"h{_ARRAY_AT[n]}" if arrays else f"r.get({n!r}, M)", env, f"e_{n}")
             for n, rule in ENVELOPE.items()]
    if arrays:
        names = codec(tbl).data_columns
        env["names"], env["slow"] = names, lambda r: first_problem(tbl, quarantine.as_object(tbl, r)) is None

        def at(i: int, name: str) -> str:
            return f"v{i}"

        terms += [_fast(rules[n], at(i, n), env, f"d_{i}") for i, n in enumerate(names) if n in rules]
        terms.append(_size_test(names, at, rules) or f"json_chars(dict(zip(names, r[{_ARRAY_DATA}:]))) <= MAX")
        head = f"    if r[{ROW_ARRAY_HEAD.index('absent')}] is not None:\n        return slow(r)\n"
        head += f"    if len(r) != {_ARRAY_DATA + len(names)}:\n        return slow(r)\n"
        local = [f"h{i}" for i in range(_ARRAY_DATA)] + [f"v{i}" for i in range(len(names))]
        head += f"    {', '.join(local)}, = r\n"  # one unpacking: locals are the cheapest reads
    else:
        env["slow"] = lambda r: first_problem(tbl, r) is None
        for i, (name, rule) in enumerate(rules.items()):
            test = _fast(rule, f"v{i}", env, f"d_{i}")
            terms.append(f"((v{i} := g({name!r}, M)) is M or {test})" if not rule.required else
                         f"((v{i} := g({name!r}, M)) is not M and {test})")
        terms.append("json_chars(d) <= MAX")
        head = "    d = r.get('data')\n    if d.__class__ is not dict:\n        return slow(r)\n    g = d.get\n"
    env["MAX"] = row_rules.MAX_ROW_JSON_CHARS
    source = f"def accepts(r):\n{head}    return ({' and '.join(terms)}) or slow(r)\n"
    exec(compile(source, f"<row_guard {tbl}>", "exec"), env)  # noqa: S102 — generated from the shared rules
    check: Callable[[Any], bool] = env["accepts"]
    return check
