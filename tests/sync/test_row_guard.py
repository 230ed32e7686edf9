"""The pull's apply-time guard (app/sync/row_guard.py) takes its verdict from the shared row
rules (app/domain/row_rules), the ones HQ checks pushes against: for rows of every synced
table, object and array alike, the generated fast check says exactly what the rules say,
including near every limit (issue 10: "The rules come from one shared definition")."""

from __future__ import annotations

import random
from typing import Any

import pytest

from app.domain.row_rules import MAX_ROW_JSON_CHARS, TABLE_RULES, FieldRule, Kind, row_problem
from app.models.database import Database
from app.sync import pull, quarantine, row_guard
from app.sync.codec import codec
from app.sync.protocol import SYNCED_TABLES, rule_data

MISSING = object()
UUID = "0192f3a4-5b6c-7d8e-9f01-23456789abcd"


def _candidates(rule: FieldRule) -> list[Any]:
    """Values each kind's check must tell apart: good ones, and ones off by a little."""
    odd: list[Any] = [None, MISSING, True, 0, 1.5, "", " ", "abc", [], {}, float("nan")]
    kind = rule.kind
    if kind is Kind.TEXT:
        n = rule.max_len or 100
        good = sorted(rule.choices)[:2] if rule.choices else ["广州示例", "x" * n]
        return [*good, "长" * n, "长" * (n + 1), " " * 3, *odd]
    if kind is Kind.CREDIT_CODE:
        return ["91440101MA59UQXX8B", "91440101MA59UQXX8I", "9144 0101MA59UQXX8B", "91440101ma59uqxx8b", *odd]
    if kind is Kind.UUID:
        return [UUID, UUID.upper(), UUID.replace("-", ""), "{" + UUID + "}", UUID[:-1] + "g", UUID + " ", *odd]
    if kind is Kind.DATE:
        return ["2026-03-02", "2026-02-28", "2026-02-30", "2025-02-29", "2024-02-29", "0000-01-01", "2026-3-2", "２０２６-03-02",
                "2026-W10-1", "2026-03-02\n", "2026-13-01", *odd]
    if kind is Kind.TIMESTAMP:
        return ["2026-03-02T09:30:00.123456+00:00", "2026-03-02T09:30:00+08:00", "2026-03-02 09:30", "0001-01-01T00:00:00+05:00",
                "2026-03-02T25:00:00+00:00", "2026-02-28T23:59:59+00:00", "2025-02-29T00:00:00+00:00", "2026-03-02T09:30:60+00:00",
                "2026-03-02T09:30:00.12345+00:00", "2026-03-02T09:30:00.123456+00:00\n", "0999-03-02T09:30:00+00:00", *odd]
    if kind in (Kind.INTEGER, Kind.DECIMAL, Kind.NUMBER):
        low, high = rule.minimum, rule.maximum
        edges: list[Any] = [0, 7, -1, 10**16, 2**63, "12.30", "12.345", "12.3450", "-0.01", "007", "1e3", " 1", "1.", ".5", "１２",
                            "9" * 14, "9" * 15 + ".99", "9" * 16, "9" * 19, 3.25, float("inf"), False]
        for bound in (low, high):
            if bound is not None:
                edges += [int(bound), int(bound) - 1, int(bound) + 1, str(bound)]
        return [*edges, *odd]
    if kind is Kind.BOOLEAN:
        return [True, False, 1, "true", *odd]
    if kind is Kind.TEXT_MAP:
        near = {f"第{i}部分": "长" * 20_000 for i in range(3)}  # 60,000 characters: the row still fits
        over = {f"第{i}部分": "长" * 20_000 for i in range(4)}  # each section fits, the row does not
        return [{"总结": "完成"}, near, over, {"a": 1}, {"k" * 65: "x"}, {"a": "长" * 20_001}, *odd]
    if kind is Kind.NUMBER_MAP:
        return [{"visits": 120.0, "n": None}, {"visits": "120"}, {"v": 1e16}, *odd]
    return [[{"n": 1, "x": 2.5, "y": None}], [{"a": "长" * 201}], [1], *odd]


def _rows(tbl: str, rng: random.Random, n: int) -> list[dict[str, Any]]:
    rules = TABLE_RULES[tbl]
    envelope = {"id": [UUID, UUID.upper(), "x", None, MISSING], "station_id": [None, UUID, MISSING, 5],
                "version": [1, 0, -1, 2**63, True, "1", MISSING], "deleted": [False, True, 0, None, MISSING]}
    rows = []
    for i in range(n):
        bad = rng.random() < 0.5  # half the rows: one value from anywhere, the rest from the good values
        row: dict[str, Any] = {"tbl": tbl}
        for name, values in envelope.items():
            row[name] = rng.choice(values) if bad and rng.random() < 0.1 else values[0]
        data = {}
        for name, rule in rules.items():
            values = _candidates(rule)
            good = [v for v in values if v is not MISSING and rule.problem(v) is None]
            value = rng.choice(values) if bad and rng.random() < 0.2 else rng.choice(good)
            if rule.kind is Kind.TEXT and rule.max_len and i % 7 == 0:
                value = "长" * rule.max_len  # long texts: near the row size limit
            data[name] = value
        row["data"] = {k: v for k, v in data.items() if v is not MISSING}
        rows.append({k: v for k, v in row.items() if v is not MISSING})
    return rows


def _as_array(tbl: str, row: dict[str, Any]) -> list[Any]:
    names = codec(tbl).data_columns
    absent = [n for n in names if n not in row["data"]]
    return [tbl, row.get("id"), row.get("station_id"), row.get("version"), row.get("deleted"), None, absent or None,
            *(row["data"].get(n) for n in names)]


