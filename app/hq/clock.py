"""The service's clocks, injectable so tests move time instead of sleeping."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Clock:
    """`monotonic` (seconds) times the throttle and the token gate; `wall` decides whether an
    enrolment code has expired (None: PostgreSQL's `now()`, the production default)."""

    monotonic: Callable[[], float] = time.monotonic
    wall: Callable[[], datetime] | None = field(default=None)
