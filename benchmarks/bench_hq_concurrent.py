"""200 stations syncing at once against one `station-desk-hq serve` (loopback).

    .venv/bin/python benchmarks/bench_hq_concurrent.py [--stations 200] [--rows 20] [--rounds 3] [--workers N]
                                                       [--spread 0] [--protocol 2] [--phases]
                                                       [--pg postgresql://postgres@127.0.0.1:5432/postgres]

A fresh database and a real server process (uvicorn, the production pool settings).
Every station first bootstraps; then, per round, all stations start together and each
runs one incremental sync as the station client does: push --rows rows (service records
plus two shared enterprises, so every station also pulls the 400 enterprises the others
made), pull to done with the check's figures on the last page (pulls of the default page
size, which the station client takes as object rows).  `--four`: the older stations'
hello, push, pull, check.  Prints p50 / p95 / max of a station's sync time
(acceptance: p95 ≤ 3 s) and, as a baseline from the same run, one station syncing alone,
plus the CPU seconds the stations (this process), the HQ workers and PostgreSQL spent
(all databases, and the benchmark's own database alone: other agents' work shows in the first).
`--phases` instead sends one kind of request at a time from every station and splits the
CPU by request (benchmarks/hq_phases.py): which request costs whom what.  `--serial` then
runs the same rounds with one station at a time: the CPU a round costs without contention.
`--check`: each station also compares HQ's enterprise count with the enterprises it holds, as
the client's check does, and pulls once more on a difference (in a burst HQ's figures count
pushes committed above the page's watermark); the round line counts those extra pulls.

Baselines (benchmarks/baselines.py), after every round in the same run: raw SQLite
executemany and PostgreSQL COPY (replica_row-shaped table) of the rows one round pushes,
stations × --rows (4,000 by default; new ids, same shape).  The summary line compares the
median round wall time with the median baselines as throughput shares (baseline s / round s).
The pulls (each station also receives the ~400 enterprises of the round: 80,000 row
deliveries) are not in the baselines' row count.

The stations' own work (threads in this process) runs on the same cores as HQ and
PostgreSQL; on a real network it runs on 200 other machines.  `--spread S` starts each
station at a random moment within S seconds (a model of client jitter; a sync's time
still counts from its own start); the default 0 is the worst case, every station in
the same instant.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import cpu_usage as cpu  # noqa: E402
import hq_phases  # noqa: E402
from baselines import baseline_line, copy_tuples, pg_copy, sqlite_executemany, storage_tuples  # noqa: E402

from app.hq import accounts  # noqa: E402
from app.hq.db import init_db, make_engine  # noqa: E402
from app.models.types import uuid7  # noqa: E402
from app.sync import protocol  # noqa: E402


class Station:
    def __init__(self, base: str, token: str, station_id: str, version: int = protocol.PROTOCOL_VERSION,
                 check: bool = False) -> None:
        headers = {protocol.PROTOCOL_HEADER: str(version), "Authorization": f"Bearer {token}"}
        self.http = httpx.Client(base_url=base, headers=headers, timeout=120)
        self.station_id, self.cursor = station_id, None
        # --check: the live enterprises this station holds, to compare with the figures as the client does
        self.check, self.enterprises, self.figures, self.extra_pulls = check, set(), None, 0

    def post(self, path: str, payload: object) -> dict:
        answer = self.http.post(path, content=protocol.encode(payload), headers={"Content-Encoding": "zstd"})
        answer.raise_for_status()
        return protocol.decode(answer.content, None)  # as the station client reads an answer (httpx undid zstd)

    def pull_to_done(self, figures: bool = False) -> int:
        """`figures`: the check's figures come with the last page (the station client's way)."""
        got = 0
        ask: dict = {"figures": list(protocol.SYNCED_TABLES)} if figures else {}
        while True:
            # a catch-up page: object rows, as the station client asks for pages of this size
            page = self.post("/v1/pull", {"cursor": self.cursor, "limit": protocol.DEFAULT_PULL_LIMIT, **ask})
            got += len(page["rows"])
            if self.check:
                for row in page["rows"]:
                    if row["tbl"] == "enterprise":
                        (self.enterprises.discard if row["deleted"] else self.enterprises.add)(row["id"])
            self.cursor = page["cursor"]
            if page["done"]:
                assert not figures or "check" in page
                self.figures = page.get("check")
                return got

    def make_rows(self, rows: int) -> list[dict]:
        """One sync's push: two new enterprises and rows - 2 service records of the first."""
        ents = [{"tbl": "enterprise", "id": str(uuid7()), "station_id": self.station_id, "deleted": False,
                 "data": {"name": f"企业{secrets.token_hex(3)}", "credit_code": None}, "field_hlc": {"name": 1}}
                for _ in range(2)]
        records = [{"tbl": "service_record", "id": str(uuid7()), "station_id": self.station_id, "deleted": False,
                    "data": {"enterprise_id": ents[0]["id"], "service_date": "2026-03-02", "category": "policy",
                             "summary": "咨询"}}
                   for _ in range(rows - 2)]
        return ents + records

    def sync(self, rows: int, four: bool = False) -> float:
        """The station client's sync: push, then pull with the check's figures on the last page;
        `four`: the older versions' hello, push, pull, check."""
        start = time.perf_counter()
        if four:
            self.http.get("/v1/hello").raise_for_status()
        pushed = self.make_rows(rows)
        self.post("/v1/push", {"batch_id": str(uuid7()), "rows": pushed})
        if self.check:  # HQ stores them as sent: the pull does not bring them back
            self.enterprises.update(r["id"] for r in pushed if r["tbl"] == "enterprise")
        self.pull_to_done(figures=not four)
        if self.check and not four and self.figures is not None:
            # the client's check, on the enterprise count: a difference means one more pull
            # (app.sync.engine._verify; a difference after that waits for a later sync), unless
            # HQ names the table moving (its figures count rows not sent yet): then none
            if (int(self.figures["tables"]["enterprise"]["count"]) != len(self.enterprises)
                    and "enterprise" not in self.figures.get("moving", [])):
                self.extra_pulls += 1
                self.pull_to_done(figures=True)
        if four:
            self.post("/v1/check", {"tables": {"service_record": {"count": 0, "hash": 0}}})
        return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, default=200)
    parser.add_argument("--rows", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--spread", type=float, default=0.0, help="start stations within this many seconds")
    parser.add_argument("--protocol", type=int, default=protocol.PROTOCOL_VERSION, choices=sorted(protocol.SUPPORTED_VERSIONS),
                        help="the X-Station-Desk-Protocol header the stations send")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres",
                        help="the PostgreSQL server (a database to connect to first); HQ on the same host may use "
                             "its Unix socket: postgresql://postgres@/postgres?host=/var/run/postgresql")
    parser.add_argument("--phases", action="store_true", help="CPU per kind of request instead of whole syncs")
    parser.add_argument("--serial", action="store_true",
                        help="after the rounds, the same rounds one station at a time: the CPU of a round without contention")
    parser.add_argument("--four", action="store_true",
                        help="the older stations' four requests per sync (hello, push, pull, check) instead of two")
    parser.add_argument("--check", action="store_true",
                        help="stations compare HQ's enterprise count with theirs, as the client's check does, and "
                             "pull once more on a difference (figures read with a snapshot that sees pushes "
                             "committed above the watermark differ in a burst: benchmarks/bench_burst_real.py)")
    args = parser.parse_args()
    name = f"sd_bench_{secrets.token_hex(4)}"
    with psycopg.connect(args.pg, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    # the same server with the benchmark's database: a TCP URL or a Unix socket's (?host=/var/run/postgresql)
    url = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
    port = free_port()
    server = None
    try:
        engine = make_engine(url)
        init_db(engine)
        codes = []
        with engine.begin() as conn:
            for i in range(args.stations):
                codes.append(accounts.add_station(conn, f"B-{i:03d}", f"压测站{i}", "天河区")[1])
        engine.dispose()
        server = subprocess.Popen(
            [sys.executable, "-m", "app.hq.cli", "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port),
             "--workers", str(args.workers)],
            env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                httpx.get(base + "/v1/hello", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        run(base, codes, args, server.pid, url)
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        with psycopg.connect(args.pg, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


def baselines(stations: list[Station], rows: int, conninfo: str) -> tuple[int, float, float]:
    """Raw SQLite executemany and PostgreSQL COPY of one round's pushed rows (stations × rows,
    fresh ids of the same shape): (rows, raw seconds, COPY seconds)."""
    wire = [r for s in stations for r in s.make_rows(rows)]
    return len(wire), sqlite_executemany(storage_tuples(wire)), pg_copy(conninfo, copy_tuples(wire))


def run(base: str, codes: list[str], args: argparse.Namespace, server_pid: int, conninfo: str) -> None:
    stations = []
    for code in codes:
        answer = httpx.post(base + "/v1/enroll", json={"code": code}, headers={protocol.PROTOCOL_HEADER: "1"}).json()
        stations.append(Station(base, answer["token"], answer["station"]["id"], args.protocol, check=args.check))
    for s in stations:
        s.pull_to_done()
    if args.phases:
        hq_phases.run_phases(stations, args.rows, args.rounds, server_pid, conninfo, lambda: os.getloadavg()[0], args.four)
        return
    alone = statistics.median(stations[0].sync(args.rows, args.four) for _ in range(5))
    stations[0].extra_pulls = 0
    start_rule = f"starting at random within {args.spread:g} s" if args.spread else "all starting in the same instant"
    print(f"{len(stations)} stations {start_rule}, {args.workers} server worker(s), {args.rows} rows pushed each per sync, "
          f"protocol {args.protocol}, {'four' if args.four else 'two'} requests a sync; one station alone: {alone * 1000:.0f} ms")
    walls: list[float] = []
    p95s: list[float] = []
    raws: list[float] = []
    copies: list[float] = []
    for round_no in range(args.rounds):
        times: list[float] = []
        errors: list[BaseException] = []
        gate = threading.Barrier(len(stations))

        def one(s: Station, delay: float, gate: threading.Barrier = gate, times: list[float] = times,
                errors: list[BaseException] = errors) -> None:
            gate.wait()
            time.sleep(delay)
            try:
                times.append(s.sync(args.rows, args.four))
            except BaseException as failure:  # noqa: BLE001 - counted and reported
                errors.append(failure)

        rng = random.Random(round_no)
        threads = [threading.Thread(target=one, args=(s, rng.uniform(0, args.spread))) for s in stations]
        cpu0 = (time.process_time(), cpu.tree(server_pid), cpu.postgres())
        ours0 = hq_phases.backend_cpu(conninfo)
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
        spent = [b - a for a, b in zip(cpu0, (time.process_time(), cpu.tree(server_pid), cpu.postgres()), strict=True)]
        ours = hq_phases.spent_since(conninfo, ours0)
        q = statistics.quantiles(times, n=20) if len(times) > 1 else [0] * 19
        extra = sum(s.extra_pulls for s in stations)
        for s in stations:
            s.extra_pulls = 0
        print(f"round {round_no + 1}: p50 {statistics.median(times):.2f} s  p95 {q[18]:.2f} s  max {max(times):.2f} s  "
              f"wall {wall:.1f} s  errors {len(errors)}  p95/alone {q[18] / alone:.0f}x"
              + (f"  check's extra pulls {extra}" if args.check else ""))
        print(f"  CPU s: clients {spent[0]:.1f}, HQ workers {spent[1]:.1f}, PostgreSQL (all databases) {spent[2]:.1f}, "
              f"of it this database {ours:.1f}; load {os.getloadavg()[0]:.1f}")
        for exc in errors[:3]:
            print("  error:", repr(exc)[:200])
        n, raw, copy_s = baselines(stations, args.rows, conninfo)
        walls.append(wall)
        p95s.append(q[18])
        raws.append(raw)
        copies.append(copy_s)
        print(f"  baselines: {n:,} rows ({len(stations)} × {args.rows}) raw SQLite {raw * 1000:.0f} ms, "
              f"COPY {copy_s * 1000:.0f} ms; load {os.getloadavg()[0]:.1f}", flush=True)
    n = len(stations) * args.rows
    print(f"p95 of one sync, median of {len(p95s)} rounds: {statistics.median(p95s):.2f} s")
    if args.serial and not args.four:
        hq_phases.run_serial(stations, args.rows, args.rounds, server_pid, conninfo, lambda: os.getloadavg()[0])
    print(baseline_line(f"ROUND of {len(stations)} syncs (wall), median of {len(walls)} rounds, rows pushed", n,
                        statistics.median(walls), statistics.median(raws), statistics.median(copies))
          + f"; load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
