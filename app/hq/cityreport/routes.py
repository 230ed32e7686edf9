"""GET /v1/admin/cityreports/annual?year= and /key-info?period=: the city-wide reports' data as
JSON (app.hq.cityreport.codec), read in one snapshot; every HQ role may read them."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Query
from sqlalchemy import Connection, text

from app.domain.errors import ValidationError
from app.hq.admin.access import AnyRole
from app.hq.cityreport import codec
from app.hq.cityreport.annual import annual_report
from app.hq.cityreport.key_info import key_info_report
from app.hq.http_io import ApiError, said
from app.hq.readmodel import pending
from app.hq.routes.context import Service

router = APIRouter(prefix="/v1/admin/cityreports")
YEAR = re.compile(r"[0-9]{1,6}")
YEAR_HINT = "年度：请填写 4 位数字的年份，例如 year=2026。"


def _snapshot(hq: Service, read: Any) -> Any:
    def work(conn: Connection) -> Any:
        conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))  # one snapshot, no writes
        return codec.to_json(read(conn))

    try:
        pending.catch_up(hq.engine)  # every write committed so far is in the snapshot
        return hq.in_transaction(work)
    except ValidationError as exc:
        raise ApiError(400, "invalid_request", said(exc)) from exc


@router.get("/annual")
def annual(hq: Service, _: AnyRole, year: str = Query("", max_length=10)) -> dict[str, Any]:
    """The network's work in `year` and the stations' plans for the next year, as of now."""
    if not YEAR.fullmatch(year.strip()):  # not str.isdigit(): "²" and "٢٠٢٦" are digits to it
        raise ApiError(400, "invalid_request", YEAR_HINT)
    result: dict[str, Any] = _snapshot(hq, lambda conn: annual_report(conn, int(year), hq.wall_now()))
    return result


@router.get("/key-info")
def key_info(hq: Service, _: AnyRole, period: str = Query("", max_length=20)) -> dict[str, Any]:
    """Key industries, enterprises and demands of a month ("2026-09") or quarter ("2026-Q3")."""
    result: dict[str, Any] = _snapshot(hq, lambda conn: key_info_report(conn, period, hq.wall_now()))
    return result
