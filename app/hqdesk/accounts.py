"""HQ desk users and stations as the 用户与服务站 page reads and changes them
(GET/POST /v1/admin/users…, /v1/admin/stations…: app/hq/admin/core_routes.py).

Reads are every role's; adding, revoking and reissuing codes are the admin's (HQ answers 403
otherwise, with its own Chinese message).  A new or reissued one-time code comes back as
IssuedCode: it is shown once and never stored here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import quote

from app.domain.messages import Msg
from app.domain.periods import CHINA_TIME
from app.hqdesk.client import HqDeskClient, HqDeskError

T = TypeVar("T")
STATUS_LABELS = {"active": "正常", "revoked": "已撤销"}


def _when(value: Any) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


def when_text(value: datetime | None) -> str:
    return value.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M") if value else ""


@dataclass(frozen=True)
class DeskAccount:
    name: str
    role: str
    role_label: str
    status: str
    enrolled_at: datetime | None
    last_seen_at: datetime | None

    @property
    def id(self) -> str:  # the table keeps the selection by it
        return self.name

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class StationAccount:
    code: str
    name: str
    district: str
    status: str
    enrolled_at: datetime | None
    last_seen_at: datetime | None

    @property
    def id(self) -> str:
        return self.code

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class IssuedCode:
    """A one-time enrolment code for `who` (a user's name or a station's code)."""

    who: str
    code: str
    valid_days: int


def _parse(what: str, build: Callable[[], T]) -> T:
    try:
        return build()
    except (KeyError, TypeError, ValueError) as exc:
        raise HqDeskError(Msg("服务总站返回的%1格式不对，请联系服务总站。", what), detail=repr(exc)) from exc


def _user(r: Any) -> DeskAccount:
    return DeskAccount(str(r["name"]), str(r["role"]), str(r.get("role_label") or r["role"]), str(r["status"]),
                       _when(r.get("enrolled_at")), _when(r.get("last_seen_at")))


def _station(r: Any) -> StationAccount:
    return StationAccount(str(r["code"]), str(r["name"]), str(r.get("district") or ""), str(r["status"]),
                          _when(r.get("enrolled_at")), _when(r.get("last_seen_at")))


def _code(who: str, r: Any) -> IssuedCode:
    return IssuedCode(who, str(r["code"]), int(r.get("valid_days") or 7))


def users(client: HqDeskClient) -> list[DeskAccount]:
    rows = client.get_json("/users")
    return _parse("用户列表", lambda: [_user(r) for r in rows])


def add_user(client: HqDeskClient, name: str, role: str) -> IssuedCode:
    answer = client.post_json("/users", {"name": name, "role": role})
    return _parse("登记码", lambda: _code(str(answer["user"]["name"]), answer))


def revoke_user(client: HqDeskClient, name: str) -> DeskAccount:
    answer = client.post_json(f"/users/{quote(name, safe='')}/revoke")
    return _parse("用户", lambda: _user(answer))


def reissue_user(client: HqDeskClient, name: str) -> IssuedCode:
    answer = client.post_json(f"/users/{quote(name, safe='')}/reissue")
    return _parse("登记码", lambda: _code(name, answer))


def stations(client: HqDeskClient) -> list[StationAccount]:
    rows = client.get_json("/stations")
    return _parse("服务站列表", lambda: [_station(r) for r in rows])


def add_station(client: HqDeskClient, code: str, name: str, district: str) -> IssuedCode:
    answer = client.post_json("/stations", {"code": code, "name": name, "district": district})
    return _parse("登记码", lambda: _code(str(answer["station"]["code"]), answer))


def revoke_station(client: HqDeskClient, code: str) -> StationAccount:
    answer = client.post_json(f"/stations/{quote(code, safe='')}/revoke")
    return _parse("服务站", lambda: _station(answer))


def reissue_station(client: HqDeskClient, code: str) -> IssuedCode:
    answer = client.post_json(f"/stations/{quote(code, safe='')}/reissue")
    return _parse("登记码", lambda: _code(code, answer))
