"""Station accounts: enrolment codes, tokens (stored only as sha256), revocation."""

from __future__ import annotations

import re
import secrets
from datetime import datetime

from sqlalchemy import Connection, text

from app.domain import districts
from app.domain.messages import Msg, joined
from app.hq import fast_sql
from app.hq.hq_edits import publish_reference
from app.hq.token_sql import AUTHENTICATE, AUTHENTICATE_LOCKED, COLUMNS, StationInfo, digest
from app.models.types import uuid7

ENROL_DAYS = 7
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I/O/0/1: read aloud over the phone
STATION_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_NOW = "COALESCE(CAST(:now AS timestamptz), now())"  # an injected clock, or PostgreSQL's


__all__ = ["AccountError", "StationInfo", "authenticate", "digest"]


class AccountError(Exception):
    """`args[0]` is a Chinese message for the administrator or the station."""


def normalise_code(code: str) -> str:
    return re.sub(r"[\s-]", "", code).upper()


def new_enrol_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(20))
    return "-".join(raw[i : i + 5] for i in range(0, 20, 5))


def _station_ref(info: StationInfo) -> dict[str, object]:
    status = {"active": "approved", "revoked": "revoked"}[info.status]
    return {"id": str(info.station_id), "code": info.code, "name": info.name, "district": info.district, "status": status}


def get_station(conn: Connection, code: str) -> StationInfo | None:
    row = conn.execute(text(f"SELECT {COLUMNS} FROM station_account WHERE code = :c"), {"c": code}).first()
    return StationInfo(*row) if row else None


def add_station(
    conn: Connection, code: str, name: str, district: str, now: datetime | None = None
) -> tuple[StationInfo, str]:
    """Create a station account; returns it and its one-time enrolment code, valid for
    ENROL_DAYS from `now` (None: PostgreSQL's now()).  `district` is one of Guangzhou's
    districts (天河区, 天河 and 440106 are all 天河区): it is published in the station's
    `station` row, whose row rules require it, so a station without one could not take it."""
    if not STATION_CODE.match(code):
        raise AccountError("服务站编号只能包含字母、数字、“-”和“_”，最长 32 位。")
    if not name.strip():
        raise AccountError("服务站名称不能为空。")
    official = districts.parse_district(district)
    if official is None:
        raise AccountError(Msg("所在区“%1”不是广州的区：请填写%2之一。", district.strip(), joined(districts.NAMES, "、"))
                           if district.strip() else Msg("所在区不能为空：请填写%1之一，如 天河区。", joined(districts.NAMES, "、")))
    district = official
    if get_station(conn, code) is not None:
        raise AccountError(Msg("服务站 %1 已存在。需要重新登记请用 reissue-code。", code))
    enrol = new_enrol_code()
    conn.execute(
        text(
            "INSERT INTO station_account (code, name, district, station_id, enrol_code_hash, enrol_expires_at) "
            f"VALUES (:c, :n, :d, :s, :h, {_NOW} + make_interval(days => :days))"
        ),
        {"c": code, "n": name.strip(), "d": district, "s": uuid7(), "h": digest(normalise_code(enrol)), "days": ENROL_DAYS,
         "now": now},
    )
    info = get_station(conn, code)
    assert info is not None
    publish_reference(conn, "station", [_station_ref(info)])
    return info, enrol


def reissue_code(conn: Connection, code: str, now: datetime | None = None) -> str:
    """A new enrolment code (a replaced PC, a lost token, a revoked station coming back).
    The old token stops working at once: whoever asked for a new code no longer trusts
    the machine holding it."""
    enrol = new_enrol_code()
    updated = conn.execute(
        text(
            "UPDATE station_account SET enrol_code_hash = :h, token_hash = NULL, "
            f"enrol_expires_at = {_NOW} + make_interval(days => :days) WHERE code = :c"
        ),
        {"c": code, "h": digest(normalise_code(enrol)), "days": ENROL_DAYS, "now": now},
    ).rowcount
    if not updated:
        raise AccountError(Msg("没有编号为 %1 的服务站。", code))
    return enrol


def revoke_station(conn: Connection, code: str) -> StationInfo:
    updated = conn.execute(
        text(
            "UPDATE station_account SET status = 'revoked', token_hash = NULL, enrol_code_hash = NULL, "
            "revoked_at = now() WHERE code = :c"
        ),
        {"c": code},
    ).rowcount
    info = get_station(conn, code)
    if not updated or info is None:
        raise AccountError(Msg("没有编号为 %1 的服务站。", code))
    publish_reference(conn, "station", [_station_ref(info)])
    return info


def list_stations(conn: Connection) -> list[StationInfo]:
    return [StationInfo(*row) for row in conn.execute(text(f"SELECT {COLUMNS} FROM station_account ORDER BY code"))]


def enroll(conn: Connection, enrol_code: str, now: datetime | None = None) -> tuple[str, StationInfo]:
    """Consume an enrolment code that has not expired at `now` (None: PostgreSQL's now());
    returns the new token (shown once) and the station."""
    token = secrets.token_urlsafe(32)
    row = conn.execute(
        text(
            "UPDATE station_account SET token_hash = :t, enrol_code_hash = NULL, enrol_expires_at = NULL, "
            "status = 'active', revoked_at = NULL, enrolled_at = now() "
            f"WHERE enrol_code_hash = :h AND enrol_expires_at > {_NOW} RETURNING {COLUMNS}"
        ),
        {"t": digest(token), "h": digest(normalise_code(enrol_code)), "now": now},
    ).first()
    if row is None:
        raise AccountError("登记码无效、已使用或已过期。请向服务总站索取新的登记码。")
    info = StationInfo(*row)
    publish_reference(conn, "station", [_station_ref(info)])
    return token, info


def authenticate(conn: Connection, token: str, lock: bool = False) -> StationInfo | None:
    """The active station holding `token`, or None.  `lock` holds the account row
    (FOR SHARE) until the caller's transaction ends, so a revocation waits for it.
    Straight on psycopg (app/hq/fast_sql.py): every station request runs it, unless its
    first statement folds it in (app.hq.push.authenticate_and_claim, app.hq.pull.pull_as)."""
    row = fast_sql.first(conn, AUTHENTICATE_LOCKED if lock else AUTHENTICATE, {"t": digest(token)})
    return StationInfo(*row) if row else None
