"""Malformed input of every kind: always a 4xx with a Chinese message, never a 500,
and a refused request writes nothing."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app.domain.row_rules import row_problem
from app.hq.wire import CheckRequest, EnrollRequest, PullRequest, PushRequest, clean_data
from app.sync import protocol
from tests.hq.conftest import call, count_rows
from tests.hq.fuzz_strategies import from_model, table_row

CJK = re.compile(r"[\u4e00-\u9fff]")
ENDPOINTS = ("/v1/push", "/v1/pull", "/v1/check", "/v1/enroll")
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)

any_text = st.text(alphabet=st.characters(exclude_categories=()), max_size=30)  # NUL and lone surrogates too
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True), any_text,
    st.sampled_from(["x" * 2_000_000, "\x00", "\ud800", "9" * 5000]),
)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text, inner, max_size=4), max_leaves=20)
ids = st.one_of(st.uuids().map(str), any_text, st.integers(), st.none())
tables = st.one_of(st.sampled_from([*protocol.SYNCED_TABLES, "sync_outbox", "", "enterprise; DROP TABLE x"]), any_text)
rows = st.fixed_dictionaries(
    {"tbl": tables, "id": ids},
    optional={
        "station_id": ids, "version": st.one_of(st.integers(min_value=-(2**70), max_value=2**70), any_text),
        "deleted": st.one_of(st.booleans(), st.integers(), any_text), "data": json_values,
        "field_hlc": st.one_of(st.dictionaries(any_text, st.one_of(st.integers(min_value=-(2**70), max_value=2**70), any_text)), json_values),
    },
)
near_valid = st.one_of(
    st.fixed_dictionaries({"batch_id": ids, "rows": st.one_of(st.lists(rows, max_size=4), json_values)}),
    st.fixed_dictionaries({"cursor": st.one_of(st.none(), json_values, st.fixed_dictionaries({"txid": st.one_of(any_text, st.integers()), "tbl": any_text, "id": ids})),
                           "limit": st.one_of(st.integers(min_value=-(2**70), max_value=2**70), any_text), "table": tables}),
    st.fixed_dictionaries({"tables": st.one_of(json_values, st.dictionaries(tables, st.fixed_dictionaries({"count": json_values, "hash": json_values})))}),
    st.fixed_dictionaries({"code": json_values}),
)


def encode(value: Any, how: str) -> tuple[bytes, dict[str, str]]:
    raw = json.dumps(value, ensure_ascii=True).encode() if not isinstance(value, bytes) else value
    if how == "zstd":
        return zstandard.ZstdCompressor().compress(raw), {"Content-Encoding": "zstd"}
    if how == "lying-zstd":
        return raw, {"Content-Encoding": "zstd"}
    if how == "gzip":
        return raw, {"Content-Encoding": "gzip"}
    return raw, {}


bodies = st.one_of(json_values, near_valid, st.binary(max_size=200), st.just(b"[" * 100_000), st.just(b'{"a":' * 50_000))


@st.composite
def requests(draw: st.DrawFn) -> tuple[str, bytes, dict[str, str]]:
    endpoint = draw(st.sampled_from(ENDPOINTS))
    content, headers = encode(draw(bodies), draw(st.sampled_from(["plain", "zstd", "lying-zstd", "gzip"])))
    return endpoint, content, headers


def check_answer(answer: Any, before: dict[str, int], after: dict[str, int], endpoint: str) -> None:
    assert answer.status_code < 500, answer.text
    if answer.status_code >= 400:
        body = answer.json()
        assert CJK.search(body["message"]), body
        assert after == before, f"{endpoint} refused the request but wrote {before} → {after}"
    elif endpoint != "/v1/push":
        assert after == before


def test_fuzz_every_endpoint(app_client, hq_engine, enrol) -> None:
    station = enrol("F-A1")

    @FUZZ
    @given(requests())
    def run(request: tuple[str, bytes, dict[str, str]]) -> None:
        endpoint, content, headers = request
        before = count_rows(hq_engine)
        answer = app_client.post(endpoint, content=content, headers=station.headers(**headers))
        check_answer(answer, before, count_rows(hq_engine), endpoint)

    run()


def well_shaped_rows(station: uuid.UUID) -> st.SearchStrategy[dict[str, Any]]:
    """Rows that fit the wire shape, with hostile content: applied or rejected row by row."""
    plain_text = st.text(max_size=20)
    values = st.one_of(st.none(), st.booleans(), st.integers(-(2**63), 2**63), st.floats(allow_nan=False, allow_infinity=False),
                       plain_text, st.uuids().map(str))
    field_names = st.sampled_from(["credit_code", "name", "status", "enterprise_id", "year", "kind", "merged_into", "id", "deleted"])
    return st.fixed_dictionaries(
        {
            "tbl": st.sampled_from(protocol.SYNCED_TABLES),
            "id": st.one_of(st.uuids().map(str), st.sampled_from(["01a21e26-33d0-7370-88a6-f3f130a5ce61"])),
            "station_id": st.one_of(st.just(str(station)), st.none(), st.uuids().map(str)),
            "deleted": st.booleans(),
            "data": st.dictionaries(st.one_of(field_names, plain_text), st.one_of(values, st.lists(values, max_size=2)), max_size=6),
        },
        optional={"field_hlc": st.dictionaries(st.one_of(field_names, plain_text), st.integers(0, 2**63 - 1), max_size=4),
                  "field_base_hlc": st.dictionaries(field_names, st.integers(0, 2**63 - 1), max_size=2)},
    )


def test_fuzz_push_rows_with_a_valid_envelope(app_client, hq_engine, enrol) -> None:
    """Valid batch ids; rows nearly right (the request is refused whole) or well shaped
    with hostile content (applied or rejected row by row, never a 500)."""
    station = enrol("F-A2")

    @FUZZ
    @given(st.lists(st.one_of(rows, well_shaped_rows(station.station_id)), min_size=1, max_size=3))
    def run(batch_rows: list[dict[str, Any]]) -> None:
        before = count_rows(hq_engine)
        payload = {"batch_id": str(uuid.uuid4()), "rows": batch_rows}
        content, headers = encode(payload, "zstd")
        answer = app_client.post("/v1/push", content=content, headers=station.headers(**headers))
        check_answer(answer, before, count_rows(hq_engine), "/v1/push")

    run()


def test_oversized_and_bomb_bodies_are_refused(app_client, enrol) -> None:
    station = enrol("F-A3")
    bomb = zstandard.ZstdCompressor(level=19).compress(b" " * (200 * 1024 * 1024))
    answer = app_client.post("/v1/push", content=bomb, headers=station.headers(**{"Content-Encoding": "zstd"}))
    assert answer.status_code == 413 and CJK.search(answer.json()["message"])
    for method, path in (("GET", "/v1/push"), ("POST", "/v1/nothing"), ("DELETE", "/v1/hello")):
        answer = app_client.request(method, path, headers=station.headers())
        assert 400 <= answer.status_code < 500 and CJK.search(answer.json()["message"])


SCHEMAS = {"/v1/push": PushRequest, "/v1/pull": PullRequest, "/v1/check": CheckRequest, "/v1/enroll": EnrollRequest}


def assert_nothing_invalid_stored(engine: Any) -> None:
    """Every row HQ stores (and so serves) obeys the shared row rules."""
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT tbl, id, data FROM replica_row")).all()
    for tbl, row_id, data in stored:
        problem = row_problem(tbl, clean_data(tbl, data))
        assert problem is None, f"{tbl} {row_id} stored although {problem}"


def test_fuzz_every_endpoint_from_its_schema(app_client, hq_engine, enrol) -> None:
    """Every field of every endpoint's body, generated from the request model's schema."""
    station = enrol("F-S1")

    @FUZZ
    @given(st.sampled_from(sorted(SCHEMAS)).flatmap(lambda e: st.tuples(st.just(e), from_model(SCHEMAS[e]))))
    def run(request: tuple[str, Any]) -> None:
        endpoint, body = request
        before = count_rows(hq_engine)
        content, headers = encode(body, "zstd")
        answer = app_client.post(endpoint, content=content, headers=station.headers(**headers))
        check_answer(answer, before, count_rows(hq_engine), endpoint)

    run()
    assert_nothing_invalid_stored(hq_engine)


def test_fuzz_every_field_of_every_table_from_the_row_rules(app_client, hq_engine, enrol) -> None:
    """Rows of every pushable table, each field from its rule and some swapped for hostile
    values: a row is rejected as invalid_row exactly when the rules say so, the rest of the
    batch applies, and nothing invalid is ever stored."""
    station = enrol("F-S2")

    @FUZZ
    @given(st.lists(table_row(station.station_id), min_size=1, max_size=3))
    def run(rows: list[dict[str, Any]]) -> None:
        before = count_rows(hq_engine)
        content, headers = encode({"batch_id": str(uuid.uuid4()), "rows": rows}, "zstd")
        answer = app_client.post("/v1/push", content=content, headers=station.headers(**headers))
        if answer.status_code != 200:  # NUL or a lone surrogate somewhere: refused whole
            check_answer(answer, before, count_rows(hq_engine), "/v1/push")
            assert answer.status_code == 422
            return
        reasons = {r["id"]: r["reason"] for r in answer.json()["rejected"]}
        for row in rows:
            problem = row_problem(row["tbl"], clean_data(row["tbl"], row["data"]))
            if problem is not None:
                assert reasons.get(row["id"]) == "invalid_row", (row["tbl"], problem)
            else:
                assert reasons.get(row["id"]) != "invalid_row", row
        assert_nothing_invalid_stored(hq_engine)

    run()


@pytest.mark.parametrize("bad", [["draft"], {"status": "draft"}])
def test_finding_4_report_status_or_enterprise_id_as_list_or_object(app_client, hq_engine, enrol, bad: Any) -> None:
    """Finding 4: a 500 from app/hq/owned.py; now 200 with those rows rejected, the rest applied."""
    from tests.hq.factories import report, service_record

    station = enrol(f"F-S4-{type(bad).__name__}")
    sid = station.station_id
    enterprise = "01a21e26-33d0-7370-88a6-f3f130a5ce61"
    # an annual report carries no enterprise_id: an unknown key, ignored
    rows = [report(sid, status=bad), report(sid, kind="plan", enterprise_id=bad), service_record(sid, bad),
            service_record(sid, enterprise)]
    answer = call(app_client, station, "/v1/push", {"batch_id": str(uuid.uuid4()), "rows": rows})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    rejected = {r["id"]: r for r in body["rejected"]}
    assert set(rejected) == {rows[0]["id"], rows[2]["id"]} and body["accepted"] == 2
    assert {r["reason"] for r in rejected.values()} == {"invalid_row"}
    assert "报告状态（status）" in rejected[rows[0]["id"]]["message"]
    assert "服务企业（enterprise_id）" in rejected[rows[2]["id"]]["message"]
    with hq_engine.connect() as conn:
        stored = set(conn.execute(text("SELECT CAST(id AS text) FROM replica_row WHERE station_id = :s"), {"s": sid}).scalars())
        logged = conn.execute(
            text("SELECT count(*) FROM rejected_write WHERE station_id = :s AND reason = 'invalid_row'"), {"s": sid}
        ).scalar_one()
    assert stored == {rows[1]["id"], rows[3]["id"]} and logged == 2
