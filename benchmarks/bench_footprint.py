"""Issue 14, install footprint: what a fresh installation holds on disk, and what the app
loads at run time, for this tree beside a baseline built in the same run.

    .venv/bin/python benchmarks/bench_footprint.py [--baseline REF] [--work DIR] [--keep]

Each tree (the working tree; with --baseline also `git archive REF`) is installed with
`pip install SRC` and `pip install 'SRC[hq]'` into fresh venvs made by this interpreter's base
Python: the runtime only.  The baseline is also installed as its setup.sh did on every PC,
`[hq]` plus the test group; setup.sh now adds the test group only for the test command.  A third venv holds PySide6-Essentials alone,
the floor any PySide6 desktop app starts from.  Sizes are what `du` counts (allocated blocks).

Run time (Linux: it reads /proc/self/maps): in each runtime venv a set-up profile is opened
with `station-desk --smoke` under `-X importtime`, then a report preview is shown, and the
process reports its modules, the Qt modules imported, and the shared libraries mapped.
pip needs the package index (or a warm cache: PIP_CACHE_DIR).

Each tree is installed as its own installer/setup.sh installs (`setup_recipe`): pip upgraded
to the version setup.sh asks for first (`pip>=25.1`, as every setup.sh since the first did), and
from issue 14's session 6 on with `pip install --no-compile` and without the setuptools a
Python 3.11 venv is seeded with.  So that a tree installed without .pyc files is not measured smaller than it will be,
every venv of either tree first runs the probe below once and imports every `app` module and the
event loop and HTTP parser uvicorn picks at run time, with bytecode writing on
(PYTHONDONTWRITEBYTECODE unset), and is measured after that.  The Essentials-only floor is a
plain `pip install`."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
BASE_PYTHON = getattr(sys, "_base_executable", sys.executable)
MB = 1_000_000
Row = tuple[str, int, dict[str, int], dict[str, object] | None]  # name, du bytes, bytes per distribution, probe

SIZES = r"""
import json, os
from importlib.metadata import distributions
out = {}
for dist in distributions():
    total = 0
    for f in dist.files or []:
        p = dist.locate_file(f)
        try:
            total += os.lstat(p).st_blocks * 512
        except OSError:
            pass
    out[dist.metadata["Name"]] = total
print(json.dumps(out))
"""

PROBE = r"""
import json, os, sys, time
from pathlib import Path

def snapshot():
    libs = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split(maxsplit=5)[-1].strip()
            if ".so" in Path(path).name:
                libs.add(path)
    qt_libs = sorted(Path(p).name.split(".so")[0] for p in libs if Path(p).name.startswith("libQt6"))
    rss = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS:"))
    return {"modules": len(sys.modules), "qt_modules": sorted(m for m in sys.modules if m.startswith("PySide6.Qt")),
            "libs": len(libs), "lib_mb": sum(os.path.getsize(p) for p in libs if os.path.exists(p)) / 1e6,
            "qt_libs": qt_libs, "rss_mb": rss / 1000}

from app.main import main
code = main(["--smoke"])
start = snapshot()
from reportlab.pdfgen import canvas
from PySide6.QtWidgets import QApplication, QWidget
qt = QApplication.instance() or QApplication([])
pdf = Path(os.environ["STATION_DESK_HOME"]) / "probe.pdf"
c = canvas.Canvas(str(pdf))
for page in range(3):
    c.drawString(72, 720, f"page {page + 1}")
    c.showPage()
c.save()
from app.ui.reporting.pdf_preview import PdfPreviewDialog
parent = QWidget()
dialog = PdfPreviewDialog(pdf, "probe", None, parent, lambda: None, lambda: None)
dialog.show()
for _ in range(20):
    qt.processEvents()
assert not dialog.grab().isNull() and dialog.pages == 3
print("PROBE " + json.dumps({"code": code, "start": start, "preview": snapshot()}), flush=True)
"""


WARM = r"""
import importlib, pkgutil, app
missing = []
for info in pkgutil.walk_packages(app.__path__, "app.", onerror=lambda name: missing.append(name)):
    if info.name.rsplit(".", 1)[-1] in ("__main__", "env"):  # Alembic's env.py runs a migration when imported
        continue
    try:
        importlib.import_module(info.name)
    except Exception:  # app.hq without [hq]
        missing.append(info.name)
for name in ("uvicorn.loops.auto", "uvicorn.loops.uvloop", "uvicorn.loops.asyncio", "uvicorn.protocols.http.auto",
             "uvicorn.protocols.http.httptools_impl", "uvicorn.protocols.http.h11_impl", "uvicorn.lifespan.on",
             "psycopg.pq", "psycopg_binary"):
    try:
        importlib.import_module(name)
    except ImportError:
        missing.append(name)
