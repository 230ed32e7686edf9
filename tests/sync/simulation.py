"""The randomized sync simulation lives in tests/sync/sim/ (world, ops, faults, transport,
hostile station, oracle, invariants); this name stays for older imports."""

from __future__ import annotations

from .sim import HOSTILE_KINDS, KINDS, STATS, SimStation, Simulation, fast_engine, scratch_dir

__all__ = ["HOSTILE_KINDS", "KINDS", "STATS", "SimStation", "Simulation", "fast_engine", "scratch_dir"]
