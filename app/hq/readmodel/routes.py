"""/v1/admin/network: 站点网络 for every HQ role (reads only).

GET /stations?year=&district=&status=   one row per station
GET /districts?year=                    the summary by district (and 全市)
GET /stations/{code}?year=              one station's page
GET /export.xlsx?year=&district=&status= the workbook `station-desk-hq stations --export` writes
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.domain.errors import ValidationError
from app.domain.periods import CHINA_TIME, FIRST_YEAR, LAST_YEAR, china_today
from app.hq.admin.access import AnyRole
from app.hq.http_io import ApiError, said
from app.hq.readmodel import network, pending
from app.hq.readmodel.excel import network_workbook
from app.hq.readmodel.to_json import detail_json, district_json, row_json
from app.hq.routes.context import Service

router = APIRouter(prefix="/v1/admin/network")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Year = Query(None, ge=FIRST_YEAR, le=LAST_YEAR, description="统计年度，默认今年")
District = Query(None, max_length=network.MAX_DISTRICT_CHARS)
Status = Query(None, max_length=20)


def _read(hq: Service, work: Any) -> Any:
    try:
        pending.catch_up(hq.engine)  # every write committed so far is in what follows
        return hq.in_transaction(work, read_only=True)
    except ValidationError as exc:
        raise ApiError(422, "invalid", exc.message) from exc
    except network.StationNotFound as exc:
        raise ApiError(404, "not_found", said(exc)) from exc


@router.get("/stations")
def stations(hq: Service, _: AnyRole, year: int | None = Year, district: str | None = District,
             status: str | None = Status) -> list[dict[str, Any]]:
    y = year or china_today().year
    result: list[dict[str, Any]] = _read(hq, lambda conn: [
        row_json(r) for r in network.network_rows(conn, year=y, district=district or None, status=status or None)])
    return result


@router.get("/districts")
def districts(hq: Service, _: AnyRole, year: int | None = Year) -> list[dict[str, Any]]:
    y = year or china_today().year
    result: list[dict[str, Any]] = _read(hq, lambda conn: [
        district_json(d) for d in network.district_summary(network.network_rows(conn, year=y))])
    return result


@router.get("/stations/{code}")
def station(hq: Service, _: AnyRole, code: str, year: int | None = Year) -> dict[str, Any]:
    if len(code) > 32:
        raise ApiError(404, "not_found", "服务站编号最长 32 位，请从站点网络列表中选择。")
    y = year or china_today().year
    result: dict[str, Any] = _read(hq, lambda conn: detail_json(network.station_detail(conn, code, y)))
    return result


@router.get("/export.xlsx")
def export(hq: Service, _: AnyRole, year: int | None = Year, district: str | None = District,
           status: str | None = Status) -> Response:
    y = year or china_today().year

    def work(conn: Any) -> bytes:
        rows = network.network_rows(conn, year=y, district=district or None, status=status or None)
        made = datetime.now(UTC).astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
        return network_workbook(rows, network.district_summary(rows), y, made)

    data: bytes = _read(hq, work)
    return Response(data, media_type=XLSX)