print(len(missing))
"""


def du(path: Path) -> int:
    total = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(folder, name)).st_blocks * 512
            except OSError:
                pass
    return total


def python_of(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


class Recipe(NamedTuple):
    flags: tuple[str, ...] = ()  # pip install's extra flags
    pip: str | None = None  # the pip requirement setup.sh upgrades to first
    drop_setuptools: bool = False  # setup.sh uninstalls the venv's setuptools afterwards


PLAIN = Recipe()  # `pip install` into the venv as it was made


def make_venv(venv: Path, *requirements: str, recipe: Recipe = PLAIN) -> None:
    subprocess.run([BASE_PYTHON, "-m", "venv", str(venv)], check=True)
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # on a PC pip's own modules are compiled as it runs
    steps = ([["--upgrade", recipe.pip]] if recipe.pip else []) + [list(requirements)]
    for step in steps:
        done = subprocess.run([str(python_of(venv)), "-m", "pip", "install", "-q", *recipe.flags, *step],
                              env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"pip install {' '.join(step)} failed:\n{done.stderr[-3000:]}")


def setup_recipe(src: Path) -> Recipe:
    """How the tree's installer/setup.sh installs, beyond dropping PySide6-Addons (never in a
    fresh venv): pip's extra flags, the pip it upgrades to, whether it uninstalls setuptools."""
    script = src / "installer" / "setup.sh"
    text = script.read_text(encoding="utf-8") if script.exists() else ""
    upgrade = re.search(r'install -q (?:--no-compile )?--upgrade "(pip[^"]*)"', text)
    return Recipe(("--no-compile",) if "install -q --no-compile -e '.[hq]'" in text else (),
                  upgrade.group(1) if upgrade else None, "uninstall -q -y setuptools" in text)


def as_setup_leaves_it(venv: Path, src: Path, work: Path) -> None:
    """The venv as the tree's setup.sh leaves it, after the app has run once (see the docstring)."""
    if setup_recipe(src).drop_setuptools:
        subprocess.run([str(python_of(venv)), "-m", "pip", "uninstall", "-q", "-y", "setuptools"],
                       env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"), capture_output=True, check=True)
    probe(venv, work)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STATION_DESK_HOME=tempfile.mkdtemp(prefix="home-", dir=work))
    for name in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    subprocess.run([str(python_of(venv)), "-c", WARM], cwd=work, env=env, check=True, capture_output=True, timeout=600)


def source_tree(ref: str | None, work: Path) -> Path:
    """`ref` exported with git archive, or the working tree (with its uncommitted changes)."""
    target = work / f"src-{ref or 'tree'}"
    if ref is None:
        shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".git", ".venv", "out", "__pycache__", "*.egg-info",
                                                                    "build", "docs"))
    else:
        target.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def test_group(src: Path) -> list[str]:
    """The test group's requirements (what setup.sh installed on every PC before this change)."""
    groups = tomllib.loads((src / "pyproject.toml").read_text(encoding="utf-8")).get("dependency-groups", {})
    return [r for r in groups.get("test", []) if isinstance(r, str)]


def sizes(venv: Path) -> tuple[int, dict[str, int]]:
    # cwd: the venv, not a checkout whose station_desk.egg-info `-c`'s sys.path would list
    out = subprocess.run([str(python_of(venv)), "-c", SIZES], cwd=venv, check=True, capture_output=True,
                         text=True).stdout
    return du(venv), json.loads(out)


