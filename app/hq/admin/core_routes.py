"""The admin endpoints every HQ desk needs: who am I, users, stations, the audit trail.

Reads are open to every HQ role (the bureau reads everything); writes to users and stations
are the admin's.  Every write is audited in its own transaction (app.hq.admin.audit).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Query
from sqlalchemy import Connection

from app.hq import accounts
from app.hq.accounts import AccountError
from app.hq.admin import users
from app.hq.admin.access import AdminRole, AnyRole
from app.hq.admin.audit import MAX_LIMIT, list_audit, record_action
from app.hq.admin.bodies import NewStation, NewUser
from app.hq.http_io import ApiError, said
from app.hq.routes.context import Service

router = APIRouter(prefix="/v1/admin")


def _station_json(info: accounts.StationInfo) -> dict[str, Any]:
    return {"code": info.code, "name": info.name, "district": info.district, "station_id": str(info.station_id),
            "status": info.status, "enrolled_at": info.enrolled_at.isoformat() if info.enrolled_at else None,
            "last_seen_at": info.last_seen_at.isoformat() if info.last_seen_at else None}


def _account_work(hq: Service, work: Callable[[Connection], dict[str, Any]]) -> dict[str, Any]:
    try:
        return hq.in_transaction(work)
    except AccountError as exc:
        status = 404 if str(exc).startswith("没有") else 409
        raise ApiError(status, "not_found" if status == 404 else "conflict", said(exc)) from exc


@router.get("/me")
def me(user: AnyRole) -> dict[str, Any]:
    return {"id": user.id, "name": user.name, "role": user.role, "role_label": user.role_label}


@router.get("/users")
def list_users(hq: Service, _: AnyRole) -> list[dict[str, Any]]:
    return hq.in_transaction(lambda conn: [u.to_json() for u in users.list_users(conn)], read_only=True)


@router.post("/users")
def add_user(hq: Service, user: AdminRole, body: NewUser) -> dict[str, Any]:
    def work(conn: Connection) -> dict[str, Any]:
        info, code = users.add_user(conn, body.name, body.role, hq.wall_now())
        record_action(conn, user, "user.add", info.name, None, {"role": info.role})
        return {"user": info.to_json(), "code": code, "valid_days": accounts.ENROL_DAYS}

    return _account_work(hq, work)


@router.post("/users/{name}/revoke")
def revoke_user(hq: Service, user: AdminRole, name: str) -> dict[str, Any]:
    if name.strip() == user.name:
        raise ApiError(409, "conflict", "不能撤销自己的账号：请让另一位管理员办理。")

    def work(conn: Connection) -> dict[str, Any]:
        before = users.get_user(conn, name)
        info = users.revoke_user(conn, name)
        record_action(conn, user, "user.revoke", info.name, before.status if before else None, info.status)
        return info.to_json()

    return _account_work(hq, work)


@router.post("/users/{name}/reissue")
def reissue_user(hq: Service, user: AdminRole, name: str) -> dict[str, Any]:
    def work(conn: Connection) -> dict[str, Any]:
        code = users.reissue_user_code(conn, name, hq.wall_now())
        record_action(conn, user, "user.reissue_code", name.strip())
        return {"code": code, "valid_days": accounts.ENROL_DAYS}

    return _account_work(hq, work)


@router.get("/stations")
def list_stations(hq: Service, _: AnyRole) -> list[dict[str, Any]]:
    return hq.in_transaction(lambda conn: [_station_json(s) for s in accounts.list_stations(conn)], read_only=True)


@router.post("/stations")
def add_station(hq: Service, user: AdminRole, body: NewStation) -> dict[str, Any]:
    def work(conn: Connection) -> dict[str, Any]:
        info, code = accounts.add_station(conn, body.code, body.name, body.district, hq.wall_now())
        record_action(conn, user, "station.add", info.code, None, _station_json(info))
        return {"station": _station_json(info), "code": code, "valid_days": accounts.ENROL_DAYS}

    return _account_work(hq, work)


@router.post("/stations/{code}/revoke")
def revoke_station(hq: Service, user: AdminRole, code: str) -> dict[str, Any]:
    def work(conn: Connection) -> dict[str, Any]:
        before = accounts.get_station(conn, code)
        info = accounts.revoke_station(conn, code)
        record_action(conn, user, "station.revoke", code, before.status if before else None, info.status)
        return _station_json(info)

    return _account_work(hq, work)


@router.post("/stations/{code}/reissue")
def reissue_station(hq: Service, user: AdminRole, code: str) -> dict[str, Any]:
    def work(conn: Connection) -> dict[str, Any]:
        enrol_code = accounts.reissue_code(conn, code, hq.wall_now())
        record_action(conn, user, "station.reissue_code", code)
        return {"code": enrol_code, "valid_days": accounts.ENROL_DAYS}

    return _account_work(hq, work)


@router.get("/audit")
def audit(hq: Service, _: AnyRole, limit: int = Query(100, ge=1, le=MAX_LIMIT), action: str | None = Query(None, max_length=64),
          actor: str | None = Query(None, max_length=64), before_id: int | None = Query(None, ge=1)) -> list[dict[str, Any]]:
    return hq.in_transaction(
        lambda conn: [e.to_json() for e in list_audit(conn, limit=limit, action=action, actor=actor, before_id=before_id)],
        read_only=True,
    )
