"""Randomized simulation of 3 honest stations, a hostile station and HQ, with faults at every
protocol step (used by tests/sync/test_simulation.py and benchmarks/sync_soak.py).

Everything real: HQ code on PostgreSQL behind starlette's TestClient, stations on SQLite
files, the real sync engine.  The parts:
- world: the actors and one seed's schedule (`Simulation.run`);
- ops: the honest stations' local edits, HQ's edits;
- faults, transport: the fault schedule and the wire it is injected on;
- hostile, hostile_rows: the station that pushes invalid, oversized, forged and replayed data;
- oracle: the write log of what HQ applied (clamped stamps, held deletions);
- invariants: the checks after healing;  stats: what was injected, by kind.
"""

from __future__ import annotations

from .env import fast_engine, scratch_dir
from .stats import HOSTILE_KINDS, KINDS, STATS
from .world import SimStation, Simulation

__all__ = ["HOSTILE_KINDS", "KINDS", "STATS", "SimStation", "Simulation", "fast_engine", "scratch_dir"]
