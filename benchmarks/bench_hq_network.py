"""站点网络 at scale: the network page, a station's page, and the push beside COPY (same run).

    .venv/bin/python benchmarks/bench_hq_network.py [--stations 300] [--records 300000] [--rounds 5]
        [--push-rows 20000] [--batch 2000] [--pg postgresql://postgres@127.0.0.1:5432/postgres] [--keep]
    # the issue's size (not run in a normal session: see benchmarks/README.md for what it takes)
    .venv/bin/python benchmarks/bench_hq_network.py --records 30000000 --enterprises 3000 --chunk 200000

Generates, in a throw-away database migrated to head: N stations (accounts with their published
`station` row), each with enterprises, staff, events with attendances, demands and reports, and
M service records spread over two years, all COPYed into replica_row in chunks (COPY fires the
read-model triggers like any insert; each chunk's notes are drained after it, as a push's are).
Then, medians of --rounds:
  * network/query — app.hq.readmodel.network.network_rows (every station, this year);
  * network/http  — GET /v1/admin/network/stations through the real app (JSON included);
  * station/query — app.hq.readmodel.network.station_detail of one station;
  * station/http  — GET /v1/admin/network/stations/{code};
  * push — --push-rows new service records of one station through app.hq.push.apply_push in
    batches of --batch, beside COPY of the same rows into a replica_row-shaped table
    (benchmarks/baselines.pg_copy) and the same push with the read-model triggers disabled
    (the push before the read models), all in the same run; and the drain of the push's notes
    that follows it (HQ's work after the station has its answer, HQ migration 0008).
Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import random
import secrets
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg
from baselines import copy_tuples, pg_copy
from psycopg import sql

from app.hq import accounts
from app.hq import push as hq_push
from app.hq.db import init_db, make_engine
from app.hq.readmodel.pending import CHUNK
from app.models.types import uuid7
from app.sync import protocol

DISTRICTS = ["越秀区", "海珠区", "荔湾区", "天河区", "白云区", "黄埔区", "番禺区", "花都区", "南沙区", "从化区", "增城区"]
YEAR = 2026
FIRST_DAY = date(YEAR - 1, 1, 1)
DAYS = 730
TRIGGERS = ("rm_capture_insert", "rm_capture_update", "rm_capture_delete")  # HQ migration 0008


def _row(tbl: str, station: str, data: dict[str, Any], deleted: bool = False) -> tuple[Any, ...]:
    return (tbl, str(uuid7()), station, 1, deleted, json.dumps(data, ensure_ascii=False), None)


def _moment(rng: random.Random) -> str:
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    return datetime(day.year, day.month, day.day, rng.randrange(24), 30, tzinfo=UTC).isoformat()


def station_rows(rng: random.Random, station: str, enterprises: list[str]) -> Iterator[tuple[Any, ...]]:
    """Everything of one station but its service records."""
    for ent in enterprises:
        yield _row("enterprise", station, {"name": f"广州基准企业{ent[-6:]}有限公司", "district": rng.choice(DISTRICTS)})
    for n in range(3):
        yield _row("staff_member", station, {"name": f"员工{n}", "full_time": n < 2 or rng.random() < 0.5,
                                             "start_date": "2024-01-01"})
    for _ in range(48):
        event = _row("event", station, {"title": "政策宣讲会", "event_type": "lecture", "starts_at": _moment(rng),
                                        "ends_at": _moment(rng), "walk_in_count": rng.randrange(10)})
        yield event
        for _ in range(10):
            yield _row("event_attendance", station, {"event_id": event[1], "enterprise_id": rng.choice(enterprises),
                                                     "checked_in_at": _moment(rng) if rng.random() < 0.8 else None})
    for _ in range(60):
        status = rng.choice(["accepted", "handling", "replied", "closed", "followed_up"])
        received = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        yield _row("demand", station, {"enterprise_id": rng.choice(enterprises), "title": "融资需求", "category": "finance",
                                       "status": status, "received_on": received.isoformat(),
                                       "due_on": (received + timedelta(days=30)).isoformat(),
                                       "closed_at": _moment(rng) if status in ("closed", "followed_up") else None})
    for kind, period in (("summary", YEAR - 1), ("plan", YEAR)):
        yield _row("annual_report", station, {"year": period, "kind": kind, "status": "submitted",
                                              "submitted_at": f"{YEAR}-01-2{rng.randrange(10)}T02:00:00+00:00"})
    for quarter in (1, 2, 3):
        if rng.random() < 0.7:
            yield _row("info_report", station, {"period": f"{YEAR}-Q{quarter}", "status": "submitted",
                                                "submitted_at": f"{YEAR}-{quarter * 3 + 1:02d}-0{rng.randrange(1, 10)}T02:00:00+00:00"})


def record_rows(rng: random.Random, station: str, enterprises: list[str], n: int) -> Iterator[tuple[Any, ...]]:
    for _ in range(n):
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        score = rng.choice([None, None, 3, 4, 5, 5])
        yield _row("service_record", station, {"enterprise_id": rng.choice(enterprises), "service_date": day.isoformat(),
                                               "category": "policy", "summary": "政策咨询", "satisfaction": score},
                   deleted=rng.random() < 0.01)


def copy_in(url: str, rows: Iterator[tuple[Any, ...]], chunk: int) -> int:
    """COPY rows into replica_row, one statement (one trigger run) per chunk."""
    total = 0
    with psycopg.connect(url) as conn:
        while True:
            batch = [r for _, r in zip(range(chunk), rows, strict=False)]
            if not batch:
                return total
            with conn.cursor() as cur, cur.copy(
                "COPY replica_row (tbl, id, station_id, version, deleted, data, field_hlc) FROM STDIN"
            ) as cp:
                for row in batch:
                    cp.write_row(row)
            conn.commit()
            total += len(batch)
            drain(conn)


def drain(conn: psycopg.Connection[Any]) -> float:
    """Apply the read-model notes (app.hq.readmodel.pending.catch_up, on a psycopg connection); seconds."""
    started = time.perf_counter()
    while True:
        done = conn.execute("SELECT rm_drain(%s, true)", (CHUNK,)).fetchone()
        conn.commit()
        if done is None or done[0] < CHUNK:
            return time.perf_counter() - started


def generate(url: str, engine: Any, args: argparse.Namespace) -> list[str]:
    rng = random.Random(7)
    started = time.perf_counter()
    codes = []
    with engine.begin() as conn:
        for n in range(args.stations):
            code = f"GZ{n:04d}"
            accounts.add_station(conn, code, f"基准服务站{n}", DISTRICTS[n % len(DISTRICTS)])
            codes.append(code)
        conn.exec_driver_sql("UPDATE station_account SET enrolled_at = now(), last_seen_at = now()")
        stations = [str(s) for s in conn.exec_driver_sql("SELECT station_id FROM station_account ORDER BY code").scalars()]
    enterprises = {s: [str(uuid7()) for _ in range(args.enterprises)] for s in stations}
    others = copy_in(url, (r for s in stations for r in station_rows(rng, s, enterprises[s])), args.chunk)
    per_station = args.records // len(stations)
    records = copy_in(url, (r for s in stations for r in record_rows(rng, s, enterprises[s], per_station)), args.chunk)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    print(f"generated {len(stations)} stations, {records:,} service records, {others:,} other rows "
          f"in {time.perf_counter() - started:.1f} s", flush=True)
    return codes


TOP_UP = """WITH e AS (SELECT array_agg(id) AS ids FROM replica_row WHERE tbl = 'enterprise' AND station_id = %(s)s)
INSERT INTO replica_row (tbl, id, station_id, version, deleted, data)
SELECT 'service_record', gen_random_uuid(), %(s)s, 1, random() < 0.01, jsonb_build_object(
    'enterprise_id', e.ids[1 + floor(random() * cardinality(e.ids))::int]::text,
    'service_date', to_char(DATE '2025-01-01' + floor(random() * 730)::int, 'YYYY-MM-DD'),
    'category', 'policy', 'summary', '政策咨询',
    'satisfaction', (ARRAY[NULL, NULL, 3, 4, 5, 5])[1 + floor(random() * 6)::int])
