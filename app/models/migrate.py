"""Run Alembic from code: the schema of every database (station and HQ) comes from migrations.

Revision ids are four-digit sequence numbers equal to their file's prefix
(`0002_period_unlock_log.py` has revision "0002"), so start-up can tell "up to date",
"older" and "newer than this program" from file names alone; Alembic itself (about
0.2 s to import) is loaded only when a migration actually runs.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url:
        config.set_main_option("sqlalchemy.url", url)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def known_revisions() -> frozenset[str]:
    names = (_REVISION_FILE.match(p.name) for p in (MIGRATIONS / "versions").iterdir())
    return frozenset(m.group(1) for m in names if m)


def head_revision() -> str:
    return max(known_revisions())


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, target: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), target)
