"""The read models move after the push, not inside it (HQ migration 0008, app.hq.readmodel.pending):
a write only notes what changed; a drain applies the notes; every reader drains first.

Each test here fails without the part it names: the notes (a push that moved the read models
itself would leave none), the cancel of an unchanged record, the rollback of a failed drain, the
lock between drainers, the reader's catch-up, the push route's drain."""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text

from app.hq import accounts
from app.hq.push import apply_push
from app.hq.readmodel import pending
from app.hqdesk import network as desk_network
from app.models.types import uuid7
from tests.hq import factories as f
from tests.hq.conftest import call
from tests.hqdesk.test_readmodel_delta import DAYS, assert_read_model_matches

RECORDS_OF = "SELECT coalesce(sum(records), 0) FROM rm_month WHERE station_id = :s"
NOTES_OF = "SELECT count(*) FROM rm_pending WHERE station_id = :s"


def _station(engine: Engine, district: str = "越秀区") -> tuple[uuid.UUID, str]:
    code = f"Q{uuid.uuid4().hex[:10]}"
    with engine.begin() as conn:
        info, _ = accounts.add_station(conn, code, "队列站", district)
    return info.station_id, code


def _scalar(engine: Engine, sql: str, station: uuid.UUID) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(sql), {"s": station}).scalar_one())


def _push(engine: Engine, station: uuid.UUID, rows: list[dict[str, Any]]) -> None:
    with engine.begin() as conn:
        apply_push(conn, station, uuid7(), rows)


def test_a_push_only_notes_its_rows_and_a_drain_applies_them(hq_engine: Engine) -> None:
    station, _ = _station(hq_engine)
    e = f.enterprise(station, f.hlc(0))
    _push(hq_engine, station, [e, *(f.service_record(station, e["id"], satisfaction=5) for _ in range(3))])
    assert _scalar(hq_engine, NOTES_OF, station) == 3
    assert _scalar(hq_engine, RECORDS_OF, station) == 0  # not yet: the push did not wait for the read models
    pending.catch_up(hq_engine)
    assert (_scalar(hq_engine, NOTES_OF, station), _scalar(hq_engine, RECORDS_OF, station)) == (0, 3)


def test_an_edit_that_moves_no_fact_notes_nothing(hq_engine: Engine) -> None:
    station, _ = _station(hq_engine)
    e = f.enterprise(station, f.hlc(0))
    record = f.service_record(station, e["id"], satisfaction=4)
    _push(hq_engine, station, [e, record])
    pending.catch_up(hq_engine)
    _push(hq_engine, station, [{**record, "data": {**record["data"], "summary": "改了摘要"}}])
    assert _scalar(hq_engine, NOTES_OF, station) == 0  # summary is not a fact of any read model
    _push(hq_engine, station, [{**record, "data": {**record["data"], "summary": "改了摘要", "satisfaction": 2}}])
    assert _scalar(hq_engine, NOTES_OF, station) == 2  # the old row out, the new one in
    assert_read_model_matches(hq_engine, station)


def test_a_failed_drain_leaves_its_notes_for_the_next(hq_engine: Engine) -> None:
    station, _ = _station(hq_engine)
    e = f.enterprise(station, f.hlc(0))
    _push(hq_engine, station, [e, f.service_record(station, e["id"])])
    with pytest.raises(RuntimeError), hq_engine.begin() as conn:
        assert pending.drain_once(conn) >= 1
        raise RuntimeError("killed half-way")  # rolled back: the applied notes come back
    assert (_scalar(hq_engine, NOTES_OF, station), _scalar(hq_engine, RECORDS_OF, station)) == (1, 0)
    pending.catch_up(hq_engine)
    assert (_scalar(hq_engine, NOTES_OF, station), _scalar(hq_engine, RECORDS_OF, station)) == (0, 1)


def test_one_drainer_at_a_time(hq_engine: Engine) -> None:
    station, _ = _station(hq_engine)
    e = f.enterprise(station, f.hlc(0))
    _push(hq_engine, station, [e, f.service_record(station, e["id"])])
    with hq_engine.begin() as first:
        first.execute(text("SELECT pg_advisory_xact_lock(7301204012)"))  # a drain under way (rm_drain's key)
        with hq_engine.begin() as second:
            assert pending.drain_once(second, wait=False) == -1  # does not wait, applies nothing
        assert _scalar(hq_engine, NOTES_OF, station) == 1
    pending.drain_after_push(hq_engine)
    assert _scalar(hq_engine, NOTES_OF, station) == 0


drain = st.sampled_from([None, 1, 2, 3, 1000])  # after a batch: no drain, or drains of this many notes


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(st.tuples(st.lists(st.tuples(st.integers(0, 4), st.sampled_from(DAYS), st.integers(0, 2),
                                                     st.sampled_from([None, 1, 5]), st.booleans()),
                                           min_size=1, max_size=5), drain), min_size=1, max_size=6))
def test_drains_of_any_size_between_pushes_leave_a_recount(hq_engine: Engine, batches: list[Any]) -> None:
    """A row's insert and its deletion may land in different drains, in chunks of one note."""
    station, _ = _station(hq_engine)
    enterprises = [f.enterprise(station, f.hlc(0)) for _ in range(3)]
    records = [str(uuid7()) for _ in range(5)]
    _push(hq_engine, station, enterprises)
    for batch, chunk in batches:
        rows = []
        for which, day, ent, score, deleted in batch:
            row = f.service_record(station, enterprises[ent]["id"], service_date=day, satisfaction=score)
            rows.append({**row, "id": records[which], "deleted": deleted})
        _push(hq_engine, station, rows)
        if chunk is not None:
            with hq_engine.begin() as conn:
                pending.drain_once(conn, chunk=chunk)
    assert_read_model_matches(hq_engine, station)


def test_the_network_page_shows_a_push_at_once(hq_engine: Engine, desk: dict[str, Any]) -> None:
    """Nobody drained after this push (no push route ran): the page's own catch-up brings it in."""
    station, code = _station(hq_engine)
    e = f.enterprise(station, f.hlc(0))
    _push(hq_engine, station, [e, f.service_record(station, e["id"], service_date="2026-05-02", satisfaction=5)])
    assert _scalar(hq_engine, NOTES_OF, station) == 1
    rows = {r.code: r for r in desk_network.network_rows(desk["bureau"], year=2026)}
    assert rows[code].figures.service_records == 1


def test_the_push_route_asks_for_one_drain_soon(hq_engine: Engine, app_client: Any, enrol: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Two pushes in a row share one drain; nobody reads, and the notes are gone all the same."""
    drains: list[object] = []
    monkeypatch.setattr(pending, "drain_after_push", lambda engine: drains.append(engine) or real_drain(engine))
    real_drain = pending.catch_up
    station = enrol(f"QP{uuid.uuid4().hex[:8]}")
    e = f.enterprise(station.station_id, f.hlc(0))
    for rows in ([e, f.service_record(station.station_id, e["id"])], [f.service_record(station.station_id, e["id"])]):
        answer = call(app_client, station, "/v1/push", {"batch_id": str(uuid7()), "rows": rows})
        assert answer.status_code == 200, answer.text
    deadline = time.monotonic() + 10
    while _scalar(hq_engine, NOTES_OF, station.station_id) and time.monotonic() < deadline:
        time.sleep(0.05)  # the drain runs in its own thread, DRAIN_DELAY after the first push
    assert (_scalar(hq_engine, NOTES_OF, station.station_id), _scalar(hq_engine, RECORDS_OF, station.station_id)) == (0, 2)
    assert len(drains) == 1
