"""The shared row rules (app/domain/row_rules) against the station's ORM models and the
sync protocol: the rules are the one definition, so they must cover every synced column
and agree with the schema, and each kind of value is accepted or refused as documented."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import JSON, Boolean, Float, Integer, String, Text, Uuid

from app.domain import row_rules
from app.domain.row_rules import TABLE_RULES, Kind, row_problem
from app.models import Base
from app.models.types import ISODate, ScaledDecimal, UTCDateTime
from app.sync import protocol
from app.sync.codec import TOP_LEVEL

KINDS = {
    Uuid: {Kind.UUID}, ISODate: {Kind.DATE}, UTCDateTime: {Kind.TIMESTAMP}, ScaledDecimal: {Kind.DECIMAL},
    Boolean: {Kind.BOOLEAN}, Integer: {Kind.INTEGER}, Float: {Kind.NUMBER},
    JSON: {Kind.TEXT_MAP, Kind.NUMBER_MAP, Kind.RECORD_LIST}, String: {Kind.TEXT, Kind.CREDIT_CODE},
}


def synced_columns(tbl: str) -> dict[str, Any]:
    local = protocol.LOCAL_ONLY_COLUMNS.get(tbl, frozenset())
    table = Base.metadata.tables[tbl]
    return {c.name: c for c in table.columns if c.name not in TOP_LEVEL and c.name not in local}


def test_every_synced_table_and_column_has_exactly_one_rule() -> None:
    assert set(TABLE_RULES) == set(protocol.SYNCED_TABLES)
    for tbl in protocol.SYNCED_TABLES:
        assert set(TABLE_RULES[tbl]) == set(synced_columns(tbl)), tbl


@pytest.mark.parametrize("tbl", protocol.SYNCED_TABLES)
def test_rules_agree_with_the_schema(tbl: str) -> None:
    for name, column in synced_columns(tbl).items():
        rule, where = TABLE_RULES[tbl][name], f"{tbl}.{name}"
        assert rule.nullable == column.nullable, where
        assert rule.required == (not column.nullable and column.default is None), where
        kind = next(k for t, k in KINDS.items() if isinstance(column.type, t))
        assert rule.kind in kind, where
        if isinstance(column.type, String) and not isinstance(column.type, Text) and column.type.length:
            assert rule.max_len is not None and rule.max_len <= column.type.length, where
        if rule.kind is Kind.TEXT:
            assert rule.max_len is not None and rule.max_len <= row_rules.MAX_FREE_TEXT_CHARS, where


def test_limits_are_the_documented_ones() -> None:
    assert (row_rules.MAX_NAME_CHARS, row_rules.MAX_FREE_TEXT_CHARS, row_rules.MAX_ROW_JSON_CHARS) == (200, 20_000, 65_536)
    names = [r for rules in TABLE_RULES.values() for n, r in rules.items() if n in ("name", "title")]
    assert names and all(r.max_len is not None and r.max_len <= 300 for r in names)


GOOD_ENTERPRISE = {"name": "广州示例科技有限公司", "credit_code": "91440101MA59UQXX8B", "revenue": "12.30",
                   "employees": 12, "district": "天河区", "status": "active", "created_at": "2026-01-02T03:04:05+00:00"}


def test_a_good_row_passes() -> None:
    from app.domain.credit_code import make_code

    assert row_problem("enterprise", dict(GOOD_ENTERPRISE, credit_code=make_code("91440101MA59UQXX8"))) is None
    assert row_problem("enterprise", dict(GOOD_ENTERPRISE, credit_code=None, revenue=None)) is None
    code = make_code("91440101MA59UQXX8")
    wrong_check = code[:17] + ("0" if code[17] != "0" else "1")  # kept with credit_code_warning, as the form does
    assert row_problem("enterprise", dict(GOOD_ENTERPRISE, credit_code=wrong_check, credit_code_warning=True)) is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"revenue": "abc"}, "revenue"),  # finding 1
        ({"revenue": "NaN"}, "revenue"),
        ({"revenue": "1e400"}, "revenue"),
        ({"revenue": "-1"}, "revenue"),
        ({"revenue": "1.234"}, "revenue"),
        ({"revenue": True}, "revenue"),
        ({"name": None}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "名" * 201}, "name"),  # finding 2, in small
        ({"name": ["a"]}, "name"),
        ({"employees": 1.5}, "employees"),
        ({"employees": -1}, "employees"),
        ({"status": "gone"}, "status"),
        ({"status": {"a": 1}}, "status"),
        ({"district": "北京"}, "district"),
        ({"credit_code": "91440101"}, "credit_code"),
        ({"credit_code": "91440101 MA59UQXX8B"}, "credit_code"),
        ({"credit_code": "91440101ma59uqxx8b"}, "credit_code"),
        ({"credit_code": "91440101MA59UQXX8I"}, "credit_code"),
        ({"created_at": "yesterday"}, "created_at"),
        ({"created_at": "0001-01-01T00:00:00+14:00"}, "created_at"),
        ({"credit_code_warning": 1}, "credit_code_warning"),
        ({"notes": "x" * 2001}, "notes"),
    ],
)
def test_each_rule_refuses_its_bad_values(changes: dict[str, Any], field: str) -> None:
    from app.domain.credit_code import make_code

    problem = row_problem("enterprise", {**GOOD_ENTERPRISE, "credit_code": make_code("91440101MA59UQXX8"), **changes})
    assert problem is not None and problem.field == field
    assert len(problem.message) < 200 and "（" + field + "）" in problem.message


def test_missing_required_key_and_missing_defaulted_key() -> None:
    problem = row_problem("enterprise", {"credit_code": None})
    assert problem is not None and problem.field == "name" and "缺少" in problem.message
    assert row_problem("enterprise", {"name": "某公司"}) is None  # the rest take their defaults


@pytest.mark.parametrize(
    ("tbl", "data", "field"),
    [
        ("service_record", {"enterprise_id": {"a": 1}}, "enterprise_id"),
        ("service_record", {"service_date": "2026-13-01"}, "service_date"),
        ("service_record", {"service_date": "20260101"}, "service_date"),
        ("service_record", {"prep_minutes": 10**9}, "prep_minutes"),
        ("service_record", {"satisfaction": 6}, "satisfaction"),
        ("service_record", {"fee": float("inf")}, "fee"),
        ("annual_report", {"status": ["draft"]}, "status"),  # finding 4
        ("annual_report", {"narrative": {"work_done": 3}}, "narrative"),
        ("annual_report", {"targets": {"events": "many"}}, "targets"),
        ("annual_report", {"planned_events": [{"title": "x" * 201}]}, "planned_events"),
        ("event", {"satisfaction": float("nan")}, "satisfaction"),
        ("event", {"event_type": "party"}, "event_type"),
        # caps of the JSON columns: numbers, items, keys, key length, section length
        ("annual_report", {"targets": {"events": 1e16}}, "targets"),
        ("annual_report", {"planned_events": [{"title": "沙龙"}] * 501}, "planned_events"),
        ("annual_report", {"narrative": {f"s{i}": "x" for i in range(65)}}, "narrative"),
        ("annual_report", {"narrative": {"k" * 65: "x"}}, "narrative"),
        ("annual_report", {"narrative": {"work_done": "x" * 20_001}}, "narrative"),
        # Python's fromisoformat takes these, the wire's 10-40 characters do not
        ("event", {"starts_at": "20260302"}, "starts_at"),
        ("event", {"starts_at": "2026-03-02T09:00:00.000000+08:00:00.000000"}, "starts_at"),
    ],
)
def test_station_owned_rules(tbl: str, data: dict[str, Any], field: str) -> None:
    base: dict[str, dict[str, Any]] = {
        "service_record": {"enterprise_id": "01a21e26-33d0-7370-88a6-f3f130a5ce61", "service_date": "2026-03-02",
                           "category": "policy"},
        "annual_report": {"year": 2026, "kind": "summary"},
        "event": {"title": "沙龙", "event_type": "salon", "starts_at": "2026-03-02T09:00:00+08:00",
                  "ends_at": "2026-03-02T11:00:00+08:00"},
    }
    assert row_problem(tbl, base[tbl]) is None
    problem = row_problem(tbl, {**base[tbl], **data})
    assert problem is not None and problem.field == field


def test_a_row_over_the_size_limit_is_refused_even_with_unknown_keys() -> None:
    problem = row_problem("enterprise", {"name": "某公司", "future_column": "x" * 70_000})
    assert problem is not None and problem.field == "data"
    narrative = {f"s{i}": "字" * 10_000 for i in range(4)}  # an annual summary's four full sections fit
    assert row_problem("annual_report", {"year": 2026, "kind": "summary", "narrative": narrative}) is None


def test_json_columns_are_accepted_up_to_their_caps() -> None:
    year = {"year": 2026, "kind": "summary"}
    assert row_problem("annual_report", {**year, "targets": {"events": 1e15, "n": -(10**15)}}) is None
    assert row_problem("annual_report", {**year, "planned_events": [{"title": "沙龙"}] * 500}) is None
    assert row_problem("annual_report", {**year, "narrative": {f"s{i}": "x" for i in range(64)}}) is None
    assert row_problem("annual_report", {**year, "narrative": {"k" * 64: "x" * 20_000}}) is None


def test_text_that_escapes_long_in_json_counts_at_its_escaped_size() -> None:
    """json_chars skips encoding a row clearly below the limit by a bound: six characters a
    character of text, for a control character escapes to six (\\u0001).  Unknown keys of
    such text, short as Python counts them, are too big as the row travels."""
    data = {"name": "某公司", "a": "\x01" * 12_000, "b": "\x01" * 12_000}
    assert row_rules.json_chars(data) > row_rules.MAX_ROW_JSON_CHARS
    problem = row_problem("enterprise", data)
    assert problem is not None and problem.field == "data"


def test_unknown_table() -> None:
    problem = row_problem("sync_outbox", {})
    assert problem is not None and problem.field == "tbl"
