"""Time to first paint of `station-desk --smoke`, next to bare-Qt baselines from the same run.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5] [--out benchmarks/out]

Scenarios (one warm-up, then --runs rounds; scenarios interleave within a round so
machine noise hits them alike):
  import      python -c "import PySide6.QtWidgets"            (wall only)
  bare        a QMainWindow shown offscreen until its first paint
  empty       station-desk --smoke, a set-up profile without data
  big         station-desk --smoke, 100,000 enterprises + 1,000,000 service records
`first_paint_ms` counts from the start of the program's own code (interpreter start-up
excluded); `first_paint_cpu_ms` is the CPU time the process spent over the same span (other
agents on the machine disturb it less than the wall clock); `ready` is the same clock when the
database is open and the first page built (printed since the two-stage start; the frame paints
before it); `wall_ms` is the whole process, exit included.  Profiles live under --out and are created on first use (the big one with
generate_data.py: a minute or two).

Target (issue 14): first paint at 100k enterprises / 1M records ≤ 4× the bare window's in
the same run, and the same as the empty profile's within noise.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BARE_WINDOW = """
import time; t0 = time.perf_counter(); c0 = time.process_time()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([]); window = QMainWindow(); window.resize(1280, 800)
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print(f"first_paint_ms={int((time.perf_counter() - t0) * 1000)}"),
                                          print(f"first_paint_cpu_ms={int((time.process_time() - c0) * 1000)}"), app.quit()))
        return False
probe = Probe(); window.installEventFilter(probe); window.show(); app.exec()
"""


def _value(stdout: str, key: str) -> int | None:
    return next((int(line.split("=")[1]) for line in stdout.splitlines() if line.startswith(key + "=")), None)


def run(cmd: list[str], home: Path | None = None, root: Path = ROOT) -> tuple[float, int | None, int | None, int | None]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    # An installed app has its bytecode cached; compiling every module again cost ~15 % of first paint.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if home is not None:
        env["STATION_DESK_HOME"] = str(home)
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False)
    wall = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return wall, _value(done.stdout, "first_paint_ms"), _value(done.stdout, "first_paint_cpu_ms"), _value(
        done.stdout, "ready_ms")


def ensure_profiles(out: Path, enterprises: int, records: int) -> tuple[Path, Path]:
    empty, big = out / "empty", out / "big"
    if not (empty / "profiles" / "default" / "station.db").exists():
        run([PYTHON, "-m", "app.main", "setup", "--code", "GZ-TH-001", "--name", "天河区中小企业服务站",
             "--district", "天河区", "--host", "天河区工商业联合会", "--manager", "陈晓明"], empty)
    if not (big / "profiles" / "default" / "station.db").exists():
        print(f"generating {enterprises} enterprises + {records} records into {big} …", file=sys.stderr)
        subprocess.run([PYTHON, str(ROOT / "benchmarks" / "generate_data.py"), "--home", str(big),
                        "--enterprises", str(enterprises), "--records", str(records)], check=True)
    return empty, big


def summarise(values: list[float]) -> str:
    return f"median {statistics.median(values):7.0f}  min {min(values):7.0f}  max {max(values):7.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--compare", type=Path, metavar="DIR",
                        help="also run empty and big with the code in DIR (e.g. `git archive` of an older commit), "
                             "interleaved with this tree's: before/after in the same run")
    args = parser.parse_args(argv)
    empty, big = ensure_profiles(args.out.resolve(), args.enterprises, args.records)
    smoke = [PYTHON, "-m", "app.main", "--smoke"]
    scenarios: dict[str, tuple[list[str], Path | None, Path]] = {
        "import": ([PYTHON, "-c", "import PySide6.QtWidgets"], None, ROOT),
        "bare": ([PYTHON, "-c", BARE_WINDOW], None, ROOT),
        "empty": (smoke, empty, ROOT),
        "big": (smoke, big, ROOT),
    }
    if args.compare:
        scenarios.update({"empty@compare": (smoke, empty, args.compare.resolve()),
                          "big@compare": (smoke, big, args.compare.resolve())})
    walls: dict[str, list[float]] = {name: [] for name in scenarios}
    paints: dict[str, list[float]] = {name: [] for name in scenarios}
    cpus: dict[str, list[float]] = {name: [] for name in scenarios}
    readies: dict[str, list[float]] = {name: [] for name in scenarios}
    load_before = os.getloadavg()
    for round_ in range(args.runs + 1):
        for name, (cmd, home, root) in scenarios.items():
            wall, paint, cpu, ready = run(cmd, home, root)
            if round_:  # round 0 warms the file cache
                walls[name].append(wall)
                if paint is not None:
                    paints[name].append(paint)
                if cpu is not None:
                    cpus[name].append(cpu)
                if ready is not None:
                    readies[name].append(ready)
    load_after = os.getloadavg()
    print(f"runs={args.runs} (after one warm-up), milliseconds; load average {load_before[0]:.2f} before, "
          f"{load_after[0]:.2f} after ({os.cpu_count()} cores)")
    for name in scenarios:
        line = f"{name:13s} wall   {summarise(walls[name])}"
        if paints[name]:
            line += f"   | first_paint {summarise(paints[name])}"
        if cpus[name]:
            line += f"   | cpu {summarise(cpus[name])}"
        if readies[name]:
            line += f"   | ready {summarise(readies[name])}"
        print(line)
    bare, bare_cpu = statistics.median(paints["bare"]), statistics.median(cpus["bare"])
    for name in [n for n in scenarios if n.startswith(("empty", "big"))]:
        cpu = f"   (cpu {statistics.median(cpus[name]) / bare_cpu:.2f})" if cpus[name] else ""
        print(f"ratio {name}/bare first paint: {statistics.median(paints[name]) / bare:.2f}{cpu}")
    big_over_empty = statistics.median(paints["big"]) / statistics.median(paints["empty"])
    print(f"ratio big/empty first paint: {big_over_empty:.2f}")
    verdict = "PASS" if statistics.median(paints["big"]) <= 4 * bare else "FAIL"
    print(f"acceptance: median first paint with the big profile <= 4x the bare window's: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
