"""benchmarks/bench_flood.py still runs (a few syncs, a tiny flood); its figures are measured
by hand, not here (benchmarks/README.md)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.pg import DEFAULT_PG

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def test_bench_flood_runs_with_a_tiny_count(monkeypatch, capsys) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))  # the flood processes (spawned) import it the same way
    import bench_flood

    url = os.environ.get("STATION_DESK_TEST_PG", DEFAULT_PG)
    tiny = ["--syncs", "2", "--flood-procs", "1", "--flood-conns", "1", "--flood-warmup", "0.2", "--pg", url]
    result = bench_flood.main(tiny)
    printed = capsys.readouterr().out
    assert len(result["alone"]) == 1 and len(result["flooded"]) == 1
    assert "p95" in printed and "ratio" in printed
    assert set(result["statuses"]) <= {401, 413, 429}, result["statuses"]
    sys.modules.pop("bench_flood", None)
