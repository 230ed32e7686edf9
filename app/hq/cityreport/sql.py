"""SQL fragments shared by the city-wide report queries (definitions from app.domain)."""

from __future__ import annotations

from app.domain.demand_loop import FINISHED_STATUSES, OPEN_STATUSES


def quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


OPEN = quoted(OPEN_STATUSES)
FINISHED = quoted(FINISHED_STATUSES)
