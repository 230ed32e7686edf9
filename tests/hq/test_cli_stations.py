"""`station-desk-hq list-stations` shows the sync a station just made, and `stations` lists the
network and exports it to Excel (frozen header, widths, Chinese headers, a district sheet)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from app.hq.cli import main
from app.hq.push import apply_push
from app.models.types import uuid7
from tests.hq import factories as f
from tests.hq.conftest import call


def test_list_stations_shows_the_first_sync_of_a_station(hq_url: str, enrol: Any, app_client: Any, capsys: Any) -> None:
    station = enrol("GZ-SEEN")
    # a first sync: an empty push, then the bootstrap pull (no cursor yet), all in one page
    assert call(app_client, station, "/v1/push", {"batch_id": str(uuid7()), "rows": []}).status_code == 200
    assert call(app_client, station, "/v1/pull", {"cursor": None}).status_code == 200
    assert main(["list-stations", "--db", hq_url]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("GZ-SEEN\t"))
    seen = line.split("\t")[-1]
    assert seen != "-" and seen.startswith("20"), line


def test_stations_lists_and_exports_the_network(hq_url: str, hq_engine: Engine, enrol: Any, tmp_path: Path, capsys: Any) -> None:
    from openpyxl import load_workbook

    station = enrol("GZ-XLS")
    e = f.enterprise(station.station_id, f.hlc(0))
    with hq_engine.begin() as conn:
        apply_push(conn, station.station_id, uuid7(), [e, f.service_record(station.station_id, e["id"], service_date="2026-05-06",
                                                                           satisfaction=5)])
        conn.execute(text("UPDATE station_account SET district = '黄埔区' WHERE code = 'GZ-XLS'"))
    assert main(["stations", "--db", hq_url, "--year", "2026", "--district", "黄埔区"]) == 0
    out = capsys.readouterr().out
    assert "GZ-XLS" in out and "共 1 个服务站（2026年度）" in out
    target = tmp_path / "out" / "网络.xlsx"
    assert main(["stations", "--db", hq_url, "--year", "2026", "--export", str(target)]) == 0
    book = load_workbook(target)
    assert book.sheetnames == ["站点网络", "按区汇总"]
    sheet = book["站点网络"]
    headers = [c.value for c in sheet[1]]
    assert headers[:5] == ["编号", "服务站名称", "所在区", "依托单位", "状态"] and "满意率" in headers
    assert sheet.freeze_panes == "A2" and sheet.column_dimensions["B"].width >= 28
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "GZ-XLS")
    assert row[2] == "黄埔区" and row[headers.index("服务记录（条）")] == 1 and row[headers.index("满意率")] == 1
    districts = [r[0] for r in book["按区汇总"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert "黄埔区" in districts and "全市" in districts


@pytest.mark.parametrize(("argv", "message"), [
    (["--export", "网络.csv"], "--export 应为 .xlsx"),
    (["--year", "1800"], "年度"),
    (["--district", "区" * 30], "所在区"),
])
def test_stations_refuses_bad_options_in_chinese(hq_url: str, argv: list[str], message: str, capsys: Any) -> None:
    assert main(["stations", "--db", hq_url, *argv]) == 2
    assert message in capsys.readouterr().err