FROM e, generate_series(1, %(n)s)"""


def top_up(url: str, per_station: int) -> None:
    """Bring every station to `per_station` service records in SQL, as a bulk load of history
    would: the rows COPY-like with the read-model notes off, then the read models of the
    records rebuilt set-based with migration 0004's own backfill statements (the distributions
    are record_rows's: days over two years, scores, 1 % deleted)."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "app/hq/migrations/versions/0004_read_models.py"
    spec = importlib.util.spec_from_file_location("rm0004", path)
    assert spec is not None and spec.loader is not None
    rm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rm)
    started = time.perf_counter()
    with psycopg.connect(url) as conn:
        conn.execute("ALTER TABLE replica_row DISABLE TRIGGER rm_capture_insert")
        conn.commit()
        counts = dict(conn.execute("SELECT a.station_id, count(r.id) FROM station_account a LEFT JOIN replica_row r "
                                   "ON r.station_id = a.station_id AND r.tbl = 'service_record' GROUP BY 1").fetchall())
        for n, (station, have) in enumerate(sorted(counts.items(), key=str)):
            if have < per_station:
                conn.execute(TOP_UP, {"s": station, "n": per_station - have})
                conn.commit()
            if n % 20 == 0:
                print(f"  top-up: {n} of {len(counts)} stations, {time.perf_counter() - started:.0f} s", flush=True)
        conn.execute("ALTER TABLE replica_row ENABLE TRIGGER rm_capture_insert")
        conn.execute("TRUNCATE rm_pending, rm_month, rm_served, rm_served_period")
        for statement in (rm.month_delta(rm.FAST), rm.served_delta(rm.FAST)):
            conn.execute(statement.format(src=rm.ALL_ROWS))
        conn.execute(rm.SERVED_COUNT.format(keys="(SELECT DISTINCT station_id, month FROM rm_served)"))
        conn.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    print(f"topped up to {per_station:,} records a station and rebuilt the records' read models "
          f"in {time.perf_counter() - started:.0f} s", flush=True)


