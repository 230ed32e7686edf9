"""The submitted reports: filter by kind and status, search, open the PDF exactly as the
station submitted it, accept, or return with a comment (staff only)."""

from __future__ import annotations

import tempfile
import traceback
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.hqdesk import inbox
from app.hqdesk.client import HqDeskClient
from app.hqdesk.inbox import Submission
from app.ui import theme
from app.ui.hq.inbox.return_dialog import ReturnDialog
from app.ui.hq.pages import DeskUser
from app.ui.item_models.row_list_model import ListColumn, RowListModel
from app.ui.operations import run_in_background
from app.ui.reporting.pdf_preview import PdfPreviewDialog, print_pdf
from app.ui.widgets.error_dialog import show_error
from app.ui.widgets.list_views import bind_find
from app.ui.widgets.prompts import confirm


class SubmissionModel(RowListModel):
    def row_style(self, row: Any, role: int) -> Any:
        from PySide6.QtGui import QColor

        if role == Qt.ItemDataRole.ForegroundRole and row.status == "returned":
            return QColor(theme.WARNING)
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "accepted":
            return QColor(theme.TEXT_INACTIVE)
        return None


class SubmissionsTab(QWidget):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.user = client, user
        self.folder = tempfile.TemporaryDirectory(prefix="station-desk-inbox-")
        self.previews: list[PdfPreviewDialog] = []
        self.kinds = {"summary": self.tr("年度服务工作总结"), "plan": self.tr("年度服务工作计划"), "info": self.tr("定期信息报送")}
        self.statuses = {"submitted": self.tr("已提交"), "returned": self.tr("已退回"), "accepted": self.tr("已通过"),
                         "draft": self.tr("草稿")}
        columns = [
            ListColumn(self.tr("服务站"), lambda s: f"{s.station_code} {s.station_name}"),
            ListColumn(self.tr("所在区"), lambda s: s.district),
            ListColumn(self.tr("报告"), lambda s: self.kinds.get(s.kind, s.kind)),
            ListColumn(self.tr("期间"), lambda s: s.period_label, sort=lambda s: s.key),
            ListColumn(self.tr("提交时间"), lambda s: s.submitted_text),
            ListColumn(self.tr("状态"), lambda s: self.statuses.get(s.status, s.status)),
            ListColumn(self.tr("PDF"), self._pdf_text),
            ListColumn(self.tr("审阅意见"), lambda s: s.review_comment, tooltip=lambda s: s.review_comment),
        ]
        self.model = SubmissionModel(columns, self)
        from app.ui.widgets.list_table import ListTable

        self.table = ListTable(self.model, [190, 70, 130, 80, 120, 70, 90, 200])
        self.table.empty_text = self.tr("还没有服务站提交报告。服务站提交年度总结、计划或定期信息报送并同步后，会出现在这里。")
        self.table.no_match_text = self.tr("没有符合条件的报告，请改一下筛选条件。")
        self.table.on_keys(self.open_pdf, lambda: None)
        self.table.current_changed.connect(self._selection)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("全部报告"), None)
        for key, label in self.kinds.items():
            self.kind.addItem(label, key)
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), None)
        for key in ("submitted", "returned", "accepted"):
            self.status.addItem(self.statuses[key], key)
        self.status.setCurrentIndex(1)  # what waits for HQ
        for box in (self.kind, self.status):
            box.currentIndexChanged.connect(self.refresh)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按服务站、区或期间查找（Ctrl+F）"))
        self.search.textChanged.connect(lambda text: self.table.set_filter(text))
        bind_find(self, self.search, self.tr("查找报送"))
        self.open_button = QPushButton(self.tr("打开 PDF (Enter)"))
        self.open_button.clicked.connect(self.open_pdf)
        self.accept_button = QPushButton(self.tr("通过"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.return_button = QPushButton(self.tr("退回…"))
        self.return_button.clicked.connect(self.return_selected)
        refresh = QPushButton(self.tr("刷新 (F5)"))
        refresh.clicked.connect(self.refresh)
        self.status_label = QLabel()
        bar = QHBoxLayout()
        for widget in (self.kind, self.status, self.search, refresh):
            bar.addWidget(widget)
        actions = QHBoxLayout()
        actions.addWidget(self.status_label, 1)
        for widget in (self.open_button, self.accept_button, self.return_button):
            actions.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        for button in (self.accept_button, self.return_button):  # now parented: a parentless widget shown is a window
            button.setVisible(user.role == "staff")  # only staff review reports; the others read
        self._selection(None)

    def _what(self, row: Submission) -> str:
        return f"{row.station_name} {row.period_label} {self.kinds.get(row.kind, row.kind)}"

    def _pdf_text(self, s: Submission) -> str:
        if s.pdf_version is None:
            return self.tr("待上传")
        text = self.tr("第 %1 版").replace("%1", str(s.pdf_version))
        return text if s.pdf_current else text + self.tr("（新版待上传）")

    def refresh(self) -> None:
        kind, status = self.kind.currentData(), self.status.currentData()
        run_in_background(self, lambda ctx: inbox.submissions(self.client, kind=kind, status=status),
                          on_success=self._show, title=self.tr("读取报送"), show_progress=False)

    def _show(self, rows: list[Submission]) -> None:
        self.table.set_rows(rows)
        waiting = sum(1 for r in rows if r.status == "submitted")
        self.status_label.setText(self.tr("共 %1 份，待审阅 %2 份").replace("%1", str(len(rows))).replace("%2", str(waiting)))

    def _selection(self, row: Submission | None) -> None:
        self.open_button.setEnabled(row is not None and row.pdf_version is not None)
        for button in (self.accept_button, self.return_button):
            button.setEnabled(row is not None and row.can_review)

    # --- PDF ------------------------------------------------------------------------
    def open_pdf(self) -> None:
        row = self.table.selected()
        if row is None or row.pdf_version is None:
            return
        folder = Path(self.folder.name)
        run_in_background(self, lambda ctx: inbox.save_pdf(inbox.report_pdf(self.client, row), folder, row),
                          on_success=lambda path: self._preview(path, row), title=self.tr("下载报告 PDF"))

    def _preview(self, path: Path, row: Submission) -> None:
        title = self._what(row)
        dialog = PdfPreviewDialog(path, title, None, self, lambda: self._print(path), lambda: self._save(path))
        self.previews.append(dialog)
        dialog.show()

    def _print(self, path: Path) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        finally:
            shiboken6.delete(dialog)
        try:
            print_pdf(path, printer)
        except Exception as exc:  # noqa: BLE001 - a printer problem is shown, not raised
            show_error(self, getattr(exc, "message", None) or self.tr("打印失败，请检查打印机后重试。"),
                       "".join(traceback.format_exception(exc)))

    def _save(self, path: Path) -> None:
        target = self.ask_save_path(path.name)
        if target:
            Path(target).write_bytes(path.read_bytes())  # the bytes as submitted, not re-rendered

    def ask_save_path(self, name: str) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        target, _ = QFileDialog.getSaveFileName(self, self.tr("另存为 PDF"), str(Path(folder) / name), self.tr("PDF 文件 (*.pdf)"))
        return target

    # --- review ---------------------------------------------------------------------
    def accept_selected(self) -> None:
        row = self.table.selected()
        if row is None or not row.can_review:
            return
        what = self._what(row)
        if not confirm(self, self.tr("通过报告"), self.tr("确认通过“%1”？通过后服务站不能再修改这份报告。").replace("%1", what)):
            return
        run_in_background(self, lambda ctx: inbox.accept(self.client, row.report_id), on_success=lambda _: self.refresh(),
                          title=self.tr("通过报告"))

    def return_selected(self) -> None:
        row = self.table.selected()
        if row is None or not row.can_review:
            return
        dialog = self.make_return_dialog(self._what(row))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        comment = dialog.text()
        run_in_background(self, lambda ctx: inbox.return_report(self.client, row.report_id, comment),
                          on_success=lambda _: self.refresh(), title=self.tr("退回报告"))

    def make_return_dialog(self, what: str) -> ReturnDialog:
        return ReturnDialog(what, self)
