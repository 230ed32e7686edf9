"""CPU time per keystroke of the index search alone, at any size (issue 14: 100k and 1M).

    .venv/bin/python benchmarks/bench_search_cpu.py HOME [--repeat 5] [--enterprises N]

HOME is a profile home as `bench_search.py --keep HOME` leaves it (profile "bench"); with
--enterprises it is filled first (demo data).  bench_search.py also times the LIKE and FTS5
paths, which take minutes per query set at a million rows; this script times only what
the list does per keystroke: query_ids + fetch_rows(first 50) ("page"), and query_ids
alone ("ids"), over bench_search.QUERIES.  CPU time of this process: on the shared
2-core machine wall time mostly measures the other processes.  Compare two versions by
running each tree's copy on the same HOME, one after the other.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("home", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--enterprises", type=int, default=0, help="fill the profile up to this many first")
    args = parser.parse_args()
    os.environ["STATION_DESK_HOME"] = str(args.home)
    from bench_search import QUERIES, populate

    from app.services.enterprises import search as es
    from app.services.station.profiles import open_profile

    db = open_profile("bench")
    if args.enterprises:
        populate(db, args.enterprises, "demo")
    with db.begin() as session:
        rss, started, started_cpu = _rss_mb(), time.perf_counter(), time.process_time()
        es.warm_up(session)
        print(f"{es.count(session)} enterprises; index built in {time.perf_counter() - started:.1f} s "
              f"({time.process_time() - started_cpu:.1f} s CPU); RSS {rss:.0f} -> {_rss_mb():.0f} MB; "
              f"load average {os.getloadavg()[0]:.2f}")

        def ids_only(q: str) -> object:
            return es.query_ids(session, es.EnterpriseFilter(text=q), es.SortKey.NAME, False)

        def page(q: str) -> object:
            ids = es.query_ids(session, es.EnterpriseFilter(text=q), es.SortKey.NAME, False)
            es.fetch_rows(session, ids[:50])
            return ids

        for name, search in (("page", page), ("ids", ids_only)):
            search(QUERIES[0])  # warm the statement cache
            per_query: dict[str, list[float]] = {q: [] for q in QUERIES}
            for _ in range(args.repeat):
                for q in QUERIES:
                    started_cpu = time.process_time()
                    search(q)
                    per_query[q].append((time.process_time() - started_cpu) * 1000)
            every = sorted(ms for samples in per_query.values() for ms in samples)
            p95 = every[min(len(every) - 1, round(0.95 * (len(every) - 1)))]
            print(f"{name:>4}: CPU p50 {statistics.median(every):.2f} ms, p95 {p95:.2f} ms   "
                  + " ".join(f"{q}:{statistics.median(v):.1f}" for q, v in per_query.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