def _verdict(tbl: str, row: dict[str, Any]) -> bool:
    """The rules' own verdict, written out independently of row_guard."""
    version = row.get("version")
    envelope_ok = (row.get("id") in (UUID, UUID.upper()) and row.get("station_id", None) in (None, UUID)
                   and type(version) is int and 0 <= version < 2**63 and type(row.get("deleted")) is bool)
    return envelope_ok and row_problem(tbl, rule_data(tbl, row["data"])) is None


@pytest.mark.parametrize("tbl", SYNCED_TABLES)
def test_the_guard_says_what_the_rules_say(tbl: str) -> None:
    rng = random.Random(tbl)
    objects, arrays = row_guard.accepts(tbl, False), row_guard.accepts(tbl, True)
    seen = {True: 0, False: 0}
    for row in _rows(tbl, rng, 400):
        expected = _verdict(tbl, row)
        seen[expected] += 1
        assert objects(row) is expected, (row, row_guard.first_problem(tbl, row))
        array = _as_array(tbl, row)
        assert arrays(array) is expected, (array, row_guard.first_problem(tbl, row))
        assert (row_guard.first_problem(tbl, row) is None) is expected
    assert seen[True] > 20 and seen[False] > 20, seen
    if tbl == "annual_report":  # the size limit was met both ways
        too_big = [r for r in _rows(tbl, random.Random(tbl), 400) if (row_guard.first_problem(tbl, r) or ("",))[0] == "data"]
        assert too_big


def test_a_row_over_the_size_limit_is_refused_though_each_field_fits() -> None:
    rules = TABLE_RULES["service_record"]
    data = {name: "长" * (rule.max_len or 0) for name, rule in rules.items()
            if rule.kind is Kind.TEXT and not rule.choices and rule.max_len and rule.max_len >= 1000}
    data |= {"enterprise_id": UUID, "service_date": "2026-03-02", "category": "finance", "note_extra": "长" * 60_000}
    row = {"tbl": "service_record", "id": UUID, "station_id": None, "version": 1, "deleted": False, "data": data}
    assert all(rules[n].problem(v) is None for n, v in data.items() if n in rules)
    assert len(str(data)) > MAX_ROW_JSON_CHARS
    assert row_guard.accepts("service_record", False)(row) is False
    assert "最多65536个" in row_guard.problem("service_record", row)


def test_text_that_escapes_long_in_json_counts_at_its_escaped_size() -> None:
    """The generated size bound counts six characters a character of text: a control character
    is one character in Python and six (\\u0001) in the row's JSON.  An expert's texts, each
    within its rule, all of \\x01: ~20,000 characters as Python counts them, ~120,000 as JSON."""
    data: dict[str, Any] = {n: "\x01" * (r.max_len or 0) for n, r in TABLE_RULES["expert"].items() if r.kind is Kind.TEXT}
    data |= {"created_at": "2026-03-02T09:30:00+00:00", "updated_at": "2026-03-02T09:30:00+00:00"}  # no absent keys
    row = {"tbl": "expert", "id": UUID, "station_id": None, "version": 1, "deleted": False, "data": data}
    assert all(TABLE_RULES["expert"][n].problem(v) is None for n, v in data.items())
    assert row_guard.accepts("expert", False)(row) is False
    array = _as_array("expert", row)
    assert array[6] is None  # every column sent: the generated test decides, not the rules
    assert row_guard.accepts("expert", True)(array) is False
    assert "最多65536个" in row_guard.problem("expert", row)


def test_the_message_names_the_field_and_what_hq_sent() -> None:
    def message(data: dict[str, Any], tbl: str = "enterprise") -> str:
        return row_guard.problem(tbl, {"tbl": tbl, "id": UUID, "station_id": None, "version": 1, "deleted": False, "data": data})

    assert "revenue 字段：应为数字，收到 'abc'" in message({"name": "企业", "revenue": "abc"})
    assert "name 字段：缺少必填值" in message({"district": "天河区"})
    assert "超过上限 200" in message({"name": "长" * 300})
    assert "status 字段：" in message({"name": "企业", "status": "bogus"}) and "不是可选的值" in message({"name": "企业", "status": "bogus"})
    assert "credit_code 字段：" in message({"name": "企业", "credit_code": "123"})
    assert "联系服务总站" in message({"name": "企业", "credit_code": "123"})
    for not_an_object in ("x", ["name"], None, 5):
        assert "这一行：应为一组字段（JSON 对象）" in message(not_an_object)  # type: ignore[arg-type]


def test_a_tombstone_with_a_malformed_version_is_kept_not_applied(db: Database) -> None:
    """A bad tombstone still deletes (only `deleted` and `version` matter), unless those are bad
    themselves: then it is kept in quarantine, and the pull goes on."""
    row_id = "0192f3a4-5b6c-7d8e-9f01-23456789abce"
    live = {"tbl": "enterprise", "id": row_id, "station_id": None, "version": 1, "deleted": False, "data": {"name": "企业"}}
    with db.engine.connect() as conn:
        pull.apply_page(conn, pull.MAIN_SCOPE, [live], {"c": 1}, True)
        tombstone = {**live, "version": "2", "deleted": True, "data": {"name": None}}
        assert pull.apply_page(conn, pull.MAIN_SCOPE, [tombstone], {"c": 2}, True) == 0
        assert conn.exec_driver_sql("SELECT version, deleted FROM enterprise").all() == [(1, 0)]
        kept = quarantine.listed(conn)
        assert [(q.row_id, "version 字段：应为整数" in q.error) for q in kept] == [(row_id, True)]
        assert pull.read_cursor(conn, pull.MAIN_SCOPE) == ({"c": 2}, True)
