"""The caps and types of the sync request shapes (app/hq/wire.py), each at its edge: the
largest value accepted, the next one refused with a 422 naming where.  Without these, a
removed cap went unnoticed: the database or a later check still refused most such requests
(no 500), but with a worse answer, or after work the cap exists to spare."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from app.hq import wire
from app.hq.http_io import ApiError, parse
from app.sync import protocol

ID = str(uuid.uuid4())


def refused(model: type[wire.Strict], payload: Any) -> str:
    with pytest.raises(ApiError) as caught:
        parse(model, payload)
    assert caught.value.status == 422 and caught.value.error == "invalid_request"
    return caught.value.message


def row(**changes: Any) -> dict[str, Any]:
    return {"tbl": "enterprise", "id": str(uuid.uuid4()), "data": {"name": "甲"}, **changes}


def push(*rows: dict[str, Any]) -> dict[str, Any]:
    return {"batch_id": ID, "rows": list(rows)}


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


def test_nesting_past_max_depth_is_refused() -> None:
    wire.check_json_value({"deep": nested(wire.MAX_DEPTH - 1)})
    with pytest.raises(ValueError, match="nesting too deep"):
        wire.check_json_value({"deep": nested(wire.MAX_DEPTH)})
    assert "rows.0.data" in refused(wire.PushRequest, push(row(data={"deep": nested(wire.MAX_DEPTH)})))


def test_a_push_of_more_than_max_push_rows_is_refused() -> None:
    parse(wire.PushRequest, push(*[row() for _ in range(protocol.MAX_PUSH_ROWS)]))
    assert "rows" in refused(wire.PushRequest, push(*[row() for _ in range(protocol.MAX_PUSH_ROWS + 1)]))


@pytest.mark.parametrize("version", [2**63, -1, True, "1"])
def test_a_version_outside_bigint_or_not_an_integer_is_refused(version: Any) -> None:
    parse(wire.PushRequest, push(row(version=2**63 - 1)))
    assert "rows.0.version" in refused(wire.PushRequest, push(row(version=version)))


@pytest.mark.parametrize("field", ["field_hlc", "field_base_hlc"])
def test_a_field_stamp_outside_bigint_is_refused(field: str) -> None:
    parse(wire.PushRequest, push(row(**{field: {"name": 2**63 - 1}})))
    assert f"rows.0.{field}" in refused(wire.PushRequest, push(row(**{field: {"name": 2**63}})))
    assert f"rows.0.{field}" in refused(wire.PushRequest, push(row(**{field: {"name": -1}})))


def test_a_pull_limit_above_the_cap_is_refused() -> None:
    assert parse(wire.PullRequest, {"limit": protocol.MAX_PULL_LIMIT}).limit == protocol.MAX_PULL_LIMIT
    assert "limit" in refused(wire.PullRequest, {"limit": protocol.MAX_PULL_LIMIT + 1})
    assert "limit" in refused(wire.PullRequest, {"limit": 2**70})


def test_a_pull_asking_for_more_array_columns_than_the_cap_is_refused() -> None:
    names = [f"c{i}" for i in range(protocol.MAX_ROW_ARRAY_COLUMNS + 1)]
    parse(wire.PullRequest, {"columns": {"enterprise": names[:-1]}})
    assert "columns.enterprise" in refused(wire.PullRequest, {"columns": {"enterprise": names}})


@pytest.mark.parametrize("table", ["sync_outbox", "hq_user", "station_token"])
def test_a_pull_of_a_table_that_is_not_synced_is_refused(table: str) -> None:
    assert parse(wire.PullRequest, {"table": "enterprise"}).table == "enterprise"
    assert "table" in refused(wire.PullRequest, {"table": table})


def test_a_cursor_txid_longer_than_a_bigint_is_refused() -> None:
    cursor = {"txid": "9" * 19, "tbl": "enterprise", "id": ID}
    parse(wire.PullRequest, {"cursor": cursor})
    assert "cursor.txid" in refused(wire.PullRequest, {"cursor": {**cursor, "txid": "1" * 20}})
    assert "cursor.since" in refused(wire.PullRequest, {"cursor": {**cursor, "since": "1" * 20}})


@pytest.mark.parametrize("payload", [[], [{"limit": 5}], "x", 5, None])
def test_a_body_that_is_not_an_object_is_told_so(payload: Any) -> None:
    assert refused(wire.PullRequest, payload) == "请求内容不符合同步协议：应为 JSON 对象。"


def test_an_enrolment_code_longer_than_64_characters_is_refused() -> None:
    assert parse(wire.EnrollRequest, {"code": "A" * 64}).code == "A" * 64
    assert "code" in refused(wire.EnrollRequest, {"code": "A" * 65})
    assert "code" in refused(wire.EnrollRequest, {"code": ""})


@pytest.mark.parametrize(("count", "hash_"), [(2**63, 0), (-1, 0), (0, 2**64), (0, -1), (True, 0), (0, "1")])
def test_check_figures_outside_their_integer_ranges_are_refused(count: Any, hash_: Any) -> None:
    parse(wire.CheckRequest, {"tables": {"enterprise": {"count": 2**63 - 1, "hash": 2**64 - 1}}})
    assert "tables.enterprise" in refused(wire.CheckRequest, {"tables": {"enterprise": {"count": count, "hash": hash_}}})
