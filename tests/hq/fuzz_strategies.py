"""Hypothesis strategies built FROM the definitions, not beside them:
- request bodies from each endpoint's pydantic model (its JSON schema, app/hq/wire.py);
- row `data` from the shared row rules (app/domain/row_rules), field by field.
Each node may be swapped for a hostile value: wrong types (lists, objects), nulls,
huge strings, huge integers, non-finite numbers."""

from __future__ import annotations

import datetime as _dt
import uuid
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from app.domain.credit_code import ALPHABET, make_code
from app.domain.row_rules import MAX_FREE_TEXT_CHARS, TABLE_RULES, FieldRule, Kind
from app.models.types import uuid7
from app.sync import protocol

HUGE = "x" * (MAX_FREE_TEXT_CHARS + 1)
HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([HUGE, "", "   ", "abc", "NaN", "1e400", "2026-02-30", "\u0000", "\ud800"]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
PUSHABLE = (*protocol.SHARED, *protocol.STATION_OWNED)
small_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)


def valid_value(rule: FieldRule) -> st.SearchStrategy[Any]:
    """Values the rule accepts (a JSON null too when the column is nullable)."""
    kind = rule.kind
    if kind is Kind.TEXT:
        if rule.choices is not None:
            base: st.SearchStrategy[Any] = st.sampled_from(sorted(rule.choices))
        else:
            size = min(rule.max_len or 20, 20)
            base = small_text.map(lambda t: t[:size]).filter(lambda t: not rule.not_blank or t.strip())
    elif kind is Kind.CREDIT_CODE:
        base = st.text(st.sampled_from(ALPHABET), min_size=17, max_size=17).map(make_code)
    elif kind is Kind.UUID:
        base = st.uuids().map(str)
    elif kind is Kind.DATE:
        base = st.dates(_dt.date(1990, 1, 1), _dt.date(2100, 1, 1)).map(_dt.date.isoformat)
    elif kind is Kind.TIMESTAMP:
        base = st.datetimes(timezones=st.just(_dt.UTC)).map(lambda d: d.isoformat())
    elif kind is Kind.DECIMAL:
        base = st.integers(0, 10**12).map(lambda cents: f"{cents // 100}.{cents % 100:02d}")
    elif kind in (Kind.INTEGER, Kind.NUMBER):
        low = int(rule.minimum) if rule.minimum is not None else -(2**31)
        high = int(rule.maximum) if rule.maximum is not None else 2**31
        base = st.integers(low, high) if kind is Kind.INTEGER else st.floats(low, high)
    elif kind is Kind.BOOLEAN:
        base = st.booleans()
    elif kind is Kind.TEXT_MAP:
        base = st.dictionaries(small_text, small_text, max_size=3)
    elif kind is Kind.NUMBER_MAP:
        base = st.dictionaries(small_text, st.integers(0, 1000), max_size=3)
    else:
        base = st.lists(st.dictionaries(small_text, st.one_of(small_text, st.integers(1, 12)), max_size=3), max_size=3)
    return st.one_of(base, st.none()) if rule.nullable else base


@st.composite
def table_row(draw: st.DrawFn, station: uuid.UUID, tables: tuple[str, ...] = PUSHABLE) -> dict[str, Any]:
    """A wire row of a pushable table: every field from its rule, then (in most rows)
    a few fields swapped for hostile values or a required key left out."""
    tbl = draw(st.sampled_from(tables))
    rules = TABLE_RULES[tbl]
    data = {name: draw(valid_value(rule)) for name, rule in rules.items() if rule.required or draw(st.integers(0, 4))}
    for name in draw(st.lists(st.sampled_from(sorted(rules)), max_size=3, unique=True)):
        data[name] = draw(HOSTILE)
    if draw(st.integers(0, 9)) == 0:
        required = sorted(n for n, r in rules.items() if r.required)
        if required:
            data.pop(draw(st.sampled_from(required)), None)
    row = {"tbl": tbl, "id": str(uuid7()), "station_id": str(station), "version": 1, "deleted": False, "data": data}
    if tbl in protocol.SHARED:
        row["field_hlc"] = dict.fromkeys(data, protocol.hlc_from_ms(1_800_000_000_000))
    return row


def from_model(model: type[BaseModel], hostile_one_in: int = 8) -> st.SearchStrategy[Any]:
    """Bodies for an endpoint from its request model's JSON schema: mostly fitting, with
    hostile values at random nodes (one node in `hostile_one_in`)."""
    schema = model.model_json_schema()
    return _node(schema, schema.get("$defs", {}), hostile_one_in)


def _node(schema: dict[str, Any], defs: dict[str, Any], one_in: int) -> st.SearchStrategy[Any]:
    fitting = st.deferred(lambda: _fitting(schema, defs, one_in))
    return st.integers(1, one_in).flatmap(lambda n: HOSTILE if n == 1 else fitting)


def _fitting(schema: dict[str, Any], defs: dict[str, Any], one_in: int) -> st.SearchStrategy[Any]:
    if "$ref" in schema:
        return _fitting(defs[schema["$ref"].rsplit("/", 1)[1]], defs, one_in)
    if "anyOf" in schema:
        return st.one_of([_node(s, defs, one_in) for s in schema["anyOf"]])
    kind = schema.get("type")
    if kind == "object":
        props = schema.get("properties", {})
        if props:
            required = set(schema.get("required", ()))
            return st.fixed_dictionaries(
                {k: _node(v, defs, one_in) for k, v in props.items() if k in required},
                optional={k: _node(v, defs, one_in) for k, v in props.items() if k not in required},
            )
        values = schema.get("additionalProperties")
        inner = _node(values, defs, one_in) if isinstance(values, dict) else HOSTILE
        return st.dictionaries(small_text, inner, max_size=min(schema.get("maxProperties", 4), 4))
    if kind == "array":
        items = _node(schema.get("items", {}), defs, one_in)
        return st.lists(items, max_size=min(schema.get("maxItems", 3), 3))
    if kind == "string":
        if schema.get("format") == "uuid":
            return st.uuids().map(str)
        if "pattern" in schema:
            return st.from_regex(schema["pattern"], fullmatch=True)
        return small_text
    if kind == "integer":
        low = schema.get("minimum", -(2**63))
        high = schema.get("maximum", schema.get("exclusiveMaximum", 2**63) - 1)
        return st.integers(low, high)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return HOSTILE  # Any
