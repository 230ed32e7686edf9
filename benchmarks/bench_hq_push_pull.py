"""HQ sync service throughput: push and pull beside raw SQLite and PostgreSQL COPY (same run).

    .venv/bin/python benchmarks/bench_hq_push_pull.py [--rows 100000] [--batch 2000] [--page 5000]
                                                       [--pg postgresql://postgres@127.0.0.1:5432/postgres]

Creates a throw-away database, then measures:
  * copy        — COPY of the same rows into a table shaped like replica_row (the ceiling;
                  benchmarks/baselines.py: same columns, defaults and indexes);
  * raw sqlite  — sqlite3 executemany of the same rows as station storage tuples into the
                  station schema, one transaction;
  * push/store  — app.hq.push.apply_push in batches (one transaction each), in process;
  * push/http   — the same through /v1/push (zstd + JSON + validation, in-process ASGI);
  * pull/store  — app.hq.pull.pull pages of --page rows;
  * pull/http   — the same through /v1/pull, bodies zstd-compressed and decoded.
Prints rows/s and each as a throughput share of COPY and of raw SQLite (= baseline s / its s).
Not part of the test run.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg
from baselines import copy_tuples, pg_copy, sqlite_executemany, storage_tuples
from psycopg import sql

from app.hq import accounts, pull
from app.hq import push as hq_push
from app.hq.db import init_db, make_engine
from app.models.types import uuid7
from app.sync import protocol


def make_rows(station: uuid.UUID, n: int) -> list[dict]:
    ent = str(uuid7())
    return [
        {"tbl": "service_record", "id": str(uuid7()), "station_id": str(station), "version": 1, "deleted": False,
         "data": {"enterprise_id": ent, "service_date": "2026-03-02", "category": "policy", "channel": "walk_in",
                  "prep_minutes": 10, "contact_minutes": 25, "fee_type": "free", "summary": f"政策咨询与辅导 {i}",
                  "outcome": "已解答", "reportable": True}}
        for i in range(n)
    ]


def timed(label: str, rows: int, work, baselines: dict[str, float] | None = None) -> float:  # type: ignore[no-untyped-def]
    """Time `work` (or take its returned seconds, for a baseline) and print rows/s, with
    throughput shares of each baseline (baseline seconds / these seconds)."""
    start = time.perf_counter()
    returned = work()
    seconds = returned if isinstance(returned, float) else time.perf_counter() - start
    rate = rows / seconds
    shares = "".join(f"  {base_s / seconds:6.1%} of {name}" for name, base_s in (baselines or {}).items())
    print(f"{label:<12} {rows:>9,} rows  {seconds:7.2f} s  {rate:>10,.0f} rows/s{shares}  load {os.getloadavg()[0]:.1f}",
          flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=protocol.MAX_PUSH_ROWS)
    parser.add_argument("--page", type=int, default=protocol.DEFAULT_PULL_LIMIT)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    name = f"sd_bench_{secrets.token_hex(4)}"
    with psycopg.connect(args.pg, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = args.pg.rsplit("/", 1)[0] + "/" + name
    engine = make_engine(url)
    try:
        run(engine, args, url)
    finally:
        engine.dispose()
        with psycopg.connect(args.pg, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


def run(engine, args, url: str) -> None:  # type: ignore[no-untyped-def]
    from starlette.testclient import TestClient

    from app.hq.server import create_app

    init_db(engine)
    with engine.begin() as conn:
        station = accounts.add_station(conn, "BENCH-1", "基准测试站", "天河区")[0]
        http_station, code = accounts.add_station(conn, "BENCH-2", "基准测试站二", "天河区")
    n = args.rows
    print(f"{n:,} service_record rows, push batches of {args.batch}, pull pages of {args.page}")

    base_rows = make_rows(station.station_id, n)
    base = {"COPY": timed("copy", n, lambda: pg_copy(url, copy_tuples(base_rows)))}
    base["raw SQLite"] = timed("raw sqlite", n, lambda: sqlite_executemany(storage_tuples(base_rows)))
    base_rows = []  # free the copies before the pushes are timed
    rows = make_rows(station.station_id, n)

    def push_store() -> None:
        for i in range(0, n, args.batch):
            with engine.begin() as conn:
                hq_push.apply_push(conn, station.station_id, uuid.uuid4(), rows[i : i + args.batch])

    timed("push/store", n, push_store, base)

    def pull_store() -> None:
        cursor, got = None, 0
        while True:
            with engine.begin() as conn:
                page = pull.pull(conn, station.station_id, cursor, args.page, "service_record")
            got += len(page.rows_json)
            cursor = page.cursor
            if page.done:
                break
        assert got == n, got

    timed("pull/store", n, pull_store, base)

    with TestClient(create_app(engine=engine)) as client:
        token = client.post("/v1/enroll", json={"code": code}, headers={protocol.PROTOCOL_HEADER: "1"}).json()["token"]
        headers = {protocol.PROTOCOL_HEADER: "1", "Authorization": f"Bearer {token}", "Content-Encoding": "zstd"}
        http_rows = make_rows(http_station.station_id, n)

        def push_http() -> None:
            for i in range(0, n, args.batch):
                body = protocol.encode({"batch_id": str(uuid7()), "rows": http_rows[i : i + args.batch]})
                answer = client.post("/v1/push", content=body, headers=headers)
                assert answer.status_code == 200 and answer.json()["accepted"] == len(http_rows[i : i + args.batch])

        timed("push/http", n, push_http, base)

        def pull_http() -> None:
            cursor, got = None, 0
            while True:
                payload = {"cursor": cursor, "limit": args.page, "table": "service_record"}
                answer = client.post("/v1/pull", content=protocol.encode(payload), headers=headers).json()
                got += len(answer["rows"])
                cursor = answer["cursor"]
                if answer["done"]:
                    break
            assert got == n, got

        timed("pull/http", n, pull_http, base)


if __name__ == "__main__":
    main()
