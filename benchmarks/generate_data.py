"""Fill a profile with demo data and report the generator's insert rate.

    .venv/bin/python benchmarks/generate_data.py --home benchmarks/out/big --enterprises 100000 --records 1000000

The profile lives under DIR (STATION_DESK_HOME=DIR); `station-desk` started with the
same STATION_DESK_HOME opens it.  A demo station is created when the profile has none.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", required=True, type=Path, help="STATION_DESK_HOME for the profile")
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--profile", default="default")
    args = parser.parse_args(argv)

    os.environ["STATION_DESK_HOME"] = str(args.home.resolve())
    sys.path.insert(0, str(ROOT))
    from app.demo.data import generate
    from app.services.station.profiles import open_profile

    db = open_profile(args.profile)
    totals = [0, 0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        totals[0] = total
        if now - totals[1] > 5 or done == total:
            totals[1] = now
            print(f"  {done:>9}/{total}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    try:
        summary = generate(db, enterprises=args.enterprises, records=args.records, seed=args.seed, progress=progress)
    finally:
        db.dispose()
    elapsed = time.perf_counter() - started
    rows = totals[0]
    print(f"profile={db.path}")
    print(f"summary={summary}")
    print(f"rows={rows} seconds={elapsed:.1f} rows_per_s={rows / elapsed:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
