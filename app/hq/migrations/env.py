"""Alembic environment for HQ's PostgreSQL (its own tree and version table).

Callers pass an open connection in `config.attributes["connection"]` (app.hq.db).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from app.hq.models import HqBase

VERSION_TABLE = "hq_alembic_version"
config = context.config


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=HqBase.metadata,
        version_table=VERSION_TABLE,
        compare_type=True,
    )


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("HQ migrations need a connection (app.hq.db) or sqlalchemy.url in the Alembic config")
    engine = create_engine(url)
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


run()
