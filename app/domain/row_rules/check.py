"""Checking one synced row's `data` against its table's rules (app.domain.row_rules.tables)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from app.domain.messages import Msg
from app.domain.row_rules.fields import MAX_ROW_JSON_CHARS
from app.domain.row_rules.tables import TABLE_RULES


@dataclass(frozen=True)
class RowProblem:
    """The first thing wrong with a row: which field, what, and how to fix it (Chinese)."""

    field: str
    label: str
    detail: str

    @property
    def message(self) -> str:
        return Msg("%1（%2）%3", self.label, self.field, self.detail)


def row_problem(tbl: str, data: Mapping[str, object], *, only: Iterable[str] | None = None) -> RowProblem | None:
    """The first problem of a row's `data` (bookkeeping and local-only keys already
    removed), or None when every field fits its rule and the row is not too big.

    Keys without a rule are left alone (a newer station may send columns this side does
    not know yet); they still count towards the row's size.  `only`: check just these
    columns, present or not (the station's own `station` row, of which HQ takes a few).
    """
    rules = TABLE_RULES.get(tbl)
    if rules is None:
        return RowProblem("tbl", "数据表", Msg("“%1”不是同步的数据表", tbl[:30]))
    if only is None and all(name in data for name in _required(tbl)):
        # the usual row (every required key there): its own keys first, and the table's rules in
        # order only when one of them has a problem, so the first problem named is the same
        for name, value in data.items():
            rule = rules.get(name)
            if rule is not None and rule.problem(value) is not None:
                break
        else:
            return _size_problem(data)
    names = rules if only is None else [n for n in only if n in rules]
    for name in names:
        rule = rules[name]
        if name not in data:
            if rule.required and only is None:
                return RowProblem(name, rule.label, "缺少这一项，请填写后再保存")
            continue
        detail = rule.problem(data[name])
        if detail is not None:
            return RowProblem(name, rule.label, detail)
    return _size_problem(data)


@cache
def _required(tbl: str) -> tuple[str, ...]:
    return tuple(name for name, rule in TABLE_RULES[tbl].items() if rule.required)


def _size_problem(data: Mapping[str, object]) -> RowProblem | None:
    size = json_chars(data)
    if size > MAX_ROW_JSON_CHARS:
        return RowProblem("data", "整条记录", Msg("有%1个字符，最多%2个，请删减较长的文字", size, MAX_ROW_JSON_CHARS))
    return None


def json_chars(data: Mapping[str, object]) -> int:
    """The row's size as compact JSON text, in characters; unencodable values count as too big.
    A flat row clearly below the limit is not encoded (an escape takes at most 6 characters)."""
    bound = 2
    for key, value in data.items():
        if isinstance(value, dict | list) or len(key) > 64:
            bound = MAX_ROW_JSON_CHARS  # nested or odd: measure it
            break
        bound += 6 * len(key) + (6 * len(value) if isinstance(value, str) else 32) + 4
    if bound < MAX_ROW_JSON_CHARS:
        return bound
    try:
        return len(json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False))
    except (TypeError, ValueError, RecursionError):
        return MAX_ROW_JSON_CHARS + 1
