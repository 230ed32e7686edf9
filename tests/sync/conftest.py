"""End-to-end sync fixtures: the REAL HQ service code on the REAL PostgreSQL.

Each test module gets a fresh database `sd_sync_<hex>` on STATION_DESK_TEST_PG
(default postgresql://postgres@127.0.0.1:5432/test), migrated by HQ's init-db and
dropped afterwards.  Stations are real SQLite profiles enrolled through /v1/enroll.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from app.models.database import Database, open_database
from app.services.station import identity as station_service
from app.sync.client import SyncClient
from app.sync.enrolment import enroll, open_client
from tests.pg import admin_conninfo, fresh_database  # noqa: F401 (admin_conninfo: benchmarks)


def _init(url: str) -> None:
    from app.hq.db import init_db

    init_db(url)


@pytest.fixture(scope="module")
def hq_url() -> Iterator[str]:
    with fresh_database("sd_sync", _init) as url:
        yield url


@pytest.fixture(scope="module")
def hq_engine(hq_url: str) -> Iterator[Engine]:
    from app.hq.db import make_engine

    engine = make_engine(hq_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def hq_http(hq_engine: Engine) -> Iterator[Any]:
    """starlette's TestClient over the real app: an httpx.Client the sync client accepts."""
    from starlette.testclient import TestClient

    from app.hq.server import create_app

    with TestClient(create_app(engine=hq_engine)) as client:
        yield client


def new_enrol_code(hq_engine: Engine, code: str) -> str:
    from app.hq import accounts

    with hq_engine.begin() as conn:
        if accounts.get_station(conn, code) is None:
            return accounts.add_station(conn, code, f"{code} 服务站", "天河区")[1]
        return accounts.reissue_code(conn, code)


@dataclass
class Station:
    code: str
    db: Database
    station_id: uuid.UUID
    http: Any

    def client(self) -> SyncClient:
        return open_client(self.db, http=self.http)


@pytest.fixture
def make_station(
    hq_engine: Engine, hq_http: Any, tmp_path: Path, memory_keyring: object
) -> Iterator[Callable[..., Station]]:
    """A station profile (set up offline, so its own id differs from HQ's), enrolled."""
    opened: list[Database] = []

    def make(code: str, *, setup: bool = True, file: str | None = None) -> Station:
        db = open_database(tmp_path / (file or f"{code}-{secrets.token_hex(3)}.db"))
        opened.append(db)
        if setup:
            with db.begin() as session:
                station_service.create_station(
                    session, station_service.NewStation(code=code, name=f"{code} 服务站", district="天河区", manager_name="陈晓明")
                )
        result = enroll(db, "http://testserver", new_enrol_code(hq_engine, code), http=hq_http)
        return Station(code, db, result.station_id, hq_http)

    yield make
    for db in opened:
        db.dispose()
