"""Who may call an admin endpoint: the HQ user behind the bearer token, and its role.

Every `/v1/admin/...` endpoint takes exactly one of the aliases below as a parameter; the
dependency checks the token in the database on every request (so a revoked user stops at
once), counts a bad token against the caller's address like a bad station token
(app/hq/gate.py), and refuses a role the endpoint does not allow with 403.  The roles an
endpoint allows are readable from its dependency (`roles`), which is how
tests/hqdesk/test_roles.py walks every endpoint.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from app.domain.messages import Msg
from app.hq.admin.users import ROLE_LABELS, ROLES, UserInfo, authenticate_user
from app.hq.gate import AUTH_MESSAGE, bearer, client_address
from app.hq.http_io import ApiError, throttled

__all__ = ["ROLES", "AdminRole", "AnyRole", "BureauRole", "HqUser", "StaffRole", "role_required", "roles_of"]


@dataclass(frozen=True)
class HqUser:
    id: int
    name: str
    role: str

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


def _lookup(engine: Any, token: str) -> UserInfo | None:
    with engine.begin() as conn:
        return authenticate_user(conn, token)


def role_required(*roles: str) -> Callable[[Request], Awaitable[HqUser]]:
    unknown = set(roles) - set(ROLES)
    assert roles and not unknown, f"unknown roles {unknown}"

    async def dependency(request: Request) -> HqUser:
        context = request.app.state.service
        token: str | None = getattr(request.state, "token", None)  # the front door screened it
        address = client_address(request)
        if token is None:
            token = bearer(request)
            if refused := context.gate.screen(token, address):
                raise refused
        found = await run_in_threadpool(_lookup, context.engine, token)
        if found is None:
            context.gate.refuse(token)
            if wait := context.throttle.failed(address):
                raise throttled(wait)
            raise ApiError(401, "unauthorized", AUTH_MESSAGE)
        context.gate.remember(token)  # a good user behind a guesser's NAT is not held back (app/hq/gate.py)
        if found.role not in roles:
            allowed = "、".join(ROLE_LABELS[r] for r in roles)
            raise ApiError(403, "forbidden", Msg("你的角色（%1）不能执行这项操作，只有%2可以。如需办理，请联系服务总站管理员。",
                                                 ROLE_LABELS.get(found.role, found.role), allowed))
        return HqUser(found.id, found.name, found.role)

    dependency.roles = frozenset(roles)  # type: ignore[attr-defined]
    return dependency


def roles_of(dependency: Any) -> frozenset[str] | None:
    """The roles an endpoint's role dependency allows (None: not a role dependency)."""
    found = getattr(dependency, "roles", None)
    return found if isinstance(found, frozenset) else None


AnyRole = Annotated[HqUser, Depends(role_required(*ROLES))]
AdminRole = Annotated[HqUser, Depends(role_required("admin"))]
StaffRole = Annotated[HqUser, Depends(role_required("staff"))]
BureauRole = Annotated[HqUser, Depends(role_required("bureau"))]
