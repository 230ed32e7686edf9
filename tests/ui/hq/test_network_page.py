"""站点网络 in HQ mode against the real HQ service: the table, the district and status filters,
sorting, the district summary, the export through a file dialog, and a station's page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import text

from app.models.types import uuid7
from tests.hq import factories as f
from tests.hq.conftest import call


@pytest.fixture(scope="module")
def network(enrol: Any, app_client: Any, hq_engine: Any) -> list[Any]:
    stations = []
    for code, district, records in (("UIN-A", "天河区", 3), ("UIN-B", "海珠区", 1)):
        station = enrol(code)
        e = f.enterprise(station.station_id, f.hlc(0))
        rows = [e, *(f.service_record(station.station_id, e["id"], service_date=f"2026-0{m + 1}-05", satisfaction=5)
                     for m in range(records))]
        assert call(app_client, station, "/v1/push", {"batch_id": str(uuid7()), "rows": rows}).status_code == 200
        with hq_engine.begin() as conn:
            conn.execute(text("UPDATE station_account SET district = :d WHERE code = :c"), {"d": district, "c": code})
        stations.append(station)
    return stations


def _page(qtbot: Any, hq_window: Any, role: str = "bureau") -> Any:
    window = hq_window(role)
    page = window.page("network")
    page.year.setValue(2026)
    qtbot.waitUntil(lambda: {"UIN-A", "UIN-B"} <= {r.code for r in page.model.rows}, timeout=8000)
    return page


def test_the_network_lists_filters_sorts_and_sums_by_district(qtbot: Any, hq_window: Any, network: Any) -> None:
    page = _page(qtbot, hq_window)
    assert page.summary_model.rowCount() >= 3 and page.summary_model.row_at(page.summary_model.rowCount() - 1).district == "全市"
    records = next(n for n, c in enumerate(page.model.columns) if c.title == page.tr("服务记录"))
    page.table.table.sortByColumn(records, Qt.SortOrder.DescendingOrder)
    codes = [c for c in page.table.shown_texts(0) if c.startswith("UIN-")]
    assert codes == ["UIN-A", "UIN-B"]
    page.district.setCurrentIndex(page.district.findData("海珠区"))
    qtbot.waitUntil(lambda: [r.code for r in page.model.rows if r.code.startswith("UIN-")] == ["UIN-B"], timeout=8000)
    page.status.setCurrentIndex(page.status.findData("revoked"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=8000)
    assert page.table.currentWidget() is page.table.empty_label


def test_export_runs_in_the_background_and_writes_the_workbook(qtbot: Any, hq_window: Any, network: Any, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, hq_window, "staff")
    target = tmp_path / "网络"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.export()
    qtbot.waitUntil(lambda: (tmp_path / "网络.xlsx").exists() and page.export_button.isEnabled(), timeout=8000)
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "网络.xlsx")
    assert book.sheetnames == ["站点网络", "按区汇总"]
    assert "网络.xlsx" in page.message.text()


def test_double_click_opens_the_station_page(qtbot: Any, hq_window: Any, network: Any) -> None:
    page = _page(qtbot, hq_window, "admin")
    assert page.table.select("UIN-A")
    page.table.table.doubleClicked.emit(page.table.table.currentIndex())
    dialog = page.dialogs[-1]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.page is not None, timeout=8000)
    assert dialog.page.row.code == "UIN-A"
    months = dialog.months.model
    assert months.rowCount() == 12 and months.row_at(0).f.service_records == 1
    assert dialog.profile.rowCount() > 8
    assert dialog.staff.currentWidget() is dialog.staff.empty_label  # no staff synced: the empty state says so
