"""Value-axis ticks for counts, shared by the PDF reports' charts and the home page's chart."""

from __future__ import annotations

import math

MAX_TICKS = 6


def integer_step(top: float, max_ticks: int = MAX_TICKS) -> int:
    """A step of 1, 2 or 5 × 10ⁿ giving at most `max_ticks` intervals up to `top`: counts
    are whole numbers, so the axis never shows 0, 0, 1, 2, 2 (rounded fractional ticks)."""
    step = 1
    while top / step > max_ticks:
        for factor in (2, 5 / 2, 2):  # 1 → 2 → 5 → 10 → …
            step = int(step * factor)
            if top / step <= max_ticks:
                break
    return step


def integer_ticks(top: float, max_ticks: int = MAX_TICKS) -> list[int]:
    """0, step, 2·step … up to the first multiple of the step at or above `top` (0 to 1 when
    every value is 0)."""
    step = integer_step(top, max_ticks)
    last = max(step, math.ceil(top / step) * step)
    return list(range(0, last + 1, step))
