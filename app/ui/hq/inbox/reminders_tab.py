"""督促名单: the stations that owe a report (due dates: app/domain/report_deadlines.py), most
overdue first, exportable to Excel and printable (or printed to a PDF file)."""

from __future__ import annotations

import html
from pathlib import Path

import shiboken6
from PySide6.QtCore import QMarginsF, QStandardPaths, Qt
from PySide6.QtGui import QColor, QKeySequence, QPageLayout, QPageSize, QShortcut, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.periods import china_today
from app.hqdesk import inbox
from app.hqdesk.client import HqDeskClient
from app.hqdesk.inbox import OwedReport
from app.ui import theme
from app.ui.hq.pages import DeskUser
from app.ui.item_models.row_list_model import ListColumn, RowListModel
from app.ui.operations import run_in_background
from app.ui.widgets.list_table import ListTable
from app.ui.widgets.list_views import bind_find


class OwedModel(RowListModel):
    def row_style(self, row: OwedReport, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and row.days_late > 0:
            return QColor(theme.ERROR)
        return None


class RemindersTab(QWidget):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.user = client, user
        self.rows: list[OwedReport] = []
        self.headers = [self.tr("服务站编号"), self.tr("服务站名称"), self.tr("所在区"), self.tr("应报材料"),
                        self.tr("截止日期"), self.tr("逾期情况"), self.tr("状态")]
        texts = (lambda o: o.station_code, lambda o: o.station_name, lambda o: o.district, lambda o: o.label,
                 lambda o: o.due, self._lateness, lambda o: o.state_label)
        columns = [ListColumn(h, t) for h, t in zip(self.headers, texts, strict=True)]
        columns[5] = ListColumn(self.headers[5], self._lateness, sort=lambda o: o.days_late)
        self.model = OwedModel(columns, self)
        self.table = ListTable(self.model, [100, 180, 70, 220, 90, 100, 100])
        self.table.empty_text = self.tr("没有服务站欠报材料。年度总结与计划每年 1 月 15 日前、定期信息报送每季度结束后次月 10 日前报送。")
        self.table.no_match_text = self.tr("没有符合条件的服务站，请改一下筛选条件。")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按服务站、区或材料查找（Ctrl+F）"))
        self.search.textChanged.connect(lambda text: self.table.set_filter(text))
        bind_find(self, self.search, self.tr("查找服务站"))
        refresh = QPushButton(self.tr("刷新 (F5)"))
        refresh.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.export_button.clicked.connect(self.export_excel)
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(self.print_list)
        self.pdf_button = QPushButton(self.tr("打印为 PDF…"))
        self.pdf_button.clicked.connect(self.print_to_pdf)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_list).setWhatsThis(self.tr("打印催报清单"))
        self.status_label = QLabel()
        bar = QHBoxLayout()
        for widget in (self.search, refresh, self.export_button, self.print_button, self.pdf_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)

    def _lateness(self, o: OwedReport) -> str:
        if o.days_late > 0:
            return self.tr("逾期 %1 天").replace("%1", str(o.days_late))
        return self.tr("今天到期") if o.days_late == 0 else self.tr("%1 天后到期").replace("%1", str(-o.days_late))

    def refresh(self) -> None:
        run_in_background(self, lambda ctx: inbox.owed_reports(self.client), on_success=self._show,
                          title=self.tr("读取督促名单"), show_progress=False)

    def _show(self, rows: list[OwedReport]) -> None:
        self.rows = rows
        self.table.set_rows(rows)
        late = len({o.station_code for o in rows if o.days_late > 0})
        self.status_label.setText(self.tr("共 %1 项，%2 个服务站已逾期").replace("%1", str(len(rows))).replace("%2", str(late)))
        for button in (self.export_button, self.print_button, self.pdf_button):
            button.setEnabled(bool(rows))

    def shown_rows(self) -> list[OwedReport]:
        """The rows as filtered and sorted on screen: what is exported and printed."""
        proxy = self.table.proxy
        rows = (self.model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(proxy.rowCount()))
        return [row for row in rows if row is not None]

    # --- export and print --------------------------------------------------------------
    def export_excel(self) -> None:
        target = self.ask_path(self.tr("导出 Excel"), f"督促名单-{china_today():%Y%m%d}.xlsx", self.tr("Excel 工作簿 (*.xlsx)"))
        if target:
            rows = self.shown_rows()
            run_in_background(self, lambda ctx: inbox.export_owed_xlsx(rows, Path(target), china_today().isoformat()),
                              on_success=lambda path: self.status_label.setText(self.tr("已导出：%1").replace("%1", str(path))),
                              title=self.tr("导出督促名单"))

    def print_to_pdf(self) -> None:
        target = self.ask_path(self.tr("打印为 PDF"), f"督促名单-{china_today():%Y%m%d}.pdf", self.tr("PDF 文件 (*.pdf)"))
        if target:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(target)
            self.render_list(printer)
            self.status_label.setText(self.tr("已保存：%1").replace("%1", target))

    def print_list(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        finally:
            shiboken6.delete(dialog)
        self.render_list(printer)

    def render_list(self, printer: QPrinter) -> None:
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                          QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        document.setHtml(self.document_html())
        document.print_(printer)

    def document_html(self) -> str:
        title = self.tr("服务站报送督促名单（截至 %1）").replace("%1", china_today().isoformat())
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self.headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in (
                o.station_code, o.station_name, o.district, o.label, o.due, self._lateness(o), o.state_label)) + "</tr>"
            for o in self.shown_rows())
        return (f"<h2>{html.escape(title)}</h2><table border='1' cellspacing='0' cellpadding='4' width='100%'>"
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")

    def ask_path(self, caption: str, name: str, filters: str) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        target, _ = QFileDialog.getSaveFileName(self, caption, str(Path(folder) / name), filters)
        return target
