"""CPU seconds of processes from /proc (Linux), for benchmarks that run a server beside
their clients on one machine: who spent the time."""

from __future__ import annotations

import os

TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def process(pid: int, reaped: bool = False) -> float:
    """user + system CPU seconds of one process (0 when it is gone); `reaped` adds its
    children that have exited (PostgreSQL's backends, once the postmaster reaped them)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(x) for x in fields[11 : 15 if reaped else 13]) / TICK


def _parents() -> dict[int, int]:
    found = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    found[int(name)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    return found


def tree(pid: int) -> float:
    """A process and all its descendants (uvicorn's supervisor and its workers)."""
    parents = _parents()
    todo, total = [pid], 0.0
    while todo:
        current = todo.pop()
        total += process(current)
        todo += [child for child, parent in parents.items() if parent == current]
    return total


def postgres() -> float:
    """Every process named postgres* on the machine, and the backends that have exited
    (other databases' work included)."""
    parents, total = _parents(), 0.0
    for pid, parent in parents.items():
        try:
            with open(f"/proc/{pid}/comm") as f:
                if not f.read().startswith("postgres"):
                    continue
        except OSError:
            continue
        total += process(pid, reaped=parents.get(parent) is not None and not _is_postgres(parent))
    return total


def _is_postgres(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().startswith("postgres")
    except OSError:
        return False
