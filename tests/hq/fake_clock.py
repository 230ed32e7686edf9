"""A clock tests move by hand (no sleeps), for `create_app(clock=…)`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.hq.clock import Clock

WALL_START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, wall_start: datetime = WALL_START) -> None:
        self.elapsed = 0.0
        self.wall_start = wall_start

    def monotonic(self) -> float:
        return 1000.0 + self.elapsed

    def wall(self) -> datetime:
        return self.wall_start + timedelta(seconds=self.elapsed)

    def advance(self, seconds: float) -> None:
        self.elapsed += seconds

    def clock(self) -> Clock:
        return Clock(monotonic=self.monotonic, wall=self.wall)
