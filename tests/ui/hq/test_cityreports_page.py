"""全市汇总 page: preview the yearly and key-information reports from HQ, save PDF and Excel
(off the GUI thread), errors in Chinese on the page."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.hqdesk.cityreport_data import sample_network

SHOT = os.environ.get("STATION_DESK_SHOTS")  # a folder: the page is saved there as a screenshot


@pytest.fixture(scope="module")
def network(hq_engine: Any, app_client: Any) -> Any:
    return sample_network(hq_engine, app_client)


def open_page(window: Any) -> Any:
    row = [p.key for p in window.pages].index("cityreports")
    window.show_page(row)
    page = window.page("cityreports")
    assert page is not None
    return page


def test_preview_and_save_the_yearly_report(qtbot: Any, hq_window: Any, network: Any, tmp_path: Path) -> None:
    page = open_page(hq_window("bureau"))
    assert not page.pdf_button.isEnabled()
    page.save(".pdf", tmp_path / "early.pdf")  # nothing previewed yet
    assert "预览" in page.status.text() and not (tmp_path / "early.pdf").exists()
    page.year.setValue(2026)
    page.window().refresh()  # F5
    qtbot.waitUntil(lambda: page.annual_model.rowCount() == 3, timeout=10000)
    assert "服务站 3 个" in page.summary.text() and "2026年1月1日—2026年12月31日" in page.summary.text()
    names = page.annual_table.shown_texts(0)
    assert sorted(names) == ["CR-A服务站", "CR-B服务站", "CR-C服务站"]
    page.search.setText("越秀")
    qtbot.waitUntil(lambda: page.annual_table.shown_texts(0) == ["CR-C服务站"], timeout=3000)
    page.search.setText("")
    if SHOT:  # with the shipped CJK font, as tools/take_screenshots.py does
        from PySide6.QtWidgets import QApplication

        from app.ui import fonts

        fonts.install_cjk_font(QApplication.instance())
        qtbot.wait(200)
        page.window().grab().save(str(Path(SHOT) / "hq_cityreports_page.png"))
    page.save(".pdf", tmp_path / "年度汇总")  # the suffix is added
    qtbot.waitUntil(lambda: (tmp_path / "年度汇总.pdf").exists() and "已保存" in page.status.text(), timeout=20000)
    page.save(".xlsx", tmp_path / "年度汇总.xlsx")
    qtbot.waitUntil(lambda: (tmp_path / "年度汇总.xlsx").exists(), timeout=20000)
    rows = list(load_workbook(tmp_path / "年度汇总.xlsx", read_only=True)["各服务站"].iter_rows(min_row=3, values_only=True))
    assert {r[0] for r in rows} == {"CR-A", "CR-B", "CR-C"}


def test_key_info_preview_and_a_bad_period(qtbot: Any, hq_window: Any, network: Any) -> None:
    page = open_page(hq_window("staff"))
    page.kind.setCurrentIndex(1)
    assert page.period.isVisibleTo(page) and not page.year.isVisibleTo(page)
    page.period.setText("2026")
    page.preview()
    qtbot.waitUntil(lambda: "报送期间" in page.status.text(), timeout=10000)
    assert page.report is None and not page.excel_button.isEnabled()
    page.period.setText("2026-Q4")
    page.preview()
    qtbot.waitUntil(lambda: page.key_model.rowCount() > 0, timeout=10000)
    assert "2026年第四季度" in page.summary.text() and page.excel_button.isEnabled()
    assert "I 信息传输、软件和信息技术服务业" in page.key_table.shown_texts(0)
