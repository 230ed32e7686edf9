"""Run Alembic from code: the schema of every database (station and HQ) comes from migrations.

Revision ids are four-digit sequence numbers equal to their file's prefix
(`0002_period_unlock_log.py` has revision "0002"), so start-up can tell "up to date",
"older" and "newer than this program" from file names alone; Alembic itself (about
0.2 s to import) is loaded only when a migration actually runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.migrations.revisions import MIGRATIONS, head_revision, known_revisions

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

__all__ = ["MIGRATIONS", "alembic_config", "current_revision", "head_revision", "known_revisions", "upgrade"]


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url:
        config.set_main_option("sqlalchemy.url", url)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, target: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), target)
