"""A watermark lent to the pulls of one worker process (app.hq.shared_bound) loses no row and
repeats none, and never moves a station's cursor back.

Two workers each lend their own bound: a station's pulls alternate between them, so a pull may
get a bound below the one its previous page was cut at.  Commits out of txid order come from
writer transactions held open on their own connections (each takes its xid at its first write,
then others commit past it), the hazard tests/hq/test_pull_watermark.py shows with threads; here
one thread drives every step, so hypothesis can shrink a failing order.  The clock is a
variable the test moves.
"""

from __future__ import annotations

import uuid
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, Engine, text

from app.hq import fast_sql, pull
from app.hq.shared_bound import SharedBound

MAX_AGE = 0.010


class FakeClock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def write_policy(conn: Connection, marker: str) -> str:
    """A reference row (every station pulls it), written straight into replica_row."""
    row_id = str(uuid.uuid4())
    conn.execute(text("INSERT INTO replica_row (tbl, id, version, data) VALUES ('policy', CAST(:i AS uuid), 1, "
                      "CAST(:d AS jsonb))"), {"i": row_id, "d": f'{{"name": "{marker}"}}'})
    return row_id


def pull_once(engine: Engine, token: str, cursor: Any, limit: int, bounds: SharedBound | None) -> pull.PullPage:
    with engine.begin() as conn:
        found = pull.pull_as(conn, token, cursor, limit, bounds=bounds)
    assert found is not None
    return found[1]


def drain(engine: Engine, token: str, cursor: Any, limit: int = 50) -> tuple[list[dict[str, Any]], Any]:
    """Every page up to a watermark read now (no lent bound)."""
    rows: list[dict[str, Any]] = []
    while True:
        page = pull_once(engine, token, cursor, limit, None)
        rows += page.rows
        cursor = page.cursor
        if page.done:
            return rows, cursor


def current_xmax(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(fast_sql.scalar(conn, "SELECT pg_snapshot_xmax(pg_current_snapshot())::text"))


def test_the_lent_bound_is_fresh_for_max_age_and_only_grows() -> None:
    clock = FakeClock()
    bounds = SharedBound(MAX_AGE, clock)
    assert bounds.fresh() is None
    bounds.offer(100, clock())
    assert bounds.fresh() == 100
    bounds.offer(90, clock())  # an older read that came back late
    assert bounds.fresh() == 100
    clock.t += MAX_AGE / 2
    assert bounds.fresh() == 100
    clock.t += MAX_AGE / 2
    assert bounds.fresh() is None  # as old as max_age: read again
    bounds.offer(120, clock())
    assert bounds.fresh() == 120
    bounds.forget()
    assert bounds.fresh() is None


def test_a_lower_lent_bound_leaves_the_cursor_where_it_is(hq_engine: Engine, enrol: Any) -> None:
    """Worker 2 lends a bound read before the rows were written; worker 1 already sent them and
    put the cursor past them.  Worker 2's page: no rows, the cursor unchanged (not moved back to
    its bound, from where the next page would send the rows again)."""
    me = enrol("SB-A1")
    clock = FakeClock()
    one, two = SharedBound(MAX_AGE, clock), SharedBound(MAX_AGE, clock)
    _, cursor = drain(hq_engine, me.token, None)
    pull_once(hq_engine, me.token, cursor, 50, two)  # worker 2 reads its bound and lends it
    with hq_engine.begin() as conn:
        ids = {write_policy(conn, "after worker 2's read") for _ in range(3)}
    first = pull_once(hq_engine, me.token, cursor, 50, one)
    assert {r["id"] for r in first.rows} == ids and first.done
    cursor = first.cursor
    lent = two.fresh()
    assert lent is not None and lent < int(cursor["txid"])
    again = pull_once(hq_engine, me.token, cursor, 50, two)
    assert again.rows == [] and again.done and again.cursor == cursor
    clock.t += MAX_AGE
    rows, _ = drain(hq_engine, me.token, again.cursor)
    assert not ids & {r["id"] for r in rows}, "rows sent twice"


def test_a_lent_bound_above_the_databases_xmax_is_dropped(hq_engine: Engine, enrol: Any) -> None:
    """A bound above this snapshot's xmax cannot be this database's (HQ restored from a backup
    under a running worker): the pull reads its own and the worker forgets the lent one."""
    me = enrol("SB-B1")
    clock = FakeClock()
    bounds = SharedBound(MAX_AGE, clock)
    _, cursor = drain(hq_engine, me.token, None)
    bounds.offer(current_xmax(hq_engine) + 1_000_000, clock())
    page = pull_once(hq_engine, me.token, cursor, 50, bounds)
    assert int(page.cursor["txid"]) <= current_xmax(hq_engine)
    assert bounds.fresh() is None or bounds.fresh() <= current_xmax(hq_engine)


def test_a_cursor_from_the_future_is_refused_with_a_lent_bound(hq_engine: Engine, enrol: Any) -> None:
    me = enrol("SB-C1")
    clock = FakeClock()
    bounds = SharedBound(MAX_AGE, clock)
    _, cursor = drain(hq_engine, me.token, None)
    pull_once(hq_engine, me.token, cursor, 50, bounds)  # lends a bound
    future = dict(cursor, txid=str(current_xmax(hq_engine) + 1_000))
    with pytest.raises(pull.ResyncRequired):
        pull_once(hq_engine, me.token, future, 50, bounds)
    # a cursor above the lent bound but not from the future is no reason to bootstrap
    with hq_engine.begin() as conn:
        write_policy(conn, "moves xmax")
    _, ahead = drain(hq_engine, me.token, cursor)
    assert int(ahead["txid"]) > bounds.fresh()  # type: ignore[operator]
    assert pull_once(hq_engine, me.token, ahead, 50, bounds).cursor == ahead


# One step of a scenario: open a writer (it writes one row, taking its xid), write again in an
# open writer, commit one, pull a page through worker 0 or 1, or move the clock on.
Step = tuple[str, int]
steps = st.lists(st.one_of(st.tuples(st.just("open"), st.just(0)), st.tuples(st.just("write"), st.integers(0, 3)),
                           st.tuples(st.just("commit"), st.integers(0, 3)), st.tuples(st.just("pull"), st.integers(0, 1)),
                           st.tuples(st.just("tick"), st.integers(1, 12))), min_size=1, max_size=24)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scenario=steps, limit=st.integers(1, 4))
