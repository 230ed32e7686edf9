"""Loading and updating rows the way every service does: live rows only, ownership
checked, and updates guarded by the version the user saw."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from app.domain.errors import UserError
from app.models import Synced
from app.services.station.identity import require_station

R = TypeVar("R", bound=Synced)


def load_live(session: Session, model: type[R], row_id: object, missing_message: str) -> R:
    """The row unless it is absent or soft-deleted (then `missing_message`)."""
    row = session.get(model, row_id) if isinstance(row_id, uuid.UUID) else None
    if row is None or row.deleted:
        raise UserError(missing_message)
    return row


def ensure_own(session: Session, row: Synced, message: str) -> None:
    if row.station_id != require_station(session).id:
        raise UserError(message)


def guarded_update(
    session: Session,
    model: type[R],
    row: R,
    values: dict[str, Any],
    expected_version: int | None,
    stale_message: str,
    **guards: Any,
) -> R:
    """One UPDATE whose WHERE carries the expected version (and any other `guards`,
    column=value), so a save that raced ours matches no row instead of being silently
    overwritten.  Returns the row as stored."""
    query = sql_update(model).where(model.id == row.id)
    if expected_version is not None:
        query = query.where(model.version == expected_version)
    for column, value in guards.items():
        if value is not None:
            query = query.where(getattr(model, column) == value)
    result = session.execute(query.values(**values).execution_options(synchronize_session=False))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise UserError(stale_message)
    fresh = session.get(model, row.id, populate_existing=True)
    assert fresh is not None
    return fresh
