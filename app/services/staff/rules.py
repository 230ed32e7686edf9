"""The convention's staffing rule: a station keeps at least two full-time staff."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.domain.obligations import MINIMUM_FULL_TIME as MINIMUM_FULL_TIME
from app.models import StaffMember


def on_staff(on: date):  # type: ignore[no-untyped-def]
    """SQL condition: a staff member who had joined by `on` and not yet left."""
    return (
        StaffMember.deleted.is_(False)
        & or_(StaffMember.start_date.is_(None), StaffMember.start_date <= on)
        & or_(StaffMember.end_date.is_(None), StaffMember.end_date >= on)
    )


def full_time_count(session: Session, on: date) -> int:
    """Full-time staff at the station on `on`."""
    statement = select(func.count()).select_from(StaffMember).where(on_staff(on), StaffMember.full_time.is_(True))
    return int(session.scalar(statement) or 0)


def staffing_shortfall(session: Session, on: date) -> int:
    """How many full-time staff are missing on `on` (0 when the rule is met)."""
    return max(0, MINIMUM_FULL_TIME - full_time_count(session, on))
