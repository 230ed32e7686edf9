"""The station schema's revisions, read from the migration files' names alone.

Revision ids are four-digit sequence numbers equal to their file's prefix
(`0002_period_unlock_log.py` has revision "0002").  This module imports neither Alembic nor
SQLAlchemy, so the window's first paint can tell "up to date" from "to migrate" with plain
`sqlite3` (app/services/station/profile_peek.py); app.models.migrate re-exports it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parent
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


@cache
def known_revisions() -> frozenset[str]:
    names = (_REVISION_FILE.match(p.name) for p in (MIGRATIONS / "versions").iterdir())
    return frozenset(m.group(1) for m in names if m)


def head_revision() -> str:
    return max(known_revisions())
