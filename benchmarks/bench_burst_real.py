"""N real station clients syncing at once: what the sanity check adds in a burst.

    .venv/bin/python benchmarks/bench_burst_real.py [--stations 30] [--rounds 3] [--bound-ms 50]

bench_hq_concurrent.py models a station as two HTTP requests a sync (push, then pull with the
check's figures) and never compares the figures.  Here each station is the real client
(app.sync.engine over its own SQLite database, a thread of this process) against a real
`station-desk-hq serve`: every round each creates 2 enterprises through the enterprise
service, then all sync in the same instant.  Printed per round: p50 / max of a sync, the round
trips per sync (a third one is the check's extra pull when HQ's figures, read with the pull's
snapshot, count enterprises other pushes committed above the watermark), the stations that had
to repair a table (a full re-pull of it), and the rows pulled.  Not part of the test run.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_bootstrap  # noqa: E402

from app.hq import accounts  # noqa: E402
from app.models.database import open_database  # noqa: E402
from app.services.enterprises.registry import create  # noqa: E402
from app.services.enterprises.validation import EnterpriseInput  # noqa: E402
from app.sync.engine import SyncResult, sync  # noqa: E402
from app.sync.enrolment import enroll, open_client  # noqa: E402


def _serve_with_bound(bound_ms: float) -> None:
    """served_hq starts `serve` with its defaults: add --bound-ms."""
    popen = subprocess.Popen

    class Popen(popen):  # type: ignore[misc, valid-type]
        def __init__(self, cmd: list[str], *a: object, **k: object) -> None:
            super().__init__([*cmd, "--bound-ms", str(bound_ms)] if "serve" in cmd else cmd, *a, **k)

    bench_bootstrap.subprocess.Popen = Popen  # type: ignore[misc]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bound-ms", type=float, default=50.0, help="serve --bound-ms (0: every pull reads its own watermark)")
    args = parser.parse_args(argv)
    _serve_with_bound(args.bound_ms)
    with bench_bootstrap.served_hq(1000, "sd_burst") as served:
        with served.hq.begin() as conn:
            codes = [served.code] + [accounts.add_station(conn, f"BU-{i:03d}", f"爆发站{i}", "天河区")[1]
                                     for i in range(args.stations - 1)]
        dbs = []
        for i, code in enumerate(codes):
            db = open_database(served.work / f"s{i}.db")
            enroll(db, served.base, code)
            with open_client(db) as client:
                assert sync(db, client).completed
            dbs.append(db)
        print(f"{args.stations} real stations enrolled and bootstrapped; serve --bound-ms {args.bound_ms:g}", flush=True)
        for round_no in range(args.rounds):
            for i, db in enumerate(dbs):
                with db.begin() as session:
                    for k in range(2):
                        create(session, EnterpriseInput(name=f"爆发企业{round_no}-{i}-{k}-{secrets.token_hex(2)}", district="天河区"))
            results: list[tuple[float, SyncResult]] = []
            gate = threading.Barrier(len(dbs))

            def one(db: object, gate: threading.Barrier = gate, results: list = results) -> None:
                with open_client(db) as client:  # type: ignore[arg-type]
                    gate.wait()
                    started = time.perf_counter()
                    result = sync(db, client)  # type: ignore[arg-type]
                    results.append((time.perf_counter() - started, result))

            threads = [threading.Thread(target=one, args=(db,)) for db in dbs]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            secs, res = [s for s, _ in results], [r for _, r in results]
            trips = Counter(r.round_trips for r in res)
            print(f"round {round_no + 1}: p50 {statistics.median(secs):.2f} s, max {max(secs):.2f} s; "
                  f"round trips {dict(sorted(trips.items()))} (mean {statistics.mean(r.round_trips for r in res):.2f}); "
                  f"incomplete {sum(not r.completed for r in res)}; repaired {sum(bool(r.repaired) for r in res)}; "
                  f"pulled {min(r.pulled for r in res)}–{max(r.pulled for r in res)}; load {os.getloadavg()[0]:.1f}", flush=True)
        for db in dbs:
            db.dispose()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # tokens in memory for this run
    sys.exit(main())
