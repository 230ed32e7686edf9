"""HQ's enterprise export (.xlsx), same columns as the station's (app.domain.export_columns)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, text

from app.domain.export_columns import ENTERPRISE_HEADERS, enterprise_cells
from app.domain.messages import Msg
from app.domain.sheet_text import text_cells
from app.hq.accounts import AccountError, get_station
from app.hq.dedupe import ENTERPRISE_REF_TABLES

# "Serves": a live service record, demand or attendance of that station names the enterprise.
_SERVED = (
    "SELECT 1 FROM replica_row r WHERE r.tbl = ANY(CAST(:refs AS text[])) AND NOT r.deleted "
    "AND r.station_id = :s AND r.data->>'enterprise_id' = e.id::text"
)


def export_enterprises(conn: Connection, out: Path, station_code: str | None = None) -> int:
    """Write live enterprises (optionally those a station created or serves); returns the count."""
    from openpyxl import Workbook

    params: dict[str, object] = {"refs": list(ENTERPRISE_REF_TABLES)}
    where = "e.tbl = 'enterprise' AND NOT e.deleted"
    if station_code is not None:
        info = get_station(conn, station_code)
        if info is None:
            raise AccountError(Msg("没有编号为 %1 的服务站。", station_code))
        params["s"] = info.station_id
        where += f" AND (e.station_id = :s OR EXISTS ({_SERVED}))"
    rows = conn.execute(
        text(f"SELECT e.data FROM replica_row e WHERE {where} ORDER BY e.data->>'credit_code' NULLS LAST, e.id"), params
    )
    book = Workbook(write_only=True)
    sheet = book.create_sheet("企业库")
    sheet.append(list(ENTERPRISE_HEADERS))
    count = 0
    for (data,) in rows:
        sheet.append(text_cells(sheet, enterprise_cells(data)))
        count += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return count