def medians(label: str, runs: int, work: Callable[[], object]) -> float:
    values = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        values.append(time.perf_counter() - started)
    mid = statistics.median(values)
    print(f"{label:<16} median {mid * 1000:8.1f} ms  runs {', '.join(f'{v * 1000:.0f}' for v in values)} ms", flush=True)
    return mid


def bench_pages(engine: Any, codes: list[str], args: argparse.Namespace) -> None:
    from starlette.testclient import TestClient

    from app.hq.admin import users
    from app.hq.readmodel import network
    from app.hq.server import create_app

    code = codes[len(codes) // 2]
    with engine.connect() as conn:
        rows = network.network_rows(conn, year=YEAR)
        assert len(rows) == len(codes)
        print(f"network: {len(rows)} rows; year's records {sum(r.figures.service_records for r in rows):,}", flush=True)

    def query_network() -> None:
        with engine.connect() as conn:
            network.network_rows(conn, year=YEAR)

    def query_station() -> None:
        with engine.connect() as conn:
            network.station_detail(conn, code, YEAR)

    medians("network/query", args.rounds, query_network)
    medians("station/query", args.rounds, query_station)
    with engine.begin() as conn:
        _, enrol = users.add_user(conn, f"bench-admin-{secrets.token_hex(3)}", "admin")  # --db: one more each run
    with TestClient(create_app(engine=engine)) as client:
        answer = client.post("/v1/enroll", content=protocol.encode({"code": enrol}),
                             headers={protocol.PROTOCOL_HEADER: "2", "Content-Encoding": "zstd"})
        headers = {protocol.PROTOCOL_HEADER: "2", "Authorization": f"Bearer {answer.json()['token']}"}

        def get(path: str) -> None:
            reply = client.get(path, params={"year": YEAR}, headers=headers)
            assert reply.status_code == 200, reply.text

        medians("network/http", args.rounds, lambda: get("/v1/admin/network/stations"))
        medians("station/http", args.rounds, lambda: get(f"/v1/admin/network/stations/{code}"))


def bench_push(url: str, engine: Any, args: argparse.Namespace) -> None:
    rng = random.Random(11)
    with engine.connect() as conn:
        station = conn.exec_driver_sql("SELECT station_id FROM station_account ORDER BY code LIMIT 1").scalar_one()
    enterprises = [str(uuid7()) for _ in range(args.enterprises)]

    def wire_rows(n: int = args.push_rows) -> list[dict[str, Any]]:
        return [{"tbl": t, "id": i, "station_id": s, "version": 1, "deleted": d, "data": json.loads(j)}
                for t, i, s, _, d, j, _ in record_rows(rng, str(station), enterprises, n)]

    def push(rows: list[dict[str, Any]]) -> float:
        started = time.perf_counter()
        for i in range(0, len(rows), args.batch):
            with engine.begin() as conn:
                hq_push.apply_push(conn, station, uuid.uuid4(), rows[i : i + args.batch])
        return time.perf_counter() - started

    def triggers(on: bool) -> None:
        """Switch the read-model triggers, then push a few untimed batches: ALTER TABLE makes every
        connection plan the push's statements (and PL/pgSQL the trigger functions) again, a cost
        a running HQ never pays and that would otherwise land on whichever push comes next."""
        with engine.begin() as conn:
            for name in TRIGGERS:
                conn.exec_driver_sql(f"ALTER TABLE replica_row {'ENABLE' if on else 'DISABLE'} TRIGGER {name}")
        for _ in range(3):
            push([dict(r, data=dict(r["data"], service_date=date(YEAR, 12, 7).isoformat())) for r in wire_rows(args.small)])

    def drained() -> float:
        with psycopg.connect(url) as conn:
            return drain(conn)

    triggers(True)  # on already: this warms the connection as every switch does
    drained()
    copy_s, with_s, without_s, drain_s = [], [], [], []
    for _ in range(args.rounds):  # alternated, so drift in the machine's load hits all three alike
        rows = wire_rows()
        copy_s.append(pg_copy(url, copy_tuples(rows)))
        with_s.append(push(rows))
        drain_s.append(drained())
        rows = wire_rows()
        triggers(False)
        try:
            without_s.append(push(rows))
        finally:
            triggers(True)
    _report(args.push_rows, args.batch, args.rounds, copy_s, with_s, without_s, drain_s)
    # the everyday push: a station sends the few records of the day (this month, known enterprises)
    copy_s, with_s, without_s, drain_s = [], [], [], []
    today = date(YEAR, 12, 7)
    for _ in range(args.rounds):
        batches = [[dict(r, data=dict(r["data"], service_date=today.isoformat())) for r in wire_rows(args.small)]
                   for _ in range(args.small_pushes)]
        flat = [r for b in batches for r in b]
        copy_s.append(pg_copy(url, copy_tuples(flat)))
        with_s.append(sum(push(b) for b in batches))
        drain_s.append(drained())
        batches = [[dict(r, id=str(uuid7())) for r in b] for b in batches]
        triggers(False)
        try:
            without_s.append(sum(push(b) for b in batches))
        finally:
            triggers(True)
    _report(args.small * args.small_pushes, args.small, args.rounds, copy_s, with_s, without_s, drain_s)


def _report(n: int, batch: int, rounds: int, copy_s: list[float], with_s: list[float], without_s: list[float],
            drain_s: list[float]) -> None:
    c, w, wo, d = (statistics.median(v) for v in (copy_s, with_s, without_s, drain_s))
    print(f"push {n:,} rows in batches of {batch}, medians of {rounds}:", flush=True)
    print(f"  COPY                  {c * 1000:8.0f} ms  {n / c:10,.0f} rows/s", flush=True)
    print(f"  push, notes for the read models  {w * 1000:8.0f} ms  {n / w:10,.0f} rows/s  {c / w:6.1%} of COPY", flush=True)
    print(f"  push, triggers off               {wo * 1000:8.0f} ms  {n / wo:10,.0f} rows/s  {c / wo:6.1%} of COPY "
          "(the push before the read models)", flush=True)
    print(f"  drain after the push (HQ's own work, off the station's path)  {d * 1000:8.0f} ms", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, default=300)
    parser.add_argument("--records", type=int, default=300_000)
    parser.add_argument("--enterprises", type=int, default=300, help="enterprises per station")
    parser.add_argument("--chunk", type=int, default=50_000, help="rows per COPY while generating")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--push-rows", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=protocol.MAX_PUSH_ROWS)
    parser.add_argument("--small", type=int, default=20, help="rows of an everyday push")
    parser.add_argument("--small-pushes", type=int, default=50, help="everyday pushes per round")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--keep", action="store_true", help="keep the generated database (its name is printed)")
    parser.add_argument("--db", help="measure a database generated before (with --keep) instead of generating one")
    parser.add_argument("--top-up", action="store_true",
                        help="with --db: first bring each station to --records / --stations records in SQL (top_up)")
    args = parser.parse_args()
    name = args.db or f"sd_bench_net_{secrets.token_hex(4)}"
    if args.db:
        args.keep = True
    else:
        with psycopg.connect(args.pg, autocommit=True) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = args.pg.rsplit("/", 1)[0] + "/" + name
    print(f"database {name}", flush=True)
    engine = make_engine(url)
    try:
        init_db(engine)
        if args.db:
            if args.top_up:
                top_up(url, args.records // args.stations)
            with engine.connect() as conn:
                codes = list(conn.exec_driver_sql("SELECT code FROM station_account ORDER BY code").scalars())
        else:
            codes = generate(url, engine, args)
        bench_pages(engine, codes, args)
        bench_push(url, engine, args)
    finally:
        engine.dispose()
        if not args.keep:
            with psycopg.connect(args.pg, autocommit=True) as admin:
                admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


if __name__ == "__main__":
    main()
