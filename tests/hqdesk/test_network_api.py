"""/v1/admin/network through HqDeskClient: every role reads the network, the district summary,
a station's page and the Excel export; bad filters are 422 and an unknown station 404, in Chinese."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from app.hqdesk import network as desk_network
from app.hqdesk.client import HqDeskError
from app.models.types import uuid7
from tests.hq import factories as f
from tests.hq.conftest import call


@pytest.fixture(scope="module")
def pushed(enrol: Any, app_client: Any, hq_engine: Engine) -> Any:
    station = enrol("GZ-API")
    e = f.enterprise(station.station_id, f.hlc(0))
    rows = [e, f.service_record(station.station_id, e["id"], service_date="2026-03-31", satisfaction=4),
            f.service_record(uuid7(), e["id"])]  # names another station: a rejected write
    answer = call(app_client, station, "/v1/push", {"batch_id": str(uuid7()), "rows": rows})
    assert answer.status_code == 200, answer.text
    with hq_engine.begin() as conn:
        conn.execute(text("UPDATE station_account SET district = '南沙区' WHERE code = 'GZ-API'"))
    return station


@pytest.mark.parametrize("role", ["admin", "staff", "bureau"])
def test_every_role_reads_the_network(desk: dict[str, Any], pushed: Any, role: str, tmp_path: Path) -> None:
    client = desk[role]
    rows = {r.code: r for r in desk_network.network_rows(client, year=2026)}
    row = rows["GZ-API"]
    assert (row.district, row.status, row.figures.service_records, row.figures.satisfied_share) == ("南沙区", "approved", 1, 1.0)
    assert [r.code for r in desk_network.network_rows(client, year=2026, district="南沙区")] == ["GZ-API"]
    districts = {d.district: d for d in desk_network.district_rows(client, year=2026)}
    assert districts["南沙区"].stations == 1 and districts["全市"].stations == len(rows)
    page = desk_network.station_page(client, "GZ-API", year=2026)
    assert dict(page.months)[3].service_records == 1 and len(page.months) == 12
    assert [w["reason"] for w in page.rejected] == ["wrong_station"]
    target = desk_network.export_network(client, tmp_path / "网络.xlsx", year=2026)
    assert target.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(("call_it", "status", "words"), [
    (lambda c: desk_network.network_rows(c, status="closed"), 422, "状态"),
    (lambda c: desk_network.network_rows(c, year=1800), 422, ""),
    (lambda c: desk_network.network_rows(c, district="区" * 30), 422, ""),
    (lambda c: desk_network.station_page(c, "NO-SUCH"), 404, "没有编号"),
    (lambda c: desk_network.station_page(c, "X" * 40), 404, "最长"),
])
def test_bad_requests_are_refused_in_chinese(desk: dict[str, Any], pushed: Any, call_it: Any, status: int, words: str) -> None:
    with pytest.raises(HqDeskError) as refused:
        call_it(desk["bureau"])
    assert refused.value.status == status and words in str(refused.value)
