"""全市汇总: choose the yearly overall report (a year) or the key-information report (a month or
quarter), preview its figures from HQ, and save it as a print-ready PDF or an Excel workbook.

HQ answers with the report's data (GET /v1/admin/cityreports/…); the desk renders it locally
(app.hqdesk.cityreports.render), both off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.periods import china_today
from app.hqdesk.cityreports import client as reports
from app.hqdesk.cityreports.client import AnnualCityReport, KeyInfoReport
from app.hqdesk.cityreports.render import Rendered, render, title_of
from app.hqdesk.client import HqDeskClient
from app.ui import theme
from app.ui.hq.cityreports.columns import annual_columns, key_info_columns
from app.ui.hq.pages import DeskUser
from app.ui.item_models.row_list_model import RowListModel
from app.ui.operations import run_in_background
from app.ui.service_messages import shown_message
from app.ui.widgets.list_table import ListTable
from app.ui.widgets.list_views import bind_find

ANNUAL, KEY_INFO = 0, 1


class CityReportsPage(QWidget):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.user = client, user
        self.report: AnnualCityReport | KeyInfoReport | None = None
        today = china_today()
        self.kind = QComboBox()
        self.kind.addItems([self.tr("年度汇总报告（报市工信局）"), self.tr("重点信息报送（月度/季度）")])
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year - 1 if today.month == 1 else today.year)
        self.year.setSuffix(self.tr(" 年度"))
        self.period = QLineEdit(f"{today.year}-Q{(today.month - 1) // 3 + 1}")
        self.period.setPlaceholderText(self.tr("如 2026-Q3 或 2026-09"))
        self.period.setMaxLength(10)
        self.period.returnPressed.connect(self.preview)
        self.period.hide()
        self.preview_button = QPushButton(self.tr("预览 (F5)"))
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button = QPushButton(self.tr("保存 PDF… (Ctrl+S)"))
        self.pdf_button.clicked.connect(lambda: self.save(".pdf"))
        self.excel_button = QPushButton(self.tr("保存 Excel… (Ctrl+E)"))
        self.excel_button.clicked.connect(lambda: self.save(".xlsx"))
        for shortcut, action, what in (("Ctrl+S", lambda: self.save(".pdf"), self.tr("保存 PDF")),  # F5: the window's refresh()
                                       ("Ctrl+E", lambda: self.save(".xlsx"), self.tr("保存 Excel"))):
            QShortcut(QKeySequence(shortcut), self, action).setWhatsThis(what)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("在表中查找服务站、区、行业（Ctrl+F）"))
        bind_find(self, self.search, self.tr("在表中查找"))
        self.search.textChanged.connect(self._filter)
        self.search.setMinimumWidth(160)  # the bar fits a 1024×600 screen in English too (tests/ui/hq/test_hq_small_screen.py)
        self.summary = QLabel(self.tr("选择年度或报送期间，点“预览”查看全市汇总数据，再保存为 PDF 或 Excel。"))
        self.summary.setWordWrap(True)
        self.summary.setMinimumHeight(3 * self.summary.fontMetrics().lineSpacing())  # two lines, never clipped
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.summary.setStyleSheet(f"color: {theme.TEXT_SECONDARY};")
        self.status = QLabel()
        self.annual_model = RowListModel(annual_columns(), self)
        self.annual_table = ListTable(self.annual_model, [200, 80, 80, 80, 70, 80, 80, 80, 80, 70, 70, 60])
        self.annual_table.empty_text = self.tr("没有数据：请先选择年度并点“预览”。服务站同步后，其数据会出现在这里。")
        self.key_model = RowListModel(key_info_columns(), self)
        self.key_table = ListTable(self.key_model, [260, 110, 110, 110, 100, 110])
        self.key_table.empty_text = self.tr("没有数据：请先填写报送期间（如 2026-Q3）并点“预览”。")
        for table in (self.annual_table, self.key_table):
            table.no_match_text = self.tr("没有符合条件的行，请改一下查找内容。")
        self.tables = QStackedWidget()
        self.tables.addWidget(self.annual_table)
        self.tables.addWidget(self.key_table)
        bar = QHBoxLayout()
        for widget in (self.kind, self.year, self.period, self.preview_button, self.pdf_button, self.excel_button):
            bar.addWidget(widget)
        bar.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.SPACING)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.tables, 1)
        layout.addWidget(self.status)
        self._set_report(None)

    # -- choosing and previewing -----------------------------------------------------------
    def _kind_changed(self, index: int) -> None:
        self.year.setVisible(index == ANNUAL)
        self.period.setVisible(index == KEY_INFO)
        self.tables.setCurrentIndex(index)
        self._set_report(None)

    def refresh(self) -> None:
        """F5 (the window's shortcut): preview the chosen report again."""
        self.preview()

    def preview(self) -> None:
        """Fetch the chosen report's data from HQ (off the GUI thread)."""
        if self.kind.currentIndex() == ANNUAL:
            year = self.year.value()
            fetch: Any = lambda ctx: reports.annual(self.client, year)  # noqa: E731
        else:
            period = self.period.text().strip()
            fetch = lambda ctx: reports.key_info(self.client, period)  # noqa: E731
        self.status.setText(self.tr("正在读取服务总站数据…"))
        run_in_background(self, fetch, on_success=self._set_report, on_failure=self._failed,
                          title=self.tr("读取全市汇总数据"), show_progress=False)

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(f"color: {theme.ERROR};")
        self.status.setText(shown_message(exc))

    def _set_report(self, report: AnnualCityReport | KeyInfoReport | None) -> None:
        self.report = report
        self.pdf_button.setEnabled(report is not None)
        self.excel_button.setEnabled(report is not None)
        self.status.setStyleSheet("")
        self.status.setText("")
        if isinstance(report, AnnualCityReport):
            self.annual_table.set_rows(report.stations)
            t = report.total
            self.summary.setText(self.tr("%1　统计期间 %2　数据截至 %3\n服务站 %4 个；服务企业 %5 家，服务记录 %6 次，"
                                         "举办活动 %7 场，受理需求 %8 项，办结 %9 项。")
                                 .replace("%1", title_of(report)).replace("%2", report.span)
                                 .replace("%3", f"{report.cutoff:%Y-%m-%d %H:%M}").replace("%4", str(len(report.stations)))
                                 .replace("%5", f"{t.enterprises_served:,}").replace("%6", f"{t.service_records:,}")
                                 .replace("%7", f"{t.events_held:,}").replace("%8", f"{t.demands_received:,}")
                                 .replace("%9", f"{t.demands_closed:,}"))
        elif isinstance(report, KeyInfoReport):
            self.key_table.set_rows(report.by_industry)
            k = report.total
            self.summary.setText(self.tr("%1　统计期间 %2　数据截至 %3\n服务企业 %4 家，服务记录 %5 次；受理需求 %6 项，"
                                         "已办结 %7 项，逾期未办结 %8 项；%9 个服务站已报送本期信息。")
                                 .replace("%1", title_of(report)).replace("%2", report.span)
                                 .replace("%3", f"{report.cutoff:%Y-%m-%d %H:%M}")
                                 .replace("%4", f"{k.enterprises_served:,}").replace("%5", f"{k.service_records:,}")
                                 .replace("%6", f"{k.demands_received:,}").replace("%7", f"{k.demands_finished:,}")
                                 .replace("%8", f"{k.demands_overdue:,}")
                                 .replace("%9", f"{report.stations_reporting}/{report.stations_total}"))
        else:
            self.annual_table.set_rows([])
            self.key_table.set_rows([])

    def _filter(self, text: str) -> None:
        self.annual_table.set_filter(text)
        self.key_table.set_filter(text)

    # -- saving ----------------------------------------------------------------------------
    def save(self, suffix: str, path: Path | None = None) -> None:
        """Render the previewed report to `path` (asked for when None), off the GUI thread."""
        report = self.report
        if report is None:
            self.status.setText(self.tr("请先点“预览”读取数据，再保存。"))
            return
        if path is None:
            kinds = self.tr("PDF 文件 (*.pdf)") if suffix == ".pdf" else self.tr("Excel 文件 (*.xlsx)")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("保存全市汇总报告"), title_of(report) + suffix, kinds)
            if not chosen:
                return
            path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        target = path
        run_in_background(self, lambda ctx: render(report, target), on_success=self._saved, on_failure=self._failed,
                          title=self.tr("生成全市汇总报告"))

    def _saved(self, done: Rendered) -> None:
        self.status.setStyleSheet(f"color: {theme.OK};")
        pages = self.tr("，共 %1 页").replace("%1", str(done.pages)) if done.pages else ""
        self.status.setText(self.tr("已保存：%1%2").replace("%1", str(done.path)).replace("%2", pages))
