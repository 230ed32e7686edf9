"""Engine and schema for HQ's PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DB_ENV = "STATION_DESK_HQ_DB"


def normalise_url(url: str) -> str:
    """Accept plain `postgresql://` URLs; the service always uses psycopg 3."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str, pool_size: int = 10, max_overflow: int = 20) -> Engine:
    # ~200 stations sync a few times an hour each: 30 connections cover bursts, and
    # PostgreSQL's default max_connections (100) leaves room for admin tools.
    # No pool_pre_ping: it cost a round trip on every request.  A connection broken by a
    # PostgreSQL restart fails its next statement instead; SQLAlchemy then drops the whole
    # pool and the service retries the request once (app.hq.server.in_transaction).
    return create_engine(
        normalise_url(url),
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_pre_ping=False,
        pool_timeout=30,
        # JIT compiled every pull page's row expressions: 5 ms for an empty incremental page,
        # 40-110 ms with protocol 2's array rows, and never paid back (the check's hash
        # aggregate ran no faster either).  This service's queries are short.
        connect_args={"options": "-c jit=off"},
    )


def default_url() -> str | None:
    return os.environ.get(DB_ENV) or None


def init_db(url_or_engine: str | Engine) -> None:
    """Alembic upgrade to head (creates the schema on an empty database)."""
    from alembic import command
    from alembic.config import Config

    engine = make_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    if isinstance(url_or_engine, str):
        engine.dispose()
