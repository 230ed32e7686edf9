"""Push batches by bytes as well as rows: HQ refuses a push whose JSON is over
protocol.MAX_PUSH_JSON_BYTES (413), so the client cuts each batch below
protocol.PUSH_BATCH_BYTES, one definition for both sides (issue 10: a station never wedges)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, text

from app.domain.row_rules import MAX_ROW_JSON_CHARS, TABLE_RULES
from app.hq import http_io
from app.hq.routes import push as push_route
from app.models import Event
from app.sync import protocol, push
from app.sync.engine import sync

from .helpers import outbox_size

EVENTS = 400  # ~96 KB of JSON each (32,000 CJK characters): ~38 MB in all, over HQ's 32 MB cap
TEXTS = {"description": 4000, "summary": 8000, "policy_ids": 20_000}


def test_one_definition_of_the_push_caps() -> None:
    assert push_route.PUSH_REQUEST_LIMITS.json == protocol.MAX_PUSH_JSON_BYTES
    assert push_route.PUSH_REQUEST_LIMITS.body == protocol.MAX_PUSH_BODY_BYTES
    # http_io.PUSH_LIMITS (owned elsewhere) must not say otherwise until it is taken from protocol too
    assert (http_io.PUSH_LIMITS.body, http_io.PUSH_LIMITS.json) == (protocol.MAX_PUSH_BODY_BYTES, protocol.MAX_PUSH_JSON_BYTES)
    assert protocol.PUSH_BATCH_BYTES < min(protocol.MAX_PUSH_BODY_BYTES, protocol.MAX_PUSH_JSON_BYTES)


def test_a_single_row_always_fits_a_batch() -> None:
    # data ≤ 65,536 characters by the rules, each at most 6 bytes as JSON (\\u0001); the rest of a
    # row (tbl, ids, version, field stamps of every column) is a few KB
    envelope = 200 + max(len(rules) for rules in TABLE_RULES.values()) * 40
    assert MAX_ROW_JSON_CHARS * 6 + envelope < protocol.PUSH_BATCH_BYTES // 20


def test_many_large_rows_sync_in_several_batches_and_nothing_is_refused(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    st = make_station("GZ-BYTES")
    assert sync(st.db, st.client()).completed
    with st.db.begin() as s:
        for i in range(EVENTS):
            texts = {name: chr(0x4E00 + (i + n) % 2000) * size for n, (name, size) in enumerate(TEXTS.items())}
            s.add(Event(title=f"大型活动{i}", event_type="salon", starts_at=datetime(2026, 4, 1, 2, tzinfo=UTC),
                        ends_at=datetime(2026, 4, 1, 4, tzinfo=UTC), station_id=st.station_id, **texts))
    client = st.client()
    sent: list[int] = []
    send = client.push

    def measured(batch_id: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
        sent.append(len(protocol.dumps({"batch_id": batch_id, "rows": rows})))
        return send(batch_id, rows)

    client.push = measured  # type: ignore[method-assign]
    result = sync(st.db, client)
    assert result.completed, result.message
    assert result.rejected == 0 and outbox_size(st.db) == 0
    assert sum(sent) > protocol.MAX_PUSH_JSON_BYTES  # one request could not have carried them
    assert len(sent) >= 3 and max(sent) <= protocol.PUSH_BATCH_BYTES, sent
    with hq_engine.connect() as conn:
        stored = conn.execute(
            text("SELECT count(*) FROM replica_row WHERE tbl = 'event' AND station_id = :s AND NOT deleted "
                 "AND data->>'title' LIKE '大型活动%'"), {"s": st.station_id}
        ).scalar_one()
    assert stored == EVENTS


def test_a_cut_batch_is_stored_so_a_resend_carries_the_same_rows(make_station) -> None:  # type: ignore[no-untyped-def]
    st = make_station("GZ-BYTES-CUT")
    with st.db.begin() as s:
        for i in range(5):
            s.add(Event(title=f"活动{i}", event_type="salon", starts_at=datetime(2026, 4, 1, 2, tzinfo=UTC),
                        ends_at=datetime(2026, 4, 1, 4, tzinfo=UTC), station_id=st.station_id, summary="长" * 8000))
    batch = push.open_batch(st.db.engine)
    assert batch is not None
    rows = push.batch_rows(st.db.engine, batch)
    with st.db.engine.connect() as conn:  # the row queued last
        last = conn.exec_driver_sql("SELECT row_id FROM sync_outbox GROUP BY tbl, row_id ORDER BY min(seq) DESC").first()[0]
    latest = next(r for r in rows if r["id"].replace("-", "") == last)
    budget = len(protocol.dumps({"batch_id": batch.batch_id, "rows": rows})) - len(protocol.dumps(latest))
    cut, going = push.fit_batch(st.db.engine, batch, rows, budget)
    assert cut.batch_id == batch.batch_id and cut.max_seq < batch.max_seq
    assert len(protocol.dumps({"batch_id": cut.batch_id, "rows": going})) <= budget
    assert [r["id"] for r in going] == [r["id"] for r in rows if r is not latest]
    assert push.open_batch(st.db.engine) == cut  # the resend: same id, the smaller range
    assert push.batch_rows(st.db.engine, cut) == going
