"""HQ migration 0011: the whole-table (txid, tbl, id) index is gone (no pull page reads it since
migration 0009, and every written row paid for it); the tombstone purge reads the partial index
of deleted rows instead, whatever its limit; down and up again."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

from app.hq.db import MIGRATIONS, init_db, make_engine
from app.hq.tombstones import PURGE
from tests.pg import fresh_database


def indexes(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'replica_row'")).scalars())


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    with fresh_database("sd_tomb", init_db) as url:
        made = make_engine(url)
        yield made
        made.dispose()


def migrate(engine: Engine, target: str, up: bool) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.upgrade if up else command.downgrade)(config, target)


def purge_plan(engine: Engine, limit: int) -> str:
    with engine.begin() as conn:
        plan = conn.execute(text("EXPLAIN " + str(PURGE)), {"days": 90, "limit": limit}).scalars().all()
        conn.rollback()
    return "\n".join(plan)


def test_the_purge_reads_the_tombstone_index_and_the_whole_table_index_is_gone(engine: Engine) -> None:
    assert "ix_replica_row_txid_tbl_id" not in indexes(engine)
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO replica_row (tbl, id, station_id, version, deleted, data) SELECT 'service_record', "
            "gen_random_uuid(), gen_random_uuid(), 1, g % 500 = 0, jsonb_build_object('summary', 'r' || g) "
            "FROM generate_series(1, 5000) g"))
        conn.execute(text("ANALYZE replica_row"))
        top = int(conn.execute(text("SELECT pg_snapshot_xmax(pg_current_snapshot())::text")).scalar_one())
    for limit in (top, 3):  # every station caught up; one far behind
        assert "ix_replica_row_tombstone_txid" in purge_plan(engine, limit)


def test_down_and_up_again(engine: Engine) -> None:
    migrate(engine, "0010_page_json", up=False)
    names: Any = indexes(engine)
    assert "ix_replica_row_txid_tbl_id" in names and "ix_replica_row_tombstone_txid" not in names
    migrate(engine, "head", up=True)
    names = indexes(engine)
    assert "ix_replica_row_txid_tbl_id" not in names and "ix_replica_row_tombstone_txid" in names
