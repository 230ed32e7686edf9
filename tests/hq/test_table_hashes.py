"""HQ's kept sanity-check figures (migration 0007, app.hq.table_hashes) always equal a full
recount (app.hq.pull.table_figures) for every station and table: after pushes of owned rows
and enterprises, merges by credit code, deletions, HQ's publishing, an unmerge, the tombstone
purge, and folds of the deltas into the base; and /v1/check answers from them."""

from __future__ import annotations

import random
import uuid
from typing import Any

from sqlalchemy import text

from app.hq import pull, table_hashes
from app.hq import push as hq_push
from app.hq.hq_edits import publish_reference
from app.hq.tombstones import purge_tombstones
from app.hq.unmerge import unmerge
from app.sync import protocol
from tests.hq.conftest import call
from tests.hq.factories import T0, enterprise, hlc, service_record


def _migration() -> Any:
    import importlib.util

    from app.hq.db import MIGRATIONS

    spec = importlib.util.spec_from_file_location("m0007", MIGRATIONS / "versions" / "0007_table_hashes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def push(engine: Any, station: uuid.UUID, rows: list[dict[str, Any]], at: int = 0) -> hq_push.PushResult:
    with engine.begin() as conn:
        return hq_push.apply_push(conn, station, uuid.uuid4(), rows, at_ms=T0 + at)


def assert_kept_equal_recount(engine: Any, stations: list[uuid.UUID]) -> None:
    with engine.connect() as conn:
        for station in stations:
            kept, _ = table_hashes.kept_figures(conn, station, protocol.SYNCED_TABLES)
            assert kept == pull.table_figures(conn, station, list(protocol.SYNCED_TABLES)), station


def test_the_migration_knows_every_station_owned_table() -> None:
    assert _migration().OWNED == protocol.STATION_OWNED


def test_kept_figures_follow_every_kind_of_write(hq_engine, enrol, monkeypatch) -> None:
    a, b = enrol("TH-A"), enrol("TH-B")
    stations = [a.station_id, b.station_id]
    rng = random.Random(7)
    codes = ["91440101MA5C000011", "91440101MA5C000029", None]
    made: dict[uuid.UUID, list[dict[str, Any]]] = {a.station_id: [], b.station_id: []}
    for step in range(30):
        who = rng.choice(stations)
        rows = []
        for _ in range(rng.randint(1, 6)):
            kind = rng.random()
            if kind < 0.4 or not made[who]:
                row = enterprise(who, hlc(step * 10), credit_code=rng.choice(codes), name=f"企业{rng.randint(1, 9)}")
            elif kind < 0.7:
                row = service_record(who, rng.choice(made[who])["id"])
            else:  # an edit or a deletion of one of its rows
                old = rng.choice(made[who])
                row = dict(old, deleted=rng.random() < 0.4,
                           data={**old["data"], "summary" if old["tbl"] == "service_record" else "name": f"改{step}"})
                if row["tbl"] == "enterprise":
                    row["field_hlc"] = {k: hlc(step * 10 + 5) for k in row["data"]} | {"deleted": hlc(step * 10 + 5)}
            rows.append(row)
            made[who].append(row)
        push(hq_engine, who, rows, at=step * 10 + 9)
        if step % 10 == 9:
            assert_kept_equal_recount(hq_engine, stations)
    with hq_engine.begin() as conn:
        publish_reference(conn, "policy", [{"title": "稳岗补贴", "category": "finance"}])
        merges = [m for (m,) in conn.execute(text("SELECT id FROM merge_record WHERE undone_at IS NULL ORDER BY id"))]
        if merges:
            unmerge(conn, merges[0], undone_by="测试")
    assert_kept_equal_recount(hq_engine, stations)
    with hq_engine.begin() as conn:
        conn.execute(text("UPDATE replica_row SET updated_at = now() - interval '400 days' WHERE deleted"))
        conn.execute(text("UPDATE station_account SET cursor_txid = NULL"))
        purge_tombstones(conn)
    assert_kept_equal_recount(hq_engine, stations)
    monkeypatch.setattr(table_hashes, "FOLD_AT", 0)
    with hq_engine.begin() as conn:
        _, due = table_hashes.kept_figures(conn, a.station_id, protocol.SYNCED_TABLES)
        assert due
        table_hashes.fold(conn, due)
        assert conn.execute(text("SELECT count(*) FROM hq_table_hash_delta d WHERE (d.tbl, d.scope) IN "
                                 "(SELECT * FROM unnest(CAST(:t AS text[]), CAST(:s AS uuid[])))"),
                            {"t": [t for t, _ in due], "s": [str(s) for _, s in due]}).scalar() == 0
    assert_kept_equal_recount(hq_engine, stations)


def test_the_check_endpoint_answers_from_the_kept_figures_and_folds(app_client, hq_engine, enrol, monkeypatch) -> None:
    a = enrol("TH-C")
    push(hq_engine, a.station_id, [service_record(a.station_id, uuid.uuid4()) for _ in range(3)])
    with hq_engine.connect() as conn:
        truth = pull.table_figures(conn, a.station_id, ["service_record"])["service_record"]
    monkeypatch.setattr(table_hashes, "FOLD_AT", 0)
    answer = call(app_client, a, "/v1/check", {"tables": {"service_record": {"count": truth[0], "hash": truth[1]}}})
    assert answer.status_code == 200 and answer.json()["mismatched"] == []
    with hq_engine.connect() as conn:  # folded after answering: the same figures, from the base alone
        assert conn.execute(text("SELECT count(*) FROM hq_table_hash_delta WHERE scope = :s"),
                            {"s": a.station_id}).scalar() == 0
        assert table_hashes.kept_figures(conn, a.station_id, ["service_record"])[0]["service_record"] == truth
