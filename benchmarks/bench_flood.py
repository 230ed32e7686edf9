"""A good station syncing beside a flood of bad requests, against a live `station-desk-hq serve`.

    .venv/bin/python benchmarks/bench_flood.py [--syncs 200] [--rounds 4] [--rows 20] [--flood-procs 2]
                                               [--flood-conns 4] [--flood-from 127.0.0.2] [--flood-addresses 1]
                                               [--workers 1] [--no-pin]
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

A real attacker runs on its own machine: its CPU is not HQ's.  On one machine that is
emulated by pinning (sched_setaffinity) the flood's processes to the last CPU and HQ's
server and the good station to the others (`--no-pin`: everyone everywhere, as before);
the flood's processes are niced as well.  PostgreSQL and everything else on the machine
run where the kernel puts them.  The syncs are split into --rounds rounds, each its own
alternating blocks, and each round reports its own figures and the load average.
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
from app.hq.server import HOLD_ENV  # noqa: E402
from app.models.types import uuid7  # noqa: E402
from app.sync import protocol  # noqa: E402

BLOCK = 10  # syncs per block; blocks alternate between no flood and flood
ROTATE = 50  # flood requests per source address before moving on (at once when it is answered 429)
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
                  zip_bomb: bytes, nice: int, cpus: set[int]) -> None:
    """Send bad requests on `conns` connections while `go` is set, until `stop` is set, each
    connection moving to the next of `sources` every ROTATE requests, or as soon as its address
    is locked (an attacker with many addresses); add the answers by status to `counts` (a shared dict).  Started once and
    kept waiting between flood blocks, so starting a process costs nothing during them."""
    if nice:
        os.nice(nice)  # the attacker's own CPU is not HQ's: on one machine, let it yield to HQ and the station
    if cpus:
        os.sched_setaffinity(0, cpus)  # ... and keep it on its own core(s), as if on its own machine
    requests = _flood_requests(zip_bomb)
    seen: Counter[int] = Counter()
    lock = threading.Lock()

    def worker(offset: int) -> None:
        mine: Counter[int] = Counter()
        clients: dict[str, httpx.Client] = {}  # one per source address, kept: making one costs ~30 ms of CPU
        n, k = offset, offset  # requests sent, source address in use
        while not stop.is_set():
            if not go.wait(0.2):
                continue
            source = sources[k % len(sources)]
            if source not in clients:
                transport = httpx.HTTPTransport(local_address=source, verify=False)  # plain http: no TLS context
                clients[source] = httpx.Client(base_url=base, transport=transport, headers=V2, timeout=60)
            http = clients[source]
            for _ in range(ROTATE):
                if not go.is_set():
                    break
                method, path, body, headers = requests[n % len(requests)]
                headers = {name: v.replace("{n}", str(n)) for name, v in headers.items()}
                n += 1
                try:
                    status = http.request(method, path, content=body, headers=headers).status_code
                except httpx.HTTPError:
                    status = 0  # no answer (the server closed the connection)
                mine[status] += 1
                if status == 429 and len(sources) > 1:
                    break  # this address is locked: go on from the next one
            k += 1
        for http in clients.values():
            http.close()
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


def cpu_split(args: argparse.Namespace) -> tuple[set[int], set[int]]:
    """(HQ's and the good station's CPUs, the flood's CPUs); both all CPUs when not pinning."""
    cpus = sorted(args.cpus)
    if args.no_pin or len(cpus) < 2:
        return set(cpus), set(cpus)
    return set(cpus[:-1]), {cpus[-1]}


def measure(base: str, station: GoodStation, args: argparse.Namespace, server_pid: int) -> dict[str, Any]:
    context = mp.get_context("spawn")
    manager = context.Manager()
    counts, ready = manager.dict(), manager.Queue()
    go, stop = context.Event(), context.Event()
    first = [int(x) for x in args.flood_from.split(".")]
    sources = [".".join(map(str, [*first[:3], first[3] + i])) for i in range(args.flood_addresses)]
    _, flood_cpus = cpu_split(args)
    zip_bomb = bomb()
    procs = [context.Process(target=flood_process, args=(base, sources[p :: args.flood_procs] or sources, args.flood_conns,
                                                          go, stop, ready, counts, zip_bomb, args.flood_nice,
                                                          set() if args.no_pin else flood_cpus))
             for p in range(args.flood_procs)]
    for p in procs:
        p.start()
    for _ in procs:
        ready.get(timeout=120)
    rounds: list[dict[str, Any]] = []
    flood_seconds = 0.0

    def cpu_now() -> tuple[float, float, float, float]:
        """wall, HQ's server, the flood's clients, the good station (this process)"""
        return (time.perf_counter(), cpu.tree(server_pid), sum(cpu.process(p.pid) for p in procs if p.pid),
                cpu.process(os.getpid()))
    for _ in range(3):
        station.sync(args.rows)  # warm up: connections, the gate's memory, PostgreSQL's caches
    rounds_wanted = max(1, min(args.rounds, args.syncs // 2))  # each round: at least one sync per condition
    per_round = args.syncs // rounds_wanted
    per_block = BLOCK if per_round >= 2 * BLOCK else max(1, per_round // 2)
    for _ in range(rounds_wanted):
        alone: list[float] = []
        flooded: list[float] = []
        # CPU seconds in each condition: wall, HQ's server, the flood's clients, the good station
        spent = {"alone": [0.0] * 4, "flood": [0.0] * 4}
        load = os.getloadavg()[0]
        for block in range(2 * max(1, per_round // (2 * per_block))):
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
        rounds.append({"alone": alone, "flooded": flooded, "cpu": spent, "load": (load + os.getloadavg()[0]) / 2})
    stop.set()
    for p in procs:
        p.join(60)
    statuses = dict(sorted(counts.items()))
    manager.shutdown()
    return {"alone": [t for r in rounds for t in r["alone"]], "flooded": [t for r in rounds for t in r["flooded"]],
            "rounds": rounds, "statuses": statuses, "flood_seconds": flood_seconds,
            "cpu": {k: [sum(r["cpu"][k][i] for r in rounds) for i in range(4)] for k in ("alone", "flood")}}


def _figures(alone: list[float], flooded: list[float]) -> str:
    a50, a95 = quantiles(alone)
    f50, f95 = quantiles(flooded)
    return (f"without {a50 * 1000:.1f} / {a95 * 1000:.1f} ms, with {f50 * 1000:.1f} / {f95 * 1000:.1f} ms (median / p95); "
            f"ratio median {f50 / a50:.2f}x p95 {f95 / a95:.2f}x")


def report(result: dict[str, Any], args: argparse.Namespace) -> str:
    total = sum(result["statuses"].values())
    rate = total / result["flood_seconds"] if result["flood_seconds"] else 0.0
    server_cpus, flood_cpus = cpu_split(args)
    where = ("not pinned: flood, HQ and the good station share every CPU" if args.no_pin or server_cpus == flood_cpus else
             f"pinned: flood on CPU {sorted(flood_cpus)}, HQ's server and the good station on CPU {sorted(server_cpus)}")
    lines = [
        f"good station: {args.rows} rows pushed per sync (hello, push, pull to done), {len(result['alone'])} syncs without "
        f"and {len(result['flooded'])} beside the flood, in alternating blocks of {BLOCK}; {args.workers} server worker(s); "
        f"{where}",
    ]
    for n, r in enumerate(result["rounds"], 1):
        lines.append(f"  round {n} (load {r['load']:.1f}): {_figures(r['alone'], r['flooded'])}")
    lines.append(f"  all rounds: {_figures(result['alone'], result['flooded'])}  (target p95 ≤ 2x)")
    lines.append(f"flood: {args.flood_procs} process(es) x {args.flood_conns} connections from {args.flood_addresses} "
                 f"address(es) starting at {args.flood_from}, {total} requests ({rate:.0f}/s while flooding), "
                 f"answers by status {result['statuses']}")
    (wall_a, server_a, _, good_a), (wall_f, server_f, clients_f, good_f) = result["cpu"]["alone"], result["cpu"]["flood"]
    if wall_a and wall_f:
        lines.append(f"CPU (cores busy) without / with flood: HQ server {server_a / wall_a:.2f} / {server_f / wall_f:.2f}, "
                     f"good station {good_a / wall_a:.2f} / {good_f / wall_f:.2f}; flood clients {clients_f / wall_f:.2f}"
                     + (f" (µs per flood request: HQ {1e6 * (server_f - server_a * wall_f / wall_a) / total:.0f} extra, "
                        f"clients {1e6 * clients_f / total:.0f})" if total else ""))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--syncs", type=int, default=200, help="good-station syncs in all (half beside the flood)")
    parser.add_argument("--rounds", type=int, default=4, help="rounds the syncs are split into, each reported")
    parser.add_argument("--no-pin", action="store_true",
                        help="do not keep the flood on its own CPU (and HQ and the good station off it)")
    parser.add_argument("--rows", type=int, default=20)
    parser.add_argument("--flood-procs", type=int, default=2)
    parser.add_argument("--flood-conns", type=int, default=4)
    parser.add_argument("--flood-from", default="127.0.0.2", help="the flood's (first) source address (loopback)")
    parser.add_argument("--flood-addresses", type=int, default=1, help="source addresses from --flood-from upwards (≤ 250)")
    parser.add_argument("--flood-warmup", type=float, default=0.5, help="seconds of flood before measuring beside it")
    parser.add_argument("--flood-nice", type=int, default=10,
                        help="niceness of the flood's processes (0: compete with HQ for the CPU as equals)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--hold", type=float, default=None,
                        help="seconds HQ holds back a 429 (STATION_DESK_HQ_HOLD_429; default: HQ's own, 1 s)")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args(argv)
    args.cpus = os.sched_getaffinity(0)  # before this process pins itself
    name = f"sd_bench_{secrets.token_hex(4)}"
    with psycopg.connect(args.pg, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = args.pg.rsplit("/", 1)[0] + "/" + name
    server = None
    own_cpus = os.sched_getaffinity(0)
    try:
        engine = make_engine(url)
        init_db(engine)
        with engine.begin() as conn:
            code = accounts.add_station(conn, "FLOOD-GOOD", "压测站", "天河区")[1]
        engine.dispose()
        port = free_port()
        server_cpus, _ = cpu_split(args)
        if not args.no_pin:
            os.sched_setaffinity(0, server_cpus)  # the good station (this process) beside HQ, off the flood's CPU
        server = subprocess.Popen(
            [sys.executable, "-m", "app.hq.cli", "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port),
             "--workers", str(args.workers)],
            env={**os.environ, **({} if args.hold is None else {HOLD_ENV: str(args.hold)})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=None if args.no_pin else lambda: os.sched_setaffinity(0, server_cpus),
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
        os.sched_setaffinity(0, own_cpus)
        if server is not None:
            server.terminate()
            server.wait(10)
        with psycopg.connect(args.pg, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


if __name__ == "__main__":
    main()