# worker 0 lends a bound, a row commits, worker 1 reads past it, worker 0 pulls with its old bound
@example(scenario=[("pull", 0), ("open", 0), ("commit", 0), ("pull", 1), ("pull", 0)], limit=4)
@example(scenario=[("pull", 0), ("open", 0), ("commit", 0), ("pull", 1), ("pull", 0)], limit=1)
def test_two_workers_lending_bounds_deliver_every_row_exactly_once(hq_engine: Engine, enrol: Any,
                                                                   scenario: list[Step], limit: int) -> None:
    me = station(enrol)
    clock = FakeClock()
    workers = [SharedBound(MAX_AGE, clock), SharedBound(MAX_AGE, clock)]
    _, cursor = drain(hq_engine, me.token, None)  # everything earlier examples wrote
    marker = str(uuid.uuid4())
    open_writers: list[tuple[Connection, Any, set[str]]] = []
    committed: set[str] = set()
    pulled: Counter[str] = Counter()

    def take(page: pull.PullPage) -> None:
        pulled.update(r["id"] for r in page.rows if r["data"].get("name") == marker)

    try:
        for kind, n in scenario:
            if kind == "open":
                conn = hq_engine.connect()
                open_writers.append((conn, conn.begin(), {write_policy(conn, marker)}))
            elif kind == "write" and open_writers:
                conn, _, ids = open_writers[n % len(open_writers)]
                ids.add(write_policy(conn, marker))
            elif kind == "commit" and open_writers:
                conn, tx, ids = open_writers.pop(n % len(open_writers))
                tx.commit()
                conn.close()
                committed |= ids
            elif kind == "pull":
                before = int(cursor["txid"])
                page = pull_once(hq_engine, me.token, cursor, limit, workers[n])
                take(page)
                cursor = page.cursor
                assert int(cursor["txid"]) >= before, "the cursor moved back"
            elif kind == "tick":
                clock.t += n / 1000
    finally:
        for conn, tx, ids in open_writers:
            tx.commit()
            conn.close()
            committed |= ids
    clock.t += MAX_AGE
    rows, _ = drain(hq_engine, me.token, cursor)
    pulled.update(r["id"] for r in rows if r["data"].get("name") == marker)
    assert set(pulled) == committed, "a committed row never pulled"
    repeated = {i: k for i, k in pulled.items() if k != 1}
    assert not repeated, f"{len(repeated)} rows pulled more than once"


_stations: dict[int, Any] = {}


def station(enrol: Any) -> Any:
    """One station for all examples (an enrolment each would be most of the run)."""
    key = id(enrol)
    if key not in _stations:
        _stations[key] = enrol("SB-P1")
    return _stations[key]


def test_the_service_lends_only_when_told(hq_engine: Engine, enrol: Any, monkeypatch: Any) -> None:
    """create_app lends nothing by default (a test's pull sees every push committed before it),
    whatever BOUND_ENV says (a test of `serve` may leave it set); `serve`'s workers read it, and
    `bound_ms` makes the pull endpoint lend its watermark."""
    from starlette.testclient import TestClient

    from app.hq.db import DB_ENV
    from app.hq.server import POOL_ENV, app_from_env, create_app
    from app.hq.shared_bound import BOUND_ENV
    from app.sync import protocol

    monkeypatch.setenv(BOUND_ENV, "12.5")  # as `serve --workers 2` leaves it: only its workers read it
    assert create_app(engine=hq_engine).state.service.bounds is None
    monkeypatch.setenv(DB_ENV, "postgresql://nowhere/none")
    monkeypatch.setenv(POOL_ENV, "2,2")
    assert app_from_env().state.service.bounds.max_age == 0.0125
    me = enrol("SB-D1")
    app = create_app(engine=hq_engine, bound_ms=60_000)
    with TestClient(app) as client:
        answer = client.post("/v1/pull", content=protocol.encode({"cursor": None, "limit": 10}),
                             headers={**me.headers(), "Content-Encoding": "zstd"})
    assert answer.status_code == 200, answer.text
    assert app.state.service.bounds.fresh() is not None
