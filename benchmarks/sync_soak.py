"""Soak the sync simulation (tests/sync/sim/) over many seeds, outside the test run.

    .venv/bin/python benchmarks/sync_soak.py --seeds 1000 [--start 0] [--ops 8] [--no-hostile]
        [--broken clear_all_on_ack|cursor_apart|no_row_validation|no_clamp|no_hold]

Creates a fresh PostgreSQL database on STATION_DESK_TEST_PG (default
postgresql://postgres@127.0.0.1:5432/test), runs each seed (3 honest stations, a hostile
station and HQ, faults at every protocol step, heal, check the invariants), and prints the
seeds, failures, faults injected by kind, hostile writes by kind, refused and held counts
and the wall time; every failing seed with its first violated invariant; exit code 1 if any
seed failed.  A failing seed replays alone with `--start SEED --seeds 1`.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ENGINE_BROKEN = ("clear_all_on_ack", "cursor_apart")
HQ_BROKEN = ("no_row_validation", "no_clamp", "no_hold")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seeds", type=int, default=1000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--ops", type=int, default=8, help="random operations per seed")
    parser.add_argument("--no-hostile", action="store_true", help="leave the hostile station out")
    parser.add_argument("--broken", choices=[*ENGINE_BROKEN, *HQ_BROKEN], help="run a broken variant (should fail)")
    parser.add_argument("--no-answer-check", action="store_true",
                        help="do not compare HQ's answers to the hostile station with the expected ones (final invariants only)")
    parser.add_argument("--stop-after", type=int, default=0, help="stop after this many failures (0: never)")
    args = parser.parse_args(argv)

    import keyring
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict
    from starlette.testclient import TestClient

    from app.hq.db import init_db
    from app.hq.server import create_app
    from app.sync.engine import Faults
    from tests.sync.conftest import admin_conninfo
    from tests.sync.sim import HOSTILE_KINDS, KINDS, STATS, Simulation, fast_engine, scratch_dir
    from tests.sync.sim.broken import hq_broken

    keyring.set_keyring(_memory_keyring())
    admin = admin_conninfo()
    name = f"sd_soak_{secrets.token_hex(6)}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    parts = conninfo_to_dict(admin)
    auth = parts.get("user", "postgres") + (f":{parts['password']}" if parts.get("password") else "")
    url = f"postgresql://{auth}@{parts.get('host', '127.0.0.1')}:{parts.get('port', 5432)}/{name}"
    failures: list[str] = []
    started = time.perf_counter()
    try:
        init_db(url)
        engine = fast_engine(url)
        with (
            TestClient(create_app(engine=engine)) as http,
            tempfile.TemporaryDirectory() as fallback,
            scratch_dir(Path(fallback)) as work,
            hq_broken(args.broken if args.broken in HQ_BROKEN else None),
        ):
            sim = Simulation(engine, http, work, n_ops=args.ops, hostile_rate=0 if args.no_hostile else Simulation.hostile_rate)
            sim.check_answers = not args.no_answer_check
            if args.broken in ENGINE_BROKEN:
                sim.broken = Faults(**{args.broken: True})
            for seed in range(args.start, args.start + args.seeds):
                try:
                    sim.run(seed)
                except AssertionError as exc:
                    failures.append(f"seed {seed}: {str(exc).splitlines()[0][:300]}")
                    print(failures[-1], flush=True)
                    if args.stop_after and len(failures) >= args.stop_after:
                        break
                done = seed - args.start + 1
                if done % 100 == 0:
                    print(f"{done} seeds, {len(failures)} failed, {time.perf_counter() - started:.0f}s", flush=True)
        engine.dispose()
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    wall = time.perf_counter() - started
    ran = args.seeds if not failures or not args.stop_after else seed - args.start + 1
    print(f"\nseeds {args.start}..{args.start + ran - 1}: {ran} run, {len(failures)} failed, wall {wall:.0f}s "
          f"({wall / max(ran, 1):.2f} s/seed; load average {os.getloadavg()[0]:.1f})")
    print("faults injected:")
    for kind in KINDS:
        print(f"  {kind:22} {STATS[kind]:6}")
    print(f"  (the count-and-hash check repaired a station {STATS['repaired']} times)")
    if not args.no_hostile:
        print("hostile writes:")
        for kind in HOSTILE_KINDS:
            print(f"  {kind:22} {STATS['hostile:' + kind]:6}")
        print(f"  refused rows {STATS['hostile:rejected']}, changes held for HQ {STATS['hostile:held_for_hq']}, "
              f"stamps clamped {STATS['hostile:clamped']}")
    print(f"honest stations: deletions held for HQ {STATS['held_for_hq']}, stamps clamped {STATS['clamped']}")
    for line in failures:
        print("FAILED", line)
    return 1 if failures else 0


def _memory_keyring():  # type: ignore[no-untyped-def]
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 10  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    return MemoryKeyring()


if __name__ == "__main__":
    sys.exit(main())
