"""HQ desk accounts: one-time enrolment codes and tokens (stored only as sha256), like stations'.

Roles (docs/admin-api.md): `admin` manages users and stations; `staff` reviews reports and edits
the libraries; `bureau` (市工业和信息化局) reads everything.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from app.domain.messages import Msg
from app.hq.accounts import ENROL_DAYS, AccountError, digest, new_enrol_code, normalise_code

ROLES = ("admin", "staff", "bureau")
ROLE_LABELS = {"admin": "管理员", "staff": "服务总站工作人员", "bureau": "市工业和信息化局"}
MAX_NAME = 64
NAME_FORBIDDEN = "/\\%?#"
_COLUMNS = "id, name, role, status, enrolled_at, last_seen_at"
_NOW = "COALESCE(CAST(:now AS timestamptz), now())"


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    role: str
    status: str
    enrolled_at: datetime | None = None
    last_seen_at: datetime | None = None

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "role": self.role, "role_label": self.role_label,
                "status": self.status, "enrolled_at": self.enrolled_at.isoformat() if self.enrolled_at else None,
                "last_seen_at": self.last_seen_at.isoformat() if self.last_seen_at else None}


def check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise AccountError("用户名不能为空，请填写使用者的姓名或账号名。")
    if len(name) > MAX_NAME or any(ch in name for ch in "\r\n\t\0"):
        raise AccountError(Msg("用户名最长 %1 个字，且不能含换行或制表符，请改短。", MAX_NAME))
    if name in (".", "..") or any(ch in name for ch in NAME_FORBIDDEN):
        # the name is a path segment of /v1/admin/users/{name}/…: these could never be addressed
        raise AccountError(Msg("用户名不能含 %1 这些符号，也不能只是 . 或 ..，请改一下。", ' '.join(NAME_FORBIDDEN)))
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(Msg("角色“%1”无效，可选：%2。", role, '、'.join((f'{k}（{v}）' for k, v in ROLE_LABELS.items()))))
    return role


def get_user(conn: Connection, name: str) -> UserInfo | None:
    row = conn.execute(text(f"SELECT {_COLUMNS} FROM hq_user WHERE name = :n"), {"n": name.strip()}).first()
    return UserInfo(*row) if row else None


def list_users(conn: Connection) -> list[UserInfo]:
    return [UserInfo(*row) for row in conn.execute(text(f"SELECT {_COLUMNS} FROM hq_user ORDER BY name"))]


def add_user(conn: Connection, name: str, role: str, now: datetime | None = None) -> tuple[UserInfo, str]:
    """A new HQ user and its one-time enrolment code, valid ENROL_DAYS from `now`."""
    name, role = check_name(name), check_role(role)
    if get_user(conn, name) is not None:
        raise AccountError(Msg("用户 %1 已存在。需要重新登记请用 reissue-user-code。", name))
    code = new_enrol_code()
    conn.execute(
        text("INSERT INTO hq_user (name, role, enrol_code_hash, enrol_expires_at) "
             f"VALUES (:n, :r, :h, {_NOW} + make_interval(days => :days))"),
        {"n": name, "r": role, "h": digest(normalise_code(code)), "days": ENROL_DAYS, "now": now},
    )
    info = get_user(conn, name)
    assert info is not None
    return info, code


def reissue_user_code(conn: Connection, name: str, now: datetime | None = None) -> str:
    """A new code; the old token stops working at once (and a revoked user may come back)."""
    code = new_enrol_code()
    updated = conn.execute(
        text("UPDATE hq_user SET enrol_code_hash = :h, token_hash = NULL, "
             f"enrol_expires_at = {_NOW} + make_interval(days => :days) WHERE name = :n"),
        {"n": name.strip(), "h": digest(normalise_code(code)), "days": ENROL_DAYS, "now": now},
    ).rowcount
    if not updated:
        raise AccountError(Msg("没有名为 %1 的服务总站用户（users 可列出全部用户）。", name))
    return code


def revoke_user(conn: Connection, name: str) -> UserInfo:
    updated = conn.execute(
        text("UPDATE hq_user SET status = 'revoked', token_hash = NULL, enrol_code_hash = NULL, revoked_at = now() "
             "WHERE name = :n"),
        {"n": name.strip()},
    ).rowcount
    info = get_user(conn, name)
    if not updated or info is None:
        raise AccountError(Msg("没有名为 %1 的服务总站用户（users 可列出全部用户）。", name))
    return info


def enroll_user(conn: Connection, code: str, now: datetime | None = None) -> tuple[str, UserInfo] | None:
    """Consume an HQ user's enrolment code; None if no user holds it (it may be a station's)."""
    token = "hq_" + secrets.token_urlsafe(32)
    row = conn.execute(
        text("UPDATE hq_user SET token_hash = :t, enrol_code_hash = NULL, enrol_expires_at = NULL, status = 'active', "
             "revoked_at = NULL, enrolled_at = now() "
             f"WHERE enrol_code_hash = :h AND enrol_expires_at > {_NOW} RETURNING {_COLUMNS}"),
        {"t": digest(token), "h": digest(normalise_code(code)), "now": now},
    ).first()
    return (token, UserInfo(*row)) if row else None


def authenticate_user(conn: Connection, token: str) -> UserInfo | None:
    """The active user holding `token` (and note when it was last seen), or None."""
    row = conn.execute(
        text(f"UPDATE hq_user SET last_seen_at = now() WHERE token_hash = :t AND status = 'active' RETURNING {_COLUMNS}"),
        {"t": digest(token)},
    ).first()
    return UserInfo(*row) if row else None
