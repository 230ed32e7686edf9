"""The read models stay equal to a recount from replica_row whatever order of pushes arrives:
random batches of inserts, edits across month edges, deletions, undeletions, repeated batches
and rows naming another station (hypothesis), and an enterprise merge that re-points another
station's records (the trigger sees every writer of replica_row, not just the push)."""

from __future__ import annotations

import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, Engine, text

from app.hq import accounts
from app.hq.hq_edits import hq_edit
from app.hq.push import apply_push
from app.hq.readmodel import pending
from app.models.types import uuid7
from tests.hq import factories as f

DAYS = ["2026-01-31", "2026-02-01", "2026-03-31", "2026-04-01", "2026-12-31", "2027-01-01"]

# recounts with plain SQL over the JSON rows, the way a reviewer would write them
EXPECTED_MONTHS = """SELECT left(data->>'service_date', 7) AS m, count(*),
    count(*) FILTER (WHERE data->>'satisfaction' = '1'), count(*) FILTER (WHERE data->>'satisfaction' = '5')
    FROM replica_row WHERE tbl = 'service_record' AND station_id = :s AND NOT deleted GROUP BY 1 ORDER BY 1"""
GOT_MONTHS = """SELECT to_char(month, 'YYYY-MM'), records, score_1, score_5 FROM rm_month
    WHERE station_id = :s AND records <> 0 ORDER BY 1"""
EXPECTED_SERVED = """SELECT k, count(DISTINCT data->>'enterprise_id') FROM replica_row,
    LATERAL (VALUES (left(data->>'service_date', 7)), (left(data->>'service_date', 4)),
        (left(data->>'service_date', 4) || '-Q' || ((substr(data->>'service_date', 6, 2)::int + 2) / 3))) AS v(k)
    WHERE tbl = 'service_record' AND station_id = :s AND NOT deleted GROUP BY k ORDER BY k"""
GOT_SERVED = "SELECT period, served FROM rm_served_period WHERE station_id = :s AND served > 0 ORDER BY period"


def _new_station(engine: Engine) -> uuid.UUID:
    with engine.begin() as conn:
        info, _ = accounts.add_station(conn, f"D{uuid.uuid4().hex[:10]}", "随机站", "越秀区")
    return info.station_id


def caught_up(engine: Engine) -> Connection:
    """A connection to read the read models with, after the noted writes are applied, as every
    reader of them does (app.hq.readmodel.pending)."""
    pending.catch_up(engine)
    return engine.connect()


def assert_read_model_matches(engine: Engine, station: uuid.UUID) -> None:
    pending.catch_up(engine)  # what every reader does first (HQ migration 0008)
    with engine.connect() as conn:
        params = {"s": station}
        assert [tuple(r) for r in conn.execute(text(GOT_MONTHS), params)] == \
            [tuple(r) for r in conn.execute(text(EXPECTED_MONTHS), params)]
        assert [tuple(r) for r in conn.execute(text(GOT_SERVED), params)] == \
            [tuple(r) for r in conn.execute(text(EXPECTED_SERVED), params)]
        assert conn.execute(text("SELECT count(*) FROM rm_served WHERE records <= 0")).scalar() == 0


edit = st.tuples(
    st.integers(0, 5),  # which record
    st.sampled_from(DAYS),
    st.integers(0, 3),  # which enterprise
    st.sampled_from([None, 1, 3, 4, 5]),
    st.booleans(),  # deleted
    st.sampled_from(["own", "own", "own", "foreign", "repeat"]),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(st.lists(edit, min_size=1, max_size=6), min_size=1, max_size=6))
