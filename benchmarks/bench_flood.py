"""A good station syncing beside a flood of bad requests, against a live `station-desk-hq serve`.

    .venv/bin/python benchmarks/bench_flood.py [--syncs 200] [--rows 20] [--flood-procs 2] [--flood-conns 4]
                                               [--flood-from 127.0.0.2] [--flood-addresses 1] [--workers 1]
                                               [--pg postgresql://postgres@127.0.0.1:5432/postgres]

A fresh database and a real server process on loopback.  One enrolled station syncs
(hello, push --rows small rows, pull to done) --syncs times, half with no flood and half
while --flood-procs processes (each with --flood-conns connections, from --flood-addresses
loopback addresses from --flood-from: an attacker elsewhere) send bad requests as fast as the server
answers them: wrong tokens (hello, push with a body), wrong enrolment codes, a 10 KB zstd
body expanding to 120 MB (enroll), and oversized bodies (enroll).  The two conditions
alternate in blocks of 10 syncs, so drift on a shared machine hits both alike.  Prints the
median and p95 of the good station's sync for each, their ratio (target: p95 under flood
≤ 2x p95 without), and what the flood got (answers by status, requests per second).
`--flood-from 127.0.0.1` floods from the good station's own address.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx
import psycopg
import zstandard
from psycopg import sql

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import cpu_usage as cpu  # noqa: E402

from app.hq import accounts  # noqa: E402
from app.hq.db import init_db, make_engine  # noqa: E402
from app.models.types import uuid7  # noqa: E402
from app.sync import protocol  # noqa: E402

BLOCK = 10  # syncs per block; blocks alternate between no flood and flood
ROTATE = 50  # flood requests per connection (and source address) before moving on
V2 = {protocol.PROTOCOL_HEADER: str(protocol.PROTOCOL_VERSION)}


def bomb(size: int = 120 * 1024 * 1024) -> bytes:
    """`{"code": "AAAA…"}` of `size` bytes, zstd-compressed (~4 KB)."""
    compressor = zstandard.ZstdCompressor(level=19).compressobj()
    parts, step = [compressor.compress(b'{"code":"')], b"A" * (1024 * 1024)
    for _ in range(size // len(step)):
        parts.append(compressor.compress(step))
    return b"".join([*parts, compressor.compress(b'"}'), compressor.flush()])


class GoodStation:
    def __init__(self, base: str, token: str, station_id: str) -> None:
        self.http = httpx.Client(base_url=base, headers={**V2, "Authorization": f"Bearer {token}"}, timeout=60)
        self.station_id, self.cursor = station_id, None

    def post(self, path: str, payload: object) -> Any:
        answer = self.http.post(path, content=protocol.encode(payload), headers={"Content-Encoding": "zstd"})
        answer.raise_for_status()
        return answer.json()

    def sync(self, rows: int) -> float:
        start = time.perf_counter()
        self.http.get("/v1/hello").raise_for_status()
        ent = {"tbl": "enterprise", "id": str(uuid7()), "station_id": self.station_id, "deleted": False,
               "data": {"name": f"企业{secrets.token_hex(3)}", "credit_code": None}, "field_hlc": {"name": 1}}
        records = [{"tbl": "service_record", "id": str(uuid7()), "station_id": self.station_id, "deleted": False,
                    "data": {"enterprise_id": ent["id"], "service_date": "2026-03-02", "category": "policy",
                             "summary": "咨询"}} for _ in range(rows - 1)]
        self.post("/v1/push", {"batch_id": str(uuid7()), "rows": [ent, *records]})
        while True:
            page = self.post("/v1/pull", {"cursor": self.cursor, "limit": protocol.DEFAULT_PULL_LIMIT})
            self.cursor = page["cursor"]
            if page["done"]:
                return time.perf_counter() - start


def _flood_requests(zip_bomb: bytes) -> list[tuple[str, str, bytes, dict[str, str]]]:
    zstd = {"Content-Encoding": "zstd"}
    return [
        ("GET", "/v1/hello", b"", {"Authorization": "Bearer guess-{n}"}),
        ("POST", "/v1/push", protocol.encode({"batch_id": str(uuid7()), "rows": []}), {"Authorization": "Bearer guess-{n}", **zstd}),
        ("POST", "/v1/enroll", protocol.encode({"code": "WRONG-{n}"}), zstd),
        ("POST", "/v1/enroll", zip_bomb, zstd),
        ("POST", "/v1/enroll", b" " * (1024 * 1024), {}),  # oversized
    ]


def flood_process(base: str, sources: list[str], conns: int, go: Any, stop: Any, ready: Any, counts: Any,
                  zip_bomb: bytes, nice: int) -> None:
    """Send bad requests on `conns` connections while `go` is set, until `stop` is set, each
    connection moving to the next of `sources` every ROTATE requests (an attacker with many
    addresses); add the answers by status to `counts` (a shared dict).  Started once and
    kept waiting between flood blocks, so starting a process costs nothing during them."""
    if nice:
        os.nice(nice)  # the attacker's own CPU is not HQ's: on one machine, let it yield to HQ and the station
    requests = _flood_requests(zip_bomb)
    seen: Counter[int] = Counter()
    lock = threading.Lock()

    def worker(offset: int) -> None:
        mine: Counter[int] = Counter()
        n = offset
        while not stop.is_set():
            if not go.wait(0.2):
                continue
            source = sources[(n // ROTATE) % len(sources)]
            transport = httpx.HTTPTransport(local_address=source)
            with httpx.Client(base_url=base, transport=transport, headers=V2, timeout=60) as http:
                for _ in range(ROTATE):
                    if not go.is_set():
                        break
                    method, path, body, headers = requests[n % len(requests)]
                    headers = {k: v.replace("{n}", str(n)) for k, v in headers.items()}
                    try:
                        mine[http.request(method, path, content=body, headers=headers).status_code] += 1
                    except httpx.HTTPError:
                        mine[0] += 1  # no answer (the server closed the connection)
                    n += 1
        with lock:
            seen.update(mine)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(conns)]
    for t in threads:
        t.start()
    ready.put(1)
    for t in threads:
        t.join()
    for status, count in seen.items():
        counts[status] = counts.get(status, 0) + count


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def quantiles(times: list[float]) -> tuple[float, float]:
    p95 = statistics.quantiles(times, n=20)[18] if len(times) > 1 else times[0]
    return statistics.median(times), p95


def measure(base: str, station: GoodStation, args: argparse.Namespace, server_pid: int) -> dict[str, Any]:
    context = mp.get_context("spawn")
    manager = context.Manager()
    counts, ready = manager.dict(), manager.Queue()
    go, stop = context.Event(), context.Event()
    first = [int(x) for x in args.flood_from.split(".")]
    sources = [".".join(map(str, [*first[:3], first[3] + i])) for i in range(args.flood_addresses)]
    procs = [context.Process(target=flood_process, args=(base, sources[p :: args.flood_procs] or sources, args.flood_conns,
                                                          go, stop, ready, counts, bomb(), args.flood_nice))
             for p in range(args.flood_procs)]
    for p in procs:
        p.start()
    for _ in procs:
        ready.get(timeout=120)
    alone: list[float] = []
    flooded: list[float] = []
    flood_seconds = 0.0
    # CPU seconds per wall second in each condition: HQ's server process, the flood's processes
    spent = {"alone": [0.0, 0.0, 0.0], "flood": [0.0, 0.0, 0.0]}  # wall, server, flood clients

    def cpu_now() -> tuple[float, float, float]:
        return time.perf_counter(), cpu.tree(server_pid), sum(cpu.process(p.pid) for p in procs if p.pid)
    for _ in range(3):
        station.sync(args.rows)  # warm up: connections, the gate's memory, PostgreSQL's caches
    per_block = BLOCK if args.syncs >= 2 * BLOCK else max(1, args.syncs // 2)
    for block in range(max(2, args.syncs // per_block)):
        before = cpu_now()
        if block % 2 == 0:
            alone.extend(station.sync(args.rows) for _ in range(per_block))
        else:
            go.set()
            time.sleep(args.flood_warmup)  # let the flood get going before measuring beside it
            flooded.extend(station.sync(args.rows) for _ in range(per_block))
            go.clear()
            flood_seconds += time.perf_counter() - before[0]
        totals = spent["alone" if block % 2 == 0 else "flood"]
        for i, (a, b) in enumerate(zip(before, cpu_now(), strict=True)):
            totals[i] += b - a
    stop.set()
    for p in procs:
        p.join(60)
    statuses = dict(sorted(counts.items()))
    manager.shutdown()
    return {"alone": alone, "flooded": flooded, "statuses": statuses, "flood_seconds": flood_seconds, "cpu": spent}


def report(result: dict[str, Any], args: argparse.Namespace) -> str:
    a50, a95 = quantiles(result["alone"])
    f50, f95 = quantiles(result["flooded"])
    total = sum(result["statuses"].values())
    rate = total / result["flood_seconds"] if result["flood_seconds"] else 0.0
    lines = [
        f"good station: {args.rows} rows pushed per sync (hello, push, pull to done), {len(result['alone'])} syncs without "
        f"and {len(result['flooded'])} beside the flood, in alternating blocks of {BLOCK}; {args.workers} server worker(s)",
        f"  without flood: median {a50 * 1000:.1f} ms  p95 {a95 * 1000:.1f} ms",
        f"  with flood:    median {f50 * 1000:.1f} ms  p95 {f95 * 1000:.1f} ms",
        f"  ratio: median {f50 / a50:.2f}x  p95 {f95 / a95:.2f}x  (target p95 ≤ 2x)",
        f"flood: {args.flood_procs} process(es) x {args.flood_conns} connections from {args.flood_addresses} address(es) "
        f"starting at {args.flood_from}, "
        f"{total} requests ({rate:.0f}/s while flooding), answers by status {result['statuses']}",
    ]
    (wall_a, server_a, _), (wall_f, server_f, clients_f) = result["cpu"]["alone"], result["cpu"]["flood"]
    if wall_a and wall_f:
        lines.append(f"CPU (cores busy): HQ server {server_a / wall_a:.2f} without flood, {server_f / wall_f:.2f} with it; "
                     f"flood clients {clients_f / wall_f:.2f} (on the same 2 cores here; elsewhere in a real attack)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--syncs", type=int, default=200, help="good-station syncs in all (half beside the flood)")
    parser.add_argument("--rows", type=int, default=20)
    parser.add_argument("--flood-procs", type=int, default=2)
    parser.add_argument("--flood-conns", type=int, default=4)
    parser.add_argument("--flood-from", default="127.0.0.2", help="the flood's (first) source address (loopback)")
    parser.add_argument("--flood-addresses", type=int, default=1, help="source addresses from --flood-from upwards (≤ 250)")
    parser.add_argument("--flood-warmup", type=float, default=0.5, help="seconds of flood before measuring beside it")
    parser.add_argument("--flood-nice", type=int, default=10,
                        help="niceness of the flood's processes (0: compete with HQ for the CPU as equals)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args(argv)
    name = f"sd_bench_{secrets.token_hex(4)}"
    with psycopg.connect(args.pg, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = args.pg.rsplit("/", 1)[0] + "/" + name
    server = None
    try:
        engine = make_engine(url)
        init_db(engine)
        with engine.begin() as conn:
            code = accounts.add_station(conn, "FLOOD-GOOD", "压测站")[1]
        engine.dispose()
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "app.hq.cli", "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port),
             "--workers", str(args.workers)],
            env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                httpx.get(base + "/v1/hello", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        enrolled = httpx.post(base + "/v1/enroll", json={"code": code}, headers=V2).json()
        station = GoodStation(base, enrolled["token"], enrolled["station"]["id"])
        result = measure(base, station, args, server.pid)
        print(report(result, args))
        return result
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        with psycopg.connect(args.pg, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


if __name__ == "__main__":
    main()
