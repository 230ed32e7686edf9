"""What the window shows of the profile's own station.

Apart from app.services.station.identity (which reads and writes it through the ORM) because
the main window's frame is painted before SQLAlchemy is imported: profile_peek.py fills the
same dataclass with plain `sqlite3` (issue 14).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class StationInfo:
    id: uuid.UUID
    code: str
    name: str
    district: str
    host_organisation: str
    address: str
    phone: str
    is_demo: bool
