"""The role × endpoint table: every /v1/admin endpoint refuses every role it should refuse.

The table is read from the app itself (each endpoint's role dependency), so an endpoint added
later is covered without editing this file; `test_every_admin_endpoint_declares_its_roles`
fails for one that forgot to take a role.  Writes belong to one role each (admin: users and
stations; staff: reports and libraries); every role reads.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from app.hq.admin.access import ROLES, roles_of
from app.sync import protocol

READ_METHODS = {"GET", "HEAD"}
WRITERS = {"/v1/admin/users": "admin", "/v1/admin/stations": "admin"}


def flat_routes(routes: Any) -> list[Any]:
    """APIRoutes, with included routers opened (FastAPI 0.165 includes routers lazily)."""
    found = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        found.extend(flat_routes(inner.routes) if inner is not None else [route])
    return found


def admin_routes(app: Any) -> list[tuple[str, str, frozenset[str] | None]]:
    found = []
    for route in flat_routes(app.routes):
        path = getattr(route, "path", "")
        if not path.startswith("/v1/admin/"):
            continue
        roles = [r for dep in route.dependant.dependencies if (r := roles_of(dep.call)) is not None]
        for method in sorted(route.methods):
            found.append((method, path, roles[0] if len(roles) == 1 else None))
    return found


def fill(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x0", path)


def call(client: Any, method: str, path: str, token: str | None) -> Any:
    headers = {protocol.PROTOCOL_HEADER: "2"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if method in READ_METHODS:
        return client.request(method, fill(path), headers=headers)
    return client.request(method, fill(path), json={}, headers=headers)


def test_every_admin_endpoint_declares_its_roles(hq_app: Any) -> None:
    routes = admin_routes(hq_app)
    assert len(routes) >= 9
    missing = [(m, p) for m, p, roles in routes if roles is None]
    assert not missing, f"admin endpoints without exactly one role dependency: {missing}"
    for method, path, roles in routes:
        if method in READ_METHODS:
            assert roles == frozenset(ROLES), f"{method} {path}: every role reads (the bureau reads everything)"
        else:
            assert len(roles or ()) == 1, f"{method} {path}: a write belongs to one role, not {roles}"
        for prefix, writer in WRITERS.items():
            if method not in READ_METHODS and path.startswith(prefix):
                assert roles == {writer}, f"{method} {path} is the {writer}'s"


def test_each_role_is_refused_where_it_should_be(hq_app: Any, app_client: Any, hq_users: dict[str, str]) -> None:
    table = admin_routes(hq_app)
    wrong = []
    for method, path, roles in table:
        assert roles is not None
        for role in ROLES:
            answer = call(app_client, method, path, hq_users[role])
            if role in roles:
                if answer.status_code in (401, 403) or answer.status_code >= 500:
                    wrong.append((method, path, role, answer.status_code, answer.text[:120]))
            elif answer.status_code != 403 or "不能执行" not in answer.json()["message"]:
                wrong.append((method, path, role, answer.status_code, answer.text[:120]))
    assert not wrong, "\n".join(map(str, wrong))


@pytest.mark.parametrize("token", [None, "hq_not-a-real-token", "a-station-token"])
def test_no_or_a_wrong_token_is_refused_everywhere(hq_engine: Any, enrol: Any, token: str | None) -> None:
    from starlette.testclient import TestClient

    from app.hq.server import create_app

    if token == "a-station-token":
        token = enrol("roles-st").token  # a station's token is no HQ user's
    # Once its failures lock the address, each refusal would be held back a second (asgi_guard's
    # HOLD_SECONDS; 42 s over every admin route): this test is about who is refused, not when.
    app = create_app(engine=hq_engine, hold_429=0)
    stranger = TestClient(app, client=(f"stranger-{token}", 40000))  # its failures lock only its own address
    for method, path, _ in admin_routes(app):
        answer = call(stranger, method, path, token)
        assert answer.status_code in (401, 429), (method, path, answer.status_code)
        assert answer.json()["message"]


def test_a_revoked_user_is_refused_at_once(app_client: Any, new_user: Any, hq_users: dict[str, str]) -> None:
    token = new_user("to-revoke", "staff")
    assert call(app_client, "GET", "/v1/admin/me", token).status_code == 200
    answer = call(app_client, "POST", "/v1/admin/users/to-revoke/revoke", hq_users["admin"])
    assert answer.status_code == 200, answer.text
    assert call(app_client, "GET", "/v1/admin/me", token).status_code == 401
