"""A push's enterprises merged with the batch prefetch (app.hq.merge_prefetch: one read, one lock,
held-back writes) end exactly as merged row by row: the same rows, versions, conflicts, merges,
aliases, requests and push answer, for batches that repeat ids, share credit codes, name merged
ids, delete other stations' enterprises and undelete their own.  Each case is applied twice to the
same database state, inside a transaction rolled back after each.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app.hq import merge_prefetch
from app.hq import push as hq_push
from tests.hq.factories import T0, enterprise, hlc, service_record

CODES = ["91440101MA5C000011", "91440101MA5C000029", "91440101MA5C000037", None]
STATE_SQL = {
    "rows": "SELECT id, version, deleted, data, field_hlc, field_station FROM replica_row "
            "WHERE tbl IN ('enterprise', 'service_record') ORDER BY tbl, id",
    "conflicts": "SELECT row_id, field, winning_value, losing_value, winning_hlc, losing_hlc, winning_station_id, "
                 "losing_station_id FROM conflict_log ORDER BY id",
    "merges": "SELECT survivor_id, merged_id, credit_code, survivor_before, merged_before, merged_data, filled, aliases "
              "FROM merge_record ORDER BY id",
    "aliases": "SELECT merged_id, survivor_id FROM enterprise_alias ORDER BY merged_id",
    "requests": "SELECT kind, enterprise_id, survivor_id, station_id, data, status FROM enterprise_request ORDER BY id",
}


def state(conn: Any) -> dict[str, Any]:
    return {k: [tuple(json.dumps(v, sort_keys=True, default=str) for v in r) for r in conn.execute(text(q))]
            for k, q in STATE_SQL.items()}


def row_strategy(pool: list[uuid.UUID]) -> Any:
    return st.fixed_dictionaries({
        "id": st.sampled_from(pool),
        "code": st.sampled_from(CODES),
        "name": st.sampled_from(["甲公司", "乙公司", "丙公司"]),
        "deleted": st.booleans(),
        "stamp": st.integers(-5, 5),
    })


def test_prefetched_batches_end_as_row_by_row(hq_engine, enrol) -> None:
    me, other = enrol("PF-A"), enrol("PF-B")
    existing = [uuid.uuid4() for _ in range(4)]
    merged_away = uuid.uuid4()
    with hq_engine.begin() as conn:  # the shared starting state: some rows registered by another station
        hq_push.apply_push(conn, other.station_id, uuid.uuid4(), [
            enterprise(other.station_id, hlc(0), existing[0], credit_code=CODES[0]),
            enterprise(other.station_id, hlc(0), existing[1], credit_code=CODES[1], name="乙公司"),
            enterprise(other.station_id, hlc(0), merged_away, credit_code=CODES[1], name="乙公司分"),  # merges into [1]
            service_record(other.station_id, existing[0]),
        ], at_ms=T0)
        hq_push.apply_push(conn, me.station_id, uuid.uuid4(), [
            enterprise(me.station_id, hlc(0), existing[2], credit_code=CODES[2]),
            enterprise(me.station_id, hlc(0), existing[3], name="丁公司"),
        ], at_ms=T0)
    pool = [*existing, merged_away, uuid.uuid4(), uuid.uuid4()]

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(row_strategy(pool), min_size=1, max_size=8))
    def check(batch: list[dict[str, Any]]) -> None:
        rows = [enterprise(me.station_id, hlc(1000 + r["stamp"] * 100), r["id"], credit_code=r["code"], name=r["name"])
                | {"deleted": r["deleted"]} for r in batch]
        batch_id = uuid.uuid4()
        outcomes = []
        for prefetched in (True, False):
            saved = merge_prefetch.prefetch
            if not prefetched:
                merge_prefetch.prefetch = lambda conn, r: None  # type: ignore[assignment]
            try:
                with hq_engine.connect() as conn:
                    with conn.begin() as tx:
                        result = hq_push.apply_push(conn, me.station_id, batch_id, rows, at_ms=T0 + 2000)
                        outcomes.append((result.to_json(), state(conn)))
                        tx.rollback()
            finally:
                merge_prefetch.prefetch = saved
        (with_prefetch, with_state), (row_by_row, plain_state) = outcomes
        for answer in (with_prefetch, row_by_row):
            for detail in answer["conflict_details"]:
                detail.pop("at", None)
            for refused in answer["rejected"]:  # request numbers come from a sequence, never rolled back
                refused["message"] = re.sub(r"申请编号 \d+", "申请编号 N", refused["message"])
                refused.pop("request_id", None)
        assert with_prefetch == row_by_row
        assert with_state == plain_state

    check()


def test_new_enterprises_without_a_code_are_inserted_in_one_statement(hq_engine, enrol, monkeypatch) -> None:
    """Each INSERT on replica_row fires the hash and read-model statement triggers: a push's plainly
    new enterprises (no credit code, no row or alias at HQ) go in as one statement, stored exactly
    as row-by-row (echo marks, stamps, versions); one with a code still goes through the merge."""
    from app.hq import fast_sql
    from app.hq.apply_context import now_ms
    from app.sync.protocol import hlc_from_ms

    a = enrol("PF-BATCH")
    rows = [enterprise(a.station_id, hlc_from_ms(now_ms() - 1000, i), name=f"新企业{i}") for i in range(3)]  # not clamped
    coded = enterprise(a.station_id, hlc(9), credit_code="91440101MA5PF00009")
    inserts: list[str] = []
    real = fast_sql.rows

    def counting(conn: Any, statement: str, params: Any = None, **kw: Any) -> Any:
        if statement.startswith("INSERT INTO replica_row"):
            inserts.append(statement)
        return real(conn, statement, params, **kw)

    monkeypatch.setattr(fast_sql, "rows", counting)
    with hq_engine.begin() as conn:
        result = hq_push.apply_push(conn, a.station_id, uuid.uuid4(), [*rows, coded])
    assert len(inserts) == 1 and result.accepted == 4
    assert sorted((v["id"], v["version"]) for v in result.versions) == sorted((r["id"], 1) for r in [*rows, coded])
    with hq_engine.begin() as conn:
        stored = conn.execute(text("SELECT id::text, data, field_hlc, echo_to, echo_version FROM replica_row "
                                   "WHERE id = ANY(CAST(:ids AS uuid[]))"), {"ids": [r["id"] for r in rows]}).all()
    assert {s[0] for s in stored} == {r["id"] for r in rows}
    for row_id, data, stamps, echo_to, echo_version in stored:
        sent = next(r for r in rows if r["id"] == row_id)
        assert data == sent["data"] and stamps == {**sent["field_hlc"], "deleted": 0}
        assert (echo_to, echo_version) == (a.station_id, 1)  # stored as sent: its pull skips it (migration 0007)
