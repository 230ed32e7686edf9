"""Real station profiles (SQLite) enrolled at the HQ desk tests' app, syncing through it:
the inbox is fed by the push path and the file channel, never by hand-written rows."""

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
from app.sync.engine import SyncResult, sync
from app.sync.enrolment import enroll, open_client


@dataclass
class Station:
    code: str
    db: Database
    station_id: uuid.UUID
    http: Any

    def client(self) -> SyncClient:
        return open_client(self.db, http=self.http)

    def sync(self) -> SyncResult:
        result = sync(self.db, self.client())
        assert result.completed, result.message
        return result


@pytest.fixture
def make_station(hq_engine: Engine, app_client: Any, tmp_path: Path, memory_keyring: object) -> Iterator[Callable[[str], Station]]:
    from starlette.testclient import TestClient

    from app.hq import accounts

    opened: list[tuple[Database, Any]] = []

    def make(code: str) -> Station:
        db = open_database(tmp_path / f"{code}-{secrets.token_hex(3)}.db")
        with db.begin() as session:
            station_service.create_station(session, station_service.NewStation(
                code=code, name=f"{code} 服务站", district="天河区", manager_name="陈晓明"))
        with hq_engine.begin() as conn:
            enrol_code = accounts.add_station(conn, code, f"{code} 服务站", "天河区")[1]
        http = TestClient(app_client.app, client=(f"station-{code}", 50000))
        opened.append((db, http))
        result = enroll(db, "http://testserver", enrol_code, http=http)
        return Station(code, db, result.station_id, http)

    yield make
    for db, http in opened:
        http.close()
        db.dispose()
