"""Who is acting: the person behind a user action, for logs and as a record's default staff."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import StaffMember


@dataclass(frozen=True)
class Actor:
    """The person doing a user action: `name` goes into logs, `staff_id` is the default
    staff member of a new service record (None for the command line or a system job)."""

    name: str
    staff_id: uuid.UUID | None = None


def actor_for(session: Session, staff_id: uuid.UUID) -> Actor:
    """The Actor for a staff member (e.g. the `current_staff_id` setting)."""
    staff = session.get(StaffMember, staff_id)
    if staff is None or staff.deleted:
        raise LookupError(f"staff member {staff_id} not found")
    return Actor(staff.name, staff.id)
