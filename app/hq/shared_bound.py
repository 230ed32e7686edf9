"""The pull watermark read once and lent to the pulls of one HQ worker process for a few ms.

Each pull's preamble computed the watermark (app.hq.watermark.BOUND_SQL): with 200 stations
syncing at once, reading every session's status while the pushes change it was most of a pull's
preamble, ~0.9 ms of PostgreSQL's CPU a pull (benchmarks/README.md, "Session 7"), and 200 pulls
within a second computed nearly the same value.  A bound read earlier is a *lower* bound of the
bound now: every transaction of this database below it had finished when it was read, so every
row below it is visible to any later snapshot.  A page cut at a lower bound stops earlier and
sends the rest next time; it never loses a row.  The cursor rule that keeps a lower bound from
moving a station's cursor backwards is app.hq.pull's `_page`.

`max_age` bounds how stale a lent value may be, which is how much later than otherwise a row
reaches the other stations (the next sync brings it anyway).  The clock is injectable: tests move
time instead of sleeping.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

BOUND_ENV = "STATION_DESK_HQ_BOUND_MS"  # how long (ms) a worker lends a watermark; 0: never (the default)
SERVE_BOUND_MS = 50.0  # `serve`'s default: 10 ms served 11-19 % of the benchmark's pulls from a lent bound, 50 ms 59-68 %


class SharedBound:
    """The highest watermark this process has read recently, with the clock time it was asked at."""

    def __init__(self, max_age: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_age, self.clock = max_age, clock
        self._held: tuple[int, float] | None = None  # (bound, clock time before its statement was sent)
        self._lock = threading.Lock()

    def now(self) -> float:
        return self.clock()

    def fresh(self) -> int | None:
        """A bound read less than `max_age` ago, or None (the caller reads one and `offer`s it)."""
        held = self._held  # one tuple, replaced whole: no lock needed to read it
        if held is None or self.clock() - held[1] >= self.max_age:
            return None
        return held[0]

    def offer(self, bound: int, asked_at: float) -> None:
        """Keep `bound` (read by a statement sent at `asked_at`) unless a higher one is held: the
        watermark only grows, so a lower value offered late is an older read."""
        with self._lock:
            if self._held is None or bound >= self._held[0]:
                self._held = (bound, asked_at)

    def forget(self) -> None:
        """Drop the held bound (it was above the database's own next txid: HQ was restored)."""
        with self._lock:
            self._held = None
