"""Issue 14: does a sync cost what the change costs, or what the station holds?

    .venv/bin/python benchmarks/bench_sync_flat.py [--sizes 10000 100000 1000000] [--changed 1000] [--repeat 3]

For each size N: a fresh HQ database holding a station with N rows (40% enterprises, 60% its own
service records, as benchmarks/bench_bootstrap.py), a real `station-desk-hq serve` on loopback,
a station that bootstraps from it, then HQ's statistics analyzed (`VACUUM ANALYZE`, what
autovacuum leaves a minute after a bulk load).  Then, median of --repeat each:
  incremental   --changed rows edited at the station (--what: enterprises, by default, or service
                records), one sync (push, pull, check)
  no-op         a sync with nothing to do
with the time of each step (hello, push, pull, check) and the round trips, and, as the
same-run baseline, one bare HTTP round trip to the service (GET /v1/hello).  Flat means the
largest size within 1.5x of the smallest.  Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx  # noqa: E402
import psycopg  # noqa: E402
from bench_bootstrap import served_hq  # noqa: E402

from app.models.database import open_database  # noqa: E402
from app.sync import engine as sync_engine  # noqa: E402
from app.sync.client import SyncClient  # noqa: E402
from app.sync.engine import sync  # noqa: E402
from app.sync.enrolment import enroll, open_client  # noqa: E402
from app.sync.protocol import PROTOCOL_HEADER  # noqa: E402

STEPS = ("hello", "push", "pull", "check")


def _instrument(spent: dict[str, float]) -> Callable[[], None]:
    """Time each client call of a sync into `spent` (seconds, summed)."""
    saved = {name: getattr(SyncClient, name) for name in ("hello", "push", "pull_page", "check")}

    def timed(name: str, fn: Any) -> Any:
        def wrapper(*a: Any, **k: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
        return wrapper

    for name, fn in saved.items():
        setattr(SyncClient, name, timed(name.removesuffix("_page"), fn))
    verify = sync_engine._verify
    sync_engine._verify = lambda run, audit=False: timed("check total", verify)(run, audit)  # type: ignore[assignment]

    def undo() -> None:
        for name, fn in saved.items():
            setattr(SyncClient, name, fn)
        sync_engine._verify = verify  # type: ignore[assignment]

    return undo


EDITS = {
    "service_record": "UPDATE service_record SET summary = summary || '（已回访）'",
    "enterprise": "UPDATE enterprise SET address = address || '（新址）', updated_at = CURRENT_TIMESTAMP",
}


def _edit(db: Any, changed: int, what: str) -> None:
    """`changed` rows of `what` edited as the app would: half the enterprises' fields, a record's summary."""
    with db.engine.begin() as conn:
        ids = [r[0] for r in conn.exec_driver_sql(f"SELECT id FROM {what} ORDER BY random() LIMIT {changed}")]
        conn.exec_driver_sql(f"{EDITS[what]} WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))


def one_size(rows: int, changed: int, repeat: int, what: str, settings: dict[str, str] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"rows": rows}
    with served_hq(rows, "sd_flat", settings) as served:
        url, base, code = served.url, served.base, served.code
        db = open_database(served.work / "station.db")
        enroll(db, base, code)
        started = time.perf_counter()
        with open_client(db) as client:
            boot = sync(db, client)
        assert boot.completed, boot.message
        print(f"[{rows:,}] bootstrap {boot.pulled:,} rows in {time.perf_counter() - started:.1f} s", flush=True)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
        trips: list[float] = []
        with httpx.Client(base_url=base) as bare:
            for _ in range(max(5, repeat)):
                t = time.perf_counter()
                bare.get("/v1/hello", headers={PROTOCOL_HEADER: "2"})
                trips.append(time.perf_counter() - t)
        out["round trip ms"] = statistics.median(trips) * 1000
        wal_conn = psycopg.connect(url, autocommit=True)  # WAL bytes a sync writes at HQ (full-page images included)
        for kind in ("incremental", "no-op"):
            totals, parts, counts, wal = [], [], set(), []
            with open_client(db) as client:
                for _ in range(repeat):
                    if kind == "incremental":
                        _edit(db, changed, what)
                    spent: dict[str, float] = {}
                    undo = _instrument(spent)
                    lsn = wal_conn.execute("SELECT pg_current_wal_lsn()").fetchone()[0]  # type: ignore[index]
                    t = time.perf_counter()
                    try:
                        result = sync(db, client)
                    finally:
                        undo()
                    totals.append(time.perf_counter() - t)
                    wal.append(wal_conn.execute("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), %s)", (lsn,)).fetchone()[0])  # type: ignore[index]
                    parts.append(spent)
                    assert result.completed, result.message
                    counts.add((result.pushed, result.pulled, result.round_trips))
            out[kind] = statistics.median(totals) * 1000
            out[kind + " steps"] = {s: statistics.median(p.get(s, 0.0) for p in parts) * 1000 for s in (*STEPS, "check total")}
            out[kind + " counts"] = sorted(counts)
            print(f"[{rows:,}] {kind}: median {out[kind]:.0f} ms of {[round(x * 1000) for x in totals]}; "
                  f"steps {', '.join(f'{k} {v:.0f}' for k, v in out[kind + ' steps'].items())} ms; "
                  f"(pushed, pulled, round trips) {out[kind + ' counts']}; "
                  f"HQ WAL median {statistics.median(wal) / 1024:,.0f} KiB; load {os.getloadavg()[0]:.1f}", flush=True)
        wal_conn.close()
        db.dispose()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--changed", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--what", choices=sorted(EDITS), default="enterprise", help="which rows change (default enterprise)")
    parser.add_argument("--pg-set", action="append", default=[], metavar="NAME=VALUE",
                        help="a PostgreSQL setting for HQ's database (ALTER DATABASE … SET), e.g. wal_compression=lz4")
    args = parser.parse_args(argv)
    settings = dict(item.split("=", 1) for item in args.pg_set)
    if settings:
        print(f"HQ database settings: {settings}")
    results = [one_size(n, args.changed, args.repeat, args.what, settings) for n in args.sizes]
    print("\n| rows held | round trip (baseline) | incremental 1,000 | no-op | incremental ÷ smallest |")
    print("|---|---|---|---|---|")
    for r in results:
        print(f"| {r['rows']:,} | {r['round trip ms']:.1f} ms | {r['incremental']:.0f} ms | {r['no-op']:.0f} ms "
              f"| {r['incremental'] / results[0]['incremental']:.2f}x |")
    print(f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # token in memory for this run
    sys.exit(main())