def test_any_order_of_pushes_leaves_the_read_model_equal_to_a_recount(hq_engine: Engine, batches: list[Any]) -> None:
    station, other = _new_station(hq_engine), uuid7()
    enterprises = [f.enterprise(station, f.hlc(0)) for _ in range(4)]
    records = [str(uuid7()) for _ in range(6)]
    with hq_engine.begin() as conn:
        apply_push(conn, station, uuid7(), enterprises)
    last_batch: tuple[uuid.UUID, list[dict[str, Any]]] | None = None
    for batch in batches:
        rows, batch_id = [], uuid7()
        for which, day, ent, score, deleted, kind in batch:
            row = f.service_record(station, enterprises[ent]["id"], service_date=day, satisfaction=score)
            row.update(id=records[which], deleted=deleted)
            if kind == "foreign":
                row["station_id"] = str(other)  # refused: wrong_station
            rows.append(row)
        if batch[0][5] == "repeat" and last_batch is not None:
            batch_id, rows = last_batch  # delivered again: applied once
        with hq_engine.begin() as conn:
            apply_push(conn, station, batch_id, rows)
        last_batch = (batch_id, rows)
    assert_read_model_matches(hq_engine, station)


def test_a_merge_re_points_another_stations_records_and_the_served_sets_follow(hq_engine: Engine) -> None:
    a, b = _new_station(hq_engine), _new_station(hq_engine)
    code = "91440101MA5CXXXX1X"
    ea = f.enterprise(a, f.hlc(0), credit_code=None, name="甲公司")
    eb = f.enterprise(b, f.hlc(0), credit_code=code, name="甲公司（另录）")
    with hq_engine.begin() as conn:
        apply_push(conn, a, uuid7(), [ea, f.service_record(a, ea["id"], service_date="2026-03-02")])
        apply_push(conn, b, uuid7(), [eb, f.service_record(b, eb["id"], service_date="2026-03-05"),
                                      f.service_record(b, ea["id"], service_date="2026-03-06")])
    with caught_up(hq_engine) as conn:
        assert conn.execute(text(GOT_SERVED), {"s": b}).all()[0][1] == 2
    with hq_engine.begin() as conn:  # HQ gives a's enterprise the same code: b's row merges into it
        hq_edit(conn, "enterprise", uuid.UUID(ea["id"]), {"credit_code": code})
    with caught_up(hq_engine) as conn:
        moved = conn.execute(text("SELECT count(*) FROM enterprise_ref_origin")).scalar()
    assert moved, "the merge re-pointed no reference: the test does not test anything"
    for station in (a, b):
        assert_read_model_matches(hq_engine, station)
    with caught_up(hq_engine) as conn:
        assert [r[1] for r in conn.execute(text(GOT_SERVED), {"s": b})] == [1, 1, 1]  # one enterprise now


def test_malformed_stored_values_count_nowhere_and_never_fail_a_write(hq_engine: Engine) -> None:
    """Rows stored before the row rules existed (written here straight into replica_row) may
    hold dates and instants PostgreSQL cannot cast: the trigger parses defensively, so such a
    row is left out of the figures and the write (and any later push) still goes through."""
    station = _new_station(hq_engine)
    bad = [
        ("service_record", {"enterprise_id": str(uuid7()), "service_date": "2026-02-30", "satisfaction": 5}),
        ("service_record", {"enterprise_id": "not-a-uuid", "service_date": "2026-13-01"}),
        ("event", {"title": "坏时间", "starts_at": "2026-03-31T25:00:00+00:00", "walk_in_count": "many"}),
        ("demand", {"status": "handling", "received_on": "0000-01-01", "due_on": "yesterday", "closed_at": "soon"}),
        ("staff_member", {"name": "坏日期", "full_time": "yes", "start_date": "2026-02-29"}),
    ]
    with hq_engine.begin() as conn:
        for tbl, data in bad:
            conn.execute(text("INSERT INTO replica_row (tbl, id, station_id, version, data) "
                              "VALUES (:t, :i, :s, 1, CAST(:d AS jsonb))"),
                         {"t": tbl, "i": uuid7(), "s": station, "d": __import__("json").dumps(data)})
    with caught_up(hq_engine) as conn:
        params = {"s": station}
        assert conn.execute(text("SELECT coalesce(sum(records), 0) FROM rm_month WHERE station_id = :s"), params).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM rm_event WHERE station_id = :s"), params).scalar() == 0
        demand = conn.execute(text("SELECT received_on, due_on, closed_at FROM rm_demand WHERE station_id = :s"), params).one()
        assert tuple(demand) == (None, None, None)
        staff = conn.execute(text("SELECT full_time, start_date FROM rm_staff WHERE station_id = :s"), params).one()
        assert tuple(staff) == (False, None)
