"""HQ desk tests: the real PostgreSQL (a fresh database per module, migrated by init-db), the
real FastAPI app, one enrolled HQ user per role, and HqDeskClient over starlette's TestClient.

Fixtures: hq_url, hq_engine, hq_app, app_client, enrol (a station through /v1/enroll, from
tests/hq/conftest.py), hq_users (role -> token), desk (role -> HqDeskClient), new_user.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine

from app.sync import protocol
from tests.hq.conftest import app_client, enrol, hq_engine, hq_url  # noqa: F401 - fixtures

ROLES = ("admin", "staff", "bureau")


@pytest.fixture(scope="module")
def hq_app(app_client: Any) -> Any:  # noqa: F811
    return app_client.app


@pytest.fixture(scope="module")
def new_user(hq_engine: Engine, app_client: Any) -> Callable[[str, str], str]:  # noqa: F811
    """Create an HQ user with the command line's function and enrol it through /v1/enroll; its token."""
    from starlette.testclient import TestClient

    from app.hq.admin import users

    def make(name: str, role: str) -> str:
        with hq_engine.begin() as conn:
            _, code = users.add_user(conn, name, role)
        desk_side = TestClient(app_client.app, client=(f"desk-{name}", 50000))
        answer = desk_side.post("/v1/enroll", content=protocol.encode({"code": code}),
                                headers={protocol.PROTOCOL_HEADER: "2", "Content-Encoding": "zstd"})
        desk_side.close()
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["hq_user"]["role"] == role
        return str(body["token"])

    return make


@pytest.fixture(scope="module")
def hq_users(new_user: Callable[[str, str], str]) -> dict[str, str]:
    return {role: new_user(f"{role}-user", role) for role in ROLES}


@pytest.fixture(scope="module")
def desk(app_client: Any, hq_users: dict[str, str]) -> Iterator[dict[str, Any]]:  # noqa: F811
    from starlette.testclient import TestClient

    from app.hqdesk.client import HqDeskClient

    clients = {role: TestClient(app_client.app, client=(f"desk-{role}", 50000)) for role in ROLES}
    yield {role: HqDeskClient("http://testserver", hq_users[role], http=clients[role]) for role in ROLES}
    for client in clients.values():
        client.close()
