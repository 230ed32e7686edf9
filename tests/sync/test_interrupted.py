"""Syncs interrupted at random points with random page sizes end byte-identical to one
uninterrupted sync (same rows, same stored values), against the real HQ."""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy import Engine

from app.hq.hq_edits import hq_edit, publish_reference
from app.models import Demand, Enterprise, ServiceRecord
from app.models.database import Database, open_database
from app.sync.client import OfflineError, PulledPage, SyncClient
from app.sync.engine import Faults, sync
from app.sync.enrolment import CODE_KEY, PERSISTED_KEY, SERVER_KEY, STATION_KEY, _set_meta, adopt_station
from app.sync.protocol import SYNCED_TABLES

from .helpers import add_work, assert_station_equals_hq
from .test_sync_faults import Crash

SEEDS = range(3)


def _dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.engine.connect() as conn:
        return {t: [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY id")] for t in SYNCED_TABLES}


def _hq_content(make_station, hq_engine: Engine):  # type: ignore[no-untyped-def]
    """HQ with every kind of row: two stations' work, edits, soft deletes, published reference data."""
    producer, other = make_station("GZ-INT-P"), make_station("GZ-INT-Q")
    p_ids = add_work(producer.db, producer.station_id, 60, seed=11)
    add_work(other.db, other.station_id, 25, seed=12)
    with producer.db.begin() as s:
        for i in p_ids[:8]:
            s.get(Enterprise, i).deleted = True
        for r in s.query(ServiceRecord).limit(5):
            r.deleted = True
        for d in s.query(Demand).limit(3):
            d.status = "dispatched"
    for st in (producer, other, producer):
        assert sync(st.db, st.client()).completed
    with hq_engine.begin() as conn:
        inst = publish_reference(conn, "service_institution", [{"name": f"机构{i}", "category": "finance"} for i in range(6)])
        publish_reference(conn, "catalogue_entry", [{"institution_id": str(inst[0].id), "title": "融资对接", "stage": "growth",
                                                    "category": "finance"}])
        publish_reference(conn, "policy", [{"title": f"政策{i}", "category": "tax", "issued_on": "2026-03-01"} for i in range(9)])
        publish_reference(conn, "expert", [{"name": f"专家{i}", "fields": "finance"} for i in range(4)])
        hq_edit(conn, "enterprise", p_ids[10], {"address": "总部修改的地址"})
    return producer


def _clone(source: Database, path: Any, station_id: Any) -> Database:
    """A blank profile linked to the same station and token (as after a reinstall)."""
    db = open_database(path)
    with source.engine.connect() as conn:
        meta = dict(conn.exec_driver_sql("SELECT key, value FROM profile_meta").all())
    with db.engine.begin() as conn:
        adopt_station(conn, station_id, queue_everything=True)
        for key in (SERVER_KEY, CODE_KEY, STATION_KEY, PERSISTED_KEY):
            _set_meta(conn, key, meta[key])
    return db


class Flaky(SyncClient):
    def __init__(self, base: SyncClient, fail_on_pull: int) -> None:
        super().__init__(base.base_url, base.token, http=base.http)
        self.left = fail_on_pull

    def pull_page(self, cursor: Any, limit: int, table: str | None = None, figures: tuple[str, ...] | None = None) -> PulledPage:
        self.left -= 1
        if self.left == 0:
            raise OfflineError("网络中断（测试）")
        return super().pull_page(cursor, limit, table, figures)


def test_interrupted_syncs_end_identical_to_an_uninterrupted_one(make_station, hq_engine: Engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _hq_content(make_station, hq_engine)
    reference = make_station("GZ-INT-P", setup=False)  # the producer station, reinstalled
    assert sync(reference.db, reference.client()).completed
    expected = _dump(reference.db)
    assert sum(len(v) for v in expected.values()) > 150
    interruptions = 0
    for seed in SEEDS:
        rng = random.Random(seed)
        db = _clone(reference.db, tmp_path / f"clone{seed}.db", reference.station_id)
        try:
            for _attempt in range(400):
                client, mode, k = reference.client(), rng.choice(["cancel", "crash", "offline"]), rng.randint(1, 6)
                ticks = {"n": 0}

                def tick(ticks: dict[str, int] = ticks, mode: str = mode, k: int = k) -> None:
                    ticks["n"] += 1
                    if mode == "crash" and ticks["n"] == k:
                        raise Crash

                def cancelled(ticks: dict[str, int] = ticks, mode: str = mode, k: int = k) -> bool:
                    ticks["n"] += mode == "cancel"
                    return mode == "cancel" and ticks["n"] >= k

                if mode == "offline":
                    client = Flaky(client, k)
                try:
                    result = sync(db, client, page_size=rng.randint(1, 40), cancelled=cancelled,
                                  faults=Faults(between_page_and_cursor=tick))
                except Crash:
                    interruptions += 1
                    continue
                if result.completed:
                    break
                interruptions += 1
            else:
                raise AssertionError("never completed")
            assert _dump(db) == expected, f"seed {seed}"
            assert_station_equals_hq(db, hq_engine, reference.station_id)
        finally:
            db.dispose()
    assert interruptions >= 3 * len(SEEDS)


def test_pages_follow_numeric_txid_order_across_a_digit_boundary(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    """Rows committed in transactions 98…101 must all arrive with any page size: a page
    ordered by txid as text ("100" < "99") against a numeric cursor skips rows."""
    from sqlalchemy import text

    source = make_station("GZ-DIGITS-SRC")
    add_work(source.db, source.station_id, 8, seed=21)
    assert sync(source.db, source.client()).completed
    with hq_engine.begin() as conn:  # as if those rows had been committed by transactions 98–101
        conn.execute(text("ALTER TABLE replica_row DISABLE TRIGGER replica_row_txid"))
        conn.execute(text(
            "UPDATE replica_row SET txid = CAST((98 + (abs(hashtext(id::text)) % 4))::text AS xid8) "
            "WHERE tbl = 'enterprise' AND station_id = :s"), {"s": source.station_id})
        conn.execute(text("ALTER TABLE replica_row ENABLE TRIGGER replica_row_txid"))
    for page_size in (1, 2, 3):
        b = make_station(f"GZ-DIGITS-{page_size}")
        assert sync(b.db, b.client(), page_size=page_size, verify=False).completed
        assert_station_equals_hq(b.db, hq_engine, b.station_id)