def probe(venv: Path, work: Path) -> dict[str, object]:
    home = Path(tempfile.mkdtemp(prefix="home-", dir=work))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STATION_DESK_HOME=str(home))
    for name in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE"):  # a PC writes .pyc files as modules are imported
        env.pop(name, None)
    desk = [str(python_of(venv)), "-m", "app.main"]
    subprocess.run([*desk, "setup", "--code", "GZ-TH-001", "--name", "天河区中小企业服务站", "--district", "天河区",
                    "--host", "天河区工商业联合会", "--manager", "陈晓明"], cwd=home, env=env, check=True,
                   capture_output=True)
    done = subprocess.run([str(python_of(venv)), "-X", "importtime", "-c", PROBE], cwd=home, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    line = next((x for x in done.stdout.splitlines() if x.startswith("PROBE ")), None)
    if line is None:
        raise SystemExit(f"probe failed in {venv}:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    result: dict[str, object] = json.loads(line[6:])
    self_us = [int(x.split("|")[0].split(":")[1]) for x in done.stderr.splitlines() if x.startswith("import time:")
               and x.split("|")[0].split(":")[1].strip().isdigit()]
    result["imports"], result["import_self_ms"] = len(self_us), sum(self_us) / 1000
    result["first_paint_ms"] = next((int(x.split("=")[1]) for x in done.stdout.splitlines()
                                     if x.startswith("first_paint_ms=")), 0)
    return result


def probes(venvs: list[Path], work: Path, runs: int) -> list[dict[str, object]]:
    """`runs` probes of each venv, alternating so load hits them alike; the last probe's
    lists, the medians of its timings and RSS."""
    results: list[list[dict[str, object]]] = [[] for _ in venvs]
    for _ in range(runs):
        for index, venv in enumerate(venvs):
            results[index].append(probe(venv, work))
    merged = []
    for runs_of_one in results:
        last = dict(runs_of_one[-1])
        for key in ("import_self_ms", "first_paint_ms"):
            last[key] = statistics.median(float(r[key]) for r in runs_of_one)  # type: ignore[arg-type]
        for stage in ("start", "preview"):
            stage_last = dict(last[stage])  # type: ignore[call-overload]
            stage_last["rss_mb"] = statistics.median(r[stage]["rss_mb"] for r in runs_of_one)  # type: ignore[index]
            last[stage] = stage_last
        merged.append(last)
    return merged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", help="git ref to measure beside the working tree (e.g. the commit before a change)")
    parser.add_argument("--work", type=Path, help="folder for the venvs (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the venvs")
    parser.add_argument("--runs", type=int, default=3, help="probes of each runtime venv (medians)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="sd-footprint-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.1f}; base Python {BASE_PYTHON}; venvs under {work}")
    try:
        floor = work / "essentials-only"
        essentials = subprocess.run([sys.executable, "-c", "from importlib.metadata import version; "
                                     "print(version('PySide6-Essentials'))"], capture_output=True, text=True).stdout
        make_venv(floor, f"PySide6-Essentials=={essentials.strip()}" if essentials.strip() else "PySide6-Essentials<6.12")
        rows: list[Row] = [("PySide6-Essentials alone", *sizes(floor), None)]
        runtime: list[tuple[int, Path]] = []
        for ref in ([args.baseline] if args.baseline else []) + [None]:
            src, name = source_tree(ref, work), ref or "this tree"
            for label, extra, group in (("(runtime)", "", False), ("[hq]", "[hq]", False),
                                        ("[hq] + test group", "[hq]", True)):
                if group and ref is None:
                    continue  # setup.sh now installs the test group only for the test command
                venv = work / f"venv-{ref or 'tree'}{'-hq' if extra else ''}{'-test' if group else ''}"
                make_venv(venv, f"{src}{extra}", *(test_group(src) if group else []), recipe=setup_recipe(src))
                as_setup_leaves_it(venv, src, work)
                rows.append((f"{name} {label}", *sizes(venv), None))
                if not extra:
                    runtime.append((len(rows) - 1, venv))
        print(f"load average {os.getloadavg()[0]:.1f} before the probes")
        for (row, _venv), result in zip(runtime, probes([v for _r, v in runtime], work, args.runs), strict=True):
            rows[row] = (*rows[row][:3], result)
        report(rows)
        print(f"\nload average at the end {os.getloadavg()[0]:.1f}")
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)


def report(rows: list[Row]) -> None:
    print("\n## Installed (MB, du of the whole venv)")
    print(f"{'installation':34} {'venv':>7} {'PySide6*':>9}  largest other distributions")
    for name, total, dists, _probe in rows:
        qt = sum(v for k, v in dists.items() if k.lower().startswith(("pyside6", "shiboken6")))
        others = sorted(((v, k) for k, v in dists.items() if not k.lower().startswith(("pyside6", "shiboken6"))),
                        reverse=True)[:6]
        print(f"{name:34} {total / MB:7.0f} {qt / MB:9.0f}  " + ", ".join(f"{k} {v / MB:.0f}" for v, k in others))
    by_name = {name: total for name, total, _d, _p in rows}
    for kind in ("(runtime)", "[hq]"):
        before = [t for n, t in by_name.items() if n.endswith(kind) and not n.startswith("this tree")]
        if before and f"this tree {kind}" in by_name:
            print(f"this tree {kind} is {by_name[f'this tree {kind}'] / before[0]:.1%} of the baseline's")
    setup = [t for n, t in by_name.items() if n.endswith("+ test group")]
    if setup and "this tree [hq]" in by_name:
        print(f"this tree [hq] is {by_name['this tree [hq]'] / setup[0]:.1%} of what the baseline's setup.sh installed")
    print("\n## Run time (first paint of --smoke on an empty profile, then a report preview shown; RSS a median)")
    for name, _total, _dists, result in rows:
        if not result:
            continue
        print(f"{name}: {result['imports']} imports, import self-time {result['import_self_ms']:.0f} ms in total,"
              f" first paint {result['first_paint_ms']:.0f} ms (medians)")
        for stage in ("start", "preview"):
            s = result[stage]
            assert isinstance(s, dict)
            print(f"  {stage:8} modules {s['modules']:5}  shared libs {s['libs']:3} ({s['lib_mb']:.0f} MB mapped files)"
                  f"  RSS {s['rss_mb']:.0f} MB")
            print(f"           Qt modules: {' '.join(m.removeprefix('PySide6.') for m in s['qt_modules'])}")
            print(f"           Qt libraries: {' '.join(q.removeprefix('libQt6') for q in s['qt_libs'])}")


if __name__ == "__main__":
    main()
