"""SQL fragments over `replica_row`'s JSON, shared by the city-wide report queries.

Wire values (docs/sync-protocol.md): dates are `YYYY-MM-DD` text (compared as text, which
orders like the dates), timestamps any ISO 8601 text; one without an offset is UTC, as the
station writes its naive UTC columns.  `moment` reads either, whatever the session's TimeZone.
"""

from __future__ import annotations

from app.domain.demand_loop import FINISHED_STATUSES, OPEN_STATUSES

SATISFIED_FROM = 4  # of 5: 满意 and 非常满意, as app.services.reporting.figures
_OFFSET = r"([zZ]|[+-][0-9]{2}(:?[0-9]{2})?)$"


def moment(expr: str) -> str:
    """`expr` (ISO 8601 text) as timestamptz; naive text is UTC."""
    return (f"(CASE WHEN length({expr}) > 10 AND {expr} ~ '{_OFFSET}' THEN ({expr})::timestamptz "
            f"ELSE (({expr})::timestamp AT TIME ZONE 'UTC') END)")


def quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


OPEN = quoted(OPEN_STATUSES)
FINISHED = quoted(FINISHED_STATUSES)
SUBMITTED = "'submitted', 'accepted'"  # a report handed in (returned ones go back to the station)


def station_filter(alias: str, ids: object | None) -> str:
    """` AND alias.station_id = ANY(:ids)` when the caller names stations."""
    return "" if ids is None else f" AND {alias}.station_id = ANY(:ids)"
