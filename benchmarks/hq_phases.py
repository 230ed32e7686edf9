"""Who pays for a sync, request by request (`bench_hq_concurrent.py --phases`).

All stations send one kind of request at once (push, then pull to done with the check's
figures; `--four`: hello, push, pull, check), phase after phase; each phase's CPU seconds are split between the stations
(this process), the HQ workers and the PostgreSQL backends *of the benchmark's database*
(other agents' databases on the same server are not counted, unlike the round lines'
"all databases").  Prints per phase the medians over the rounds, and the same per sync.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable

import cpu_usage as cpu
import psycopg

from app.models.types import uuid7

BACKENDS = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"


def backend_cpu(conninfo: str) -> dict[int, float]:
    """CPU seconds so far of each backend connected to the database of `conninfo`."""
    with psycopg.connect(conninfo, autocommit=True) as conn:
        pids = [row[0] for row in conn.execute(BACKENDS)]
    return {pid: cpu.process(pid) for pid in pids}


def spent_since(conninfo: str, before: dict[int, float]) -> float:
    """CPU the database's backends spent since `before` (the service's pooled connections
    persist, so a backend missing from either snapshot is one the pool opened or closed)."""
    after = backend_cpu(conninfo)
    return sum(after[pid] - before.get(pid, 0.0) for pid in after)


def phases(stations: list, rows: int, four: bool = False) -> dict[str, Callable]:
    """The station client's two requests, or (`four`) the older versions' four."""
    if not four:
        return {
            "push": lambda s: s.post("/v1/push", {"batch_id": str(uuid7()), "rows": s.make_rows(rows)}),
            "pull + figures": lambda s: s.pull_to_done(figures=True),
        }
    return {
        "hello": lambda s: s.http.get("/v1/hello").raise_for_status(),
        "push": lambda s: s.post("/v1/push", {"batch_id": str(uuid7()), "rows": s.make_rows(rows)}),
        "pull": lambda s: s.pull_to_done(),
        "check": lambda s: s.post("/v1/check", {"tables": {"service_record": {"count": 0, "hash": 0}}}),
    }


def run_phases(stations: list, rows: int, rounds: int, server_pid: int, conninfo: str, load: Callable[[], float],
               four: bool = False) -> None:
    found: dict[str, list[tuple[float, float, float, float]]] = {}
    for _ in range(rounds):
        for name, step in phases(stations, rows, four).items():
            threads = [threading.Thread(target=step, args=(s,)) for s in stations]
            pg0 = backend_cpu(conninfo)
            start = (time.perf_counter(), time.process_time(), cpu.tree(server_pid))
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            end = (time.perf_counter(), time.process_time(), cpu.tree(server_pid))
            found.setdefault(name, []).append((end[0] - start[0], end[1] - start[1], end[2] - start[2],
                                               spent_since(conninfo, pg0)))
    n = len(stations)
    print(f"{n} stations sending one kind of request at once, median of {rounds} rounds; load {load():.1f}")
    print("| request | wall s | stations CPU s | HQ workers CPU s | PostgreSQL (this database) CPU s | per sync: stations / HQ / PostgreSQL ms |")
    print("|---|---|---|---|---|---|")
    totals = [0.0, 0.0, 0.0, 0.0]
    for name, values in found.items():
        m = [statistics.median(v[i] for v in values) for i in range(4)]
        totals = [a + b for a, b in zip(totals, m, strict=True)]
        print(f"| {name} | {m[0]:.2f} | {m[1]:.2f} | {m[2]:.2f} | {m[3]:.2f} | "
              f"{m[1] * 1000 / n:.1f} / {m[2] * 1000 / n:.1f} / {m[3] * 1000 / n:.1f} |")
    print(f"| one sync | {totals[0]:.2f} | {totals[1]:.2f} | {totals[2]:.2f} | {totals[3]:.2f} | "
          f"{totals[1] * 1000 / n:.1f} / {totals[2] * 1000 / n:.1f} / {totals[3] * 1000 / n:.1f} |")
    print(f"load {load():.1f}")


def run_serial(stations: list, rows: int, rounds: int, server_pid: int, conninfo: str, load: Callable[[], float]) -> None:
    """The same round with nobody waiting for anybody: every station syncs once, one after
    another, in this thread (after one such round unmeasured, so each station then pulls the
    others' new enterprises of one round, as in a concurrent round's steady state).  What a
    round of syncs costs when nothing runs at the same time: the concurrent rounds' CPU above
    this is what 200 syncs at once add (waiting for locks and the GIL, more live objects to
    collect, more backends in every snapshot)."""
    for s in stations:
        s.sync(rows)
    found: list[tuple[float, float, float, float, float]] = []
    for _ in range(rounds):
        pg0 = backend_cpu(conninfo)
        start = (time.perf_counter(), time.process_time(), cpu.tree(server_pid))
        times = [s.sync(rows) for s in stations]
        end = (time.perf_counter(), time.process_time(), cpu.tree(server_pid))
        found.append((end[0] - start[0], end[1] - start[1], end[2] - start[2], spent_since(conninfo, pg0),
                      statistics.median(times)))
    n = len(stations)
    m = [statistics.median(v[i] for v in found) for i in range(5)]
    print(f"{n} stations one after another, median of {rounds} rounds: wall {m[0]:.2f} s (one sync {m[4] * 1000:.0f} ms); "
          f"CPU s: clients {m[1]:.2f}, HQ workers {m[2]:.2f}, PostgreSQL (this database) {m[3]:.2f} = {sum(m[1:4]):.2f}; "
          f"per sync {m[1] * 1000 / n:.1f} / {m[2] * 1000 / n:.1f} / {m[3] * 1000 / n:.1f} ms; load {load():.1f}")
