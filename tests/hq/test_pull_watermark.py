"""Trap 1: a pull cursor must not lose rows committed out of order.

Eight writers run long, overlapping transactions while pullers page continuously.
Every row is written once, so each has one txid for good.  docs/sync-protocol.md ("Pull"):
a page holds rows with `(txid, tbl, id) > cursor AND txid < bound`, and every txid below
the bound is finished, so a puller whose cursor only moves forward gets each committed row
**exactly once** in its pass: the real pull is held to that, counting deliveries per id.
A naive `txid > cursor` puller run beside it must miss some (proof that the test can fail).
Redelivery is allowed in one path: a client whose page transaction was lost still holds
the old cursor and asks again (pages and cursor commit together, so it re-applies
idempotently).  A puller replaying one cursor must get every row **at least once**, and the
exactly-once check must catch its repeats (proof that the repeat check can fail).
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

from app.hq import pull
from app.hq import push as hq_push
from app.models.types import uuid7
from tests.hq.factories import service_record

WRITERS = 8
TRANSACTIONS = 12


def naive_page(conn: Any, station: uuid.UUID, cursor: Any, limit: int) -> tuple[list[str], Any]:
    """The broken variant: commit order assumed from txid alone, no watermark."""
    where = "station_id = :s" + ("" if cursor is None else " AND (txid, tbl, id) > (CAST(:t AS xid8), :b, CAST(:i AS uuid))")
    rows = conn.execute(
        text(f"SELECT txid::text, tbl, id::text FROM replica_row WHERE {where} ORDER BY txid, tbl, id LIMIT :n"),
        {"s": station, "n": limit, **({} if cursor is None else {"t": cursor[0], "b": cursor[1], "i": cursor[2]})},
    ).all()
    return [r[2] for r in rows], (tuple(rows[-1]) if rows else cursor)


def real_page(conn: Any, station: uuid.UUID, cursor: Any, limit: int) -> tuple[list[str], Any]:
    page = pull.pull(conn, station, cursor, limit, echoes=True)  # the station's own rows are what it pages
    return [r["id"] for r in page.rows if r["tbl"] == "service_record"], page.cursor


def replaying_page() -> Callable[..., tuple[list[str], Any]]:
    """The real pull, but the first non-empty page is "lost" once: the client keeps its old
    cursor and asks for the same page again (the one path where redelivery is allowed)."""
    replayed = False

    def page(conn: Any, station: uuid.UUID, cursor: Any, limit: int) -> tuple[list[str], Any]:
        nonlocal replayed
        ids, after = real_page(conn, station, cursor, limit)
        if ids and not replayed:
            replayed = True
            return ids, cursor
        return ids, after

    return page


def assert_nothing_missed(committed: set[str], pulled: Counter[str]) -> None:
    missed = committed - pulled.keys()
    assert not missed, f"{len(missed)} of {len(committed)} committed rows never pulled"


def assert_exactly_once(committed: set[str], pulled: Counter[str]) -> None:
    assert_nothing_missed(committed, pulled)
    stray = pulled.keys() - committed
    assert not stray, f"{len(stray)} pulled rows were never committed"
    repeated = {row_id: n for row_id, n in pulled.items() if n != 1}
    assert not repeated, f"{len(repeated)} rows pulled more than once (up to {max(repeated.values(), default=0)} times)"


def test_concurrent_long_writers_and_a_paging_puller(hq_engine, enrol) -> None:
    station = enrol("W-A1").station_id
    committed: set[str] = set()
    lock = threading.Lock()
    writers_done = threading.Event()
    rng = random.Random(20260301)
    delays = [[rng.uniform(0.002, 0.05) for _ in range(TRANSACTIONS)] for _ in range(WRITERS)]

    def writer(n: int) -> None:
        for delay in delays[n]:
            rows = [service_record(station, uuid7(), summary=f"w{n}") for _ in range(6)]
            with hq_engine.begin() as conn:
                hq_push.apply_push(conn, station, uuid.uuid4(), rows[:3])  # takes the xid early…
                time.sleep(delay)  # …holds it while later transactions commit
                hq_push.apply_push(conn, station, uuid.uuid4(), rows[3:])
            with lock:
                committed.update(r["id"] for r in rows)

    def puller(page: Callable[..., tuple[list[str], Any]], into: Counter[str]) -> None:
        cursor: Any = None
        while True:
            finished = writers_done.is_set()  # read before the page: a final full drain follows
            with hq_engine.begin() as conn:
                ids, cursor = page(conn, station, cursor, 40)
            into.update(ids)
            if finished and not ids:
                return
            time.sleep(0.001)

    real: Counter[str] = Counter()
    naive: Counter[str] = Counter()
    replayed: Counter[str] = Counter()
    pullers = [
        threading.Thread(target=puller, args=(real_page, real)),
        threading.Thread(target=puller, args=(naive_page, naive)),
        threading.Thread(target=puller, args=(replaying_page(), replayed)),
    ]
    writers = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for t in pullers + writers:
        t.start()
    for t in writers:
        t.join()
    writers_done.set()
    for t in pullers:
        t.join(timeout=60)

    assert len(committed) == WRITERS * TRANSACTIONS * 6
    assert not any(t.is_alive() for t in pullers), "a puller never drained"
    assert_exactly_once(committed, real)
    with pytest.raises(AssertionError, match="never pulled"):
        assert_nothing_missed(committed, naive)
    assert_nothing_missed(committed, replayed)  # at least once…
    with pytest.raises(AssertionError, match="more than once"):
        assert_exactly_once(committed, replayed)  # …and the repeat check sees the replayed page
