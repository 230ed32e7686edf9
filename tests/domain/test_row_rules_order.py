"""row_problem's shortcut for the usual row (every required key there: its own keys checked first)
names the same first problem, or none, as checking the table's rules in order, for rows of every
synced table with good, bad, missing and unknown values; and a canonical uuid of either case is
what the uuid rule takes."""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping

from app.domain.row_rules import check
from app.domain.row_rules.check import RowProblem, _size_problem
from app.domain.row_rules.tables import TABLE_RULES

VALUES: list[object] = [None, "", " ", "x" * 300, "2026-03-02", "2026-02-30", "not a date", 5, -1, 10**20, 1.5,
                        float("inf"), True, str(uuid.uuid4()), str(uuid.uuid4()).upper(), "{" + str(uuid.uuid4())[1:],
                        "policy", "12.30", "12.345", "2026-03-02T09:30:00+08:00", {}, [], {"a": "b"}, [{"a": 1}],
                        "91440101MA5C000011", "x" * 70000]


def in_order(tbl: str, data: Mapping[str, object]) -> RowProblem | None:
    """The rules in the table's order, as row_problem always checked them."""
    for name, rule in TABLE_RULES[tbl].items():
        if name not in data:
            if rule.required:
                return RowProblem(name, rule.label, "缺少这一项，请填写后再保存")
            continue
        detail = rule.problem(data[name])
        if detail is not None:
            return RowProblem(name, rule.label, detail)
    return _size_problem(data)


def test_the_first_problem_is_the_one_the_ordered_rules_name() -> None:
    rng = random.Random(14)
    for tbl, rules in TABLE_RULES.items():
        names = [*rules, "unknown_key"]
        for _ in range(400):
            keys = [n for n in names if rng.random() < 0.8]
            rng.shuffle(keys)
            data = {k: rng.choice(VALUES) if rng.random() < 0.3 else _good(rules.get(k)) for k in keys}
            assert check.row_problem(tbl, data) == in_order(tbl, data), (tbl, data)


def _good(rule: object) -> object:
    """A value the rule most likely takes (a plain row), so most rows have no problem at all."""
    kind = getattr(getattr(rule, "kind", None), "name", "")
    return {"UUID": str(uuid.uuid4()), "DATE": "2026-03-02", "INTEGER": 1, "NUMBER": 1, "DECIMAL": "1.00",
            "BOOLEAN": True}.get(kind, "文字")


def test_a_uuid_is_its_canonical_text_in_either_case() -> None:
    rule = TABLE_RULES["service_record"]["enterprise_id"]
    good = str(uuid.uuid4())
    assert rule.problem(good) is None and rule.problem(good.upper()) is None
    for bad in (good.replace("-", "")[:36], "{" + good[1:-1] + "}", "urn:uuid:" + good[:27], good[:35] + "g",
                good[:8] + "_" + good[9:], " " + good[1:], good[:35] + "\uff11", good[:35] + "İ"):
        assert rule.problem(bad) is not None, bad
