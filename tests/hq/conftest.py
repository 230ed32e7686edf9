"""HQ tests run against the real PostgreSQL: one fresh database per test module.

STATION_DESK_TEST_PG (default postgresql://postgres@127.0.0.1:5432/test) names the
server; each module gets `sd_test_<hex>`, created, migrated by `init-db`, and dropped.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import Engine, text

from app.sync import protocol
from tests.pg import fresh_database


def _init_with_cli(url: str) -> None:
    from app.hq.cli import main

    assert main(["init-db", "--db", url]) == 0


@pytest.fixture(scope="module")
def hq_url() -> Iterator[str]:
    with fresh_database("sd_test", _init_with_cli) as url:
        yield url


@pytest.fixture(scope="module")
def hq_engine(hq_url: str) -> Iterator[Engine]:
    from app.hq.db import make_engine

    engine = make_engine(hq_url)
    yield engine
    engine.dispose()


@dataclass
class Enrolled:
    code: str
    station_id: uuid.UUID
    token: str

    def headers(self, **extra: str) -> dict[str, str]:
        return {protocol.PROTOCOL_HEADER: "1", "Authorization": f"Bearer {self.token}", **extra}


@pytest.fixture(scope="module")
def app_client(hq_engine: Engine) -> Iterator[Any]:
    from starlette.testclient import TestClient

    from app.hq.server import create_app

    with TestClient(create_app(engine=hq_engine)) as client:
        yield client


@pytest.fixture(scope="module")
def enrol(hq_engine: Engine, app_client: Any) -> Callable[[str], Enrolled]:
    """Create a station and enrol it through /v1/enroll, as a client would."""
    from starlette.testclient import TestClient

    from app.hq import accounts

    def make(code: str, name: str | None = None) -> Enrolled:
        with hq_engine.begin() as conn:
            _, enrol_code = accounts.add_station(conn, code, name or f"{code} 服务站", "天河区")
        # from the station's own address, as a real one: a test that floods wrong codes from the
        # test client's address (throttled, app/hq/throttle.py) does not hold up the next enrolment
        station_side = TestClient(app_client.app, client=(f"station-{code}", 50000))
        headers = {protocol.PROTOCOL_HEADER: "1", "Content-Encoding": "zstd"}
        answer = station_side.post("/v1/enroll", content=protocol.encode({"code": enrol_code}), headers=headers)
        station_side.close()
        assert answer.status_code == 200, answer.text
        body = answer.json()
        return Enrolled(code, uuid.UUID(body["station"]["id"]), body["token"])

    return make


def call(client: Any, who: Enrolled, path: str, payload: Any) -> Any:
    """POST a zstd body; returns the response (httpx undoes the zstd answer)."""
    return client.post(path, content=protocol.encode(payload), headers=who.headers(**{"Content-Encoding": "zstd"}))


def count_rows(engine: Engine) -> dict[str, int]:
    tables = ("replica_row", "applied_batch", "rejected_write", "conflict_log", "merge_record", "enterprise_alias")
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}
