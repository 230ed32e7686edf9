"""站点网络: one row per station (district, status, last sync, staff, sign, work rules,
reports, this year's figures), filtered by year, district and status on the server, searched
and sorted here; a summary by district on the second tab; export to Excel; a double click
(or Enter) opens the station's page.

Keys: F5 refresh (the window's), Ctrl+E export, Ctrl+F search, Enter open the station."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import districts
from app.domain.periods import FIRST_YEAR, LAST_YEAR, china_today
from app.hqdesk.client import HqDeskClient
from app.hqdesk.network import DistrictRow, NetworkRow, district_rows, export_network, network_rows
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.hq.network.columns import district_columns, station_columns
from app.ui.hq.pages import DeskUser
from app.ui.item_models.row_list_model import RowListModel
from app.ui.operations import run_in_background
from app.ui.service_messages import shown_message
from app.ui.widgets.elided_tips import fit_to_names
from app.ui.widgets.list_table import ListTable
from app.ui.widgets.list_views import bind_find


class NetworkPage(QWidget):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.user = client, user
        self.dialogs: list[QWidget] = []
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(china_today().year)
        self.year.setPrefix(self.tr("年度 "))
        self.district = QComboBox()
        self.district.addItem(self.tr("全部区"), "")
        for name in districts.NAMES:
            self.district.addItem(shown(name), name)
        self.status = QComboBox()
        for label, value in ((self.tr("全部状态"), ""), (self.tr("已授牌"), "approved"), (self.tr("已撤销"), "revoked")):
            self.status.addItem(label, value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("在列表中查找编号、名称、依托单位 (Ctrl+F)"))
        self.search.textChanged.connect(lambda text: self.table.set_filter(text))
        refresh = QPushButton(self.tr("刷新 (F5)"))
        refresh.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("导出 Excel… (Ctrl+E)"))
        self.export_button.clicked.connect(self.export)
        open_button = QPushButton(self.tr("打开服务站 (Enter)"))
        open_button.clicked.connect(self.open_selected)
        for box in (self.year, self.district, self.status):
            signal = box.valueChanged if isinstance(box, QSpinBox) else box.currentIndexChanged
            signal.connect(self.refresh)

        self.model = RowListModel(station_columns(), self)
        self.table = ListTable(self.model, [90, 180, 70, 70, 120, 90, 90, 90, 50, 50, 50, 70, 70, 60, 60, 60, 60, 60])
        fit_to_names(self.table.table, {2: districts.NAMES})
        self.table.empty_text = self.tr("还没有服务站。请在“用户与服务站”中新增服务站，服务站登记并同步后，这里列出它的情况。")
        self.table.no_match_text = self.tr("没有符合条件的服务站，请改一下年度、区、状态或查找内容。")
        self.table.on_keys(self.open_selected, lambda: None)
        self.summary_model = RowListModel(district_columns(), self)
        self.summary = ListTable(self.summary_model, [90, 70, 80, 70, 80, 60, 60, 60, 110, 80, 70, 70, 70, 60, 60])
        fit_to_names(self.summary.table, {0: districts.NAMES})
        self.summary.empty_text = self.tr("还没有服务站，无法按区汇总。")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("各服务站"))
        self.tabs.addTab(self.summary, self.tr("按区汇总"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {theme.TEXT_MUTED};")

        bar = QHBoxLayout()
        for widget in (self.year, self.district, self.status, self.search, refresh, open_button, self.export_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export).setWhatsThis(self.tr("导出 Excel"))
        bind_find(self, self.search, self.tr("查找服务站"))
        self.refresh()

    # -- reading -----------------------------------------------------------------------------
    def filters(self) -> tuple[int, str | None, str | None]:
        return self.year.value(), self.district.currentData() or None, self.status.currentData() or None

    def refresh(self) -> None:
        year, district, status = self.filters()

        def read(_ctx: object) -> tuple[list[NetworkRow], list[DistrictRow]]:
            return network_rows(self.client, year=year, district=district, status=status), \
                district_rows(self.client, year=year)

        self.message.setText(self.tr("正在读取站点网络…"))
        run_in_background(self, read, on_success=self._show, on_failure=self._failed,
                          title=self.tr("读取站点网络"), show_progress=False)

    def _show(self, result: tuple[list[NetworkRow], list[DistrictRow]]) -> None:
        rows, summary = result
        self.table.set_rows(rows)
        self.summary.set_rows(summary)
        short = sum(1 for r in rows if not r.staff_rule_met)
        late = sum(r.reports_late for r in rows)
        self.message.setStyleSheet(f"color: {theme.ERROR if short or late else theme.TEXT_MUTED};")
        self.message.setText(self.tr("%1 个服务站；专职人员不足 %2 个；逾期报告 %3 份。双击服务站查看详情。")
                             .replace("%1", str(len(rows))).replace("%2", str(short)).replace("%3", str(late)))

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet(f"color: {theme.ERROR};")
        self.message.setText(shown_message(error))

    # -- actions -----------------------------------------------------------------------------
    def open_selected(self) -> None:
        row = self.table.selected()
        if row is None:
            self.message.setText(self.tr("请先在列表中选中一个服务站，再按 Enter 或双击打开。"))
            return
        self.open_station(row.code)

    def open_station(self, code: str) -> QWidget:
        from app.ui.hq.network.station_dialog import StationDialog

        dialog = StationDialog(self.client, code, self.year.value(), self)
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.show()
        return dialog

    def ask_export_path(self) -> Path | None:
        suggested = self.tr("站点网络%1.xlsx").replace("%1", str(self.year.value()))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("导出站点网络"), suggested, self.tr("Excel 工作簿 (*.xlsx)"))
        if not name:
            return None
        return Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")

    def export(self) -> None:
        path = self.ask_export_path()
        if path is None:
            return
        year, district, status = self.filters()
        self.export_button.setEnabled(False)

        def done(target: Path) -> None:
            self.export_button.setEnabled(True)
            self.message.setStyleSheet(f"color: {theme.OK};")
            self.message.setText(self.tr("已导出到 %1（含按区汇总）。").replace("%1", str(target)))

        def failed(error: BaseException) -> None:
            self.export_button.setEnabled(True)
            self._failed(error)

        run_in_background(self, lambda _ctx: export_network(self.client, path, year=year, district=district, status=status),
                          on_success=done, on_failure=failed, title=self.tr("导出站点网络"), show_progress=True)
