"""导入 Excel: choose a file → columns mapped (recognised or remembered) → check → one
confirmation for check-character warnings → import in the background → result, with
the error workbook to save.  The 企业 and 服务记录 pages open it with
``ImportDialog(db, "enterprises" | "records", parent)``."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.models.database import Database
from app.services.excel import columns as excel_columns
from app.services.excel.export import default_errors_path, write_error_workbook
from app.services.excel.import_enterprises import check_only, import_enterprises
from app.services.excel.import_records import import_records
from app.services.excel.reader import SheetData, read_sheet
from app.services.excel.rows import ImportCancelled, ImportReport
from app.ui.excel.mapping_widget import ImportMappingWidget
from app.ui.operations import OpContext, OperationCancelled, run_in_background
from app.ui.service_messages import shown_message
from app.ui.widgets.dialog_fit import fit_size
from app.ui.widgets.error_dialog import show_error
from app.ui.widgets.prompts import confirm, inform

_SHOWN_ERRORS = 20


class ImportDialog(QDialog):
    import_finished = Signal(object)  # ImportReport, after rows were written

    def __init__(self, db: Database, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in excel_columns.FIELDS:
            raise ValueError(f"unknown import kind {kind!r}")
        self._db, self.kind = db, kind
        self.sheet: SheetData | None = None
        self.preview: ImportReport | None = None
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("导入企业") if kind == "enterprises" else self.tr("导入服务记录"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._result_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        fit_size(self, 760, 600)  # no larger than a 1024×600 screen allows

    # --- pages ---------------------------------------------------------------------
    def _file_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr("请选择要导入的 Excel 文件（.xlsx）。表头上方的标题行、合并单元格、全角数字等会自动处理。"))
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.clicked.connect(self._choose_file)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.choose_button)
        layout.addStretch(1)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.mapping_table = ImportMappingWidget()
        self.mapping_table.mapping_changed.connect(self._mapping_changed)
        self.preview_text = QPlainTextEdit()
        self.preview_text.setReadOnly(True)
        self.preview_text.setMaximumHeight(160)
        self.check_button = QPushButton(self.tr("检查数据"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("开始导入"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.file_label)
        layout.addWidget(self.mapping_table, 1)
        layout.addWidget(self.preview_text)
        layout.addLayout(buttons)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.save_errors_button = QPushButton(self.tr("保存错误表…"))
        self.save_errors_button.clicked.connect(self._choose_errors_path)
        close = QPushButton(self.tr("完成"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_errors_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # --- steps ---------------------------------------------------------------------
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择 Excel 文件"), "", self.tr("Excel 文件 (*.xlsx)"))
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Read the sheet in the background, then show the mapping."""
        kind = self.kind

        def read(ctx: OpContext) -> SheetData:
            return self._cancellable(lambda: read_sheet(path, kind, lambda d, t: ctx.progress(d, t), lambda: ctx.cancelled))

        run_in_background(self, read, on_success=self._sheet_read, title=self.tr("正在读取文件…"))

    def _sheet_read(self, sheet: SheetData) -> None:
        self.sheet = sheet
        self.file_label.setText(
            self.tr("%1：第 %2 行是表头，共 %3 行数据。请核对每个项目对应的列。")
            .replace("%1", sheet.path.name).replace("%2", str(sheet.header_row)).replace("%3", str(len(sheet.rows)))
        )
        mapping = excel_columns.suggest_mapping(self.kind, sheet.headers)
        self.mapping_table.load(self.kind, sheet.headers, mapping, [cells for _, cells in sheet.rows[:5]])
        self.pages.setCurrentIndex(1)

    def _mapping_changed(self) -> None:
        self.preview = None
        self.import_button.setEnabled(False)

    def check(self) -> None:
        """Check every row with the current mapping (nothing is written)."""
        sheet, mapping, db, kind, staff = self.sheet, self.mapping_table.mapping(), self._db, self.kind, _staff()
        if sheet is None:
            return

        def run(ctx: OpContext) -> ImportReport:
            return self._cancellable(lambda: check_only(db, kind, sheet, mapping, progress=ctx.progress,
                                                        cancelled=lambda: ctx.cancelled, default_staff_id=staff))

        run_in_background(self, run, on_success=self._checked, title=self.tr("正在检查数据…"))

    def _checked(self, report: ImportReport) -> None:
        self.preview = report
        lines = [
            self.tr("可导入 %1 行；有问题 %2 行；校验位存疑 %3 行；文件内重复 %4 行；库中已有且相同 %5 行。")
            .replace("%1", str(report.imported)).replace("%2", str(report.rejected))
            .replace("%3", str(len(report.warning_rows))).replace("%4", str(report.duplicates_in_file))
            .replace("%5", str(report.unchanged))
        ]
        lines += [self.tr("第 %1 行：%2").replace("%1", str(e.row_number)).replace("%2", shown_message(e.message))
                  for e in report.errors[:_SHOWN_ERRORS]]
        self.preview_text.setPlainText("\n".join(lines))
        self.import_button.setEnabled(report.imported > 0 or bool(report.warning_rows))

    def start_import(self) -> None:
        """Ask about warning rows once, then import in one background transaction."""
        if self.sheet is None or self.preview is None:
            return
        confirm_warnings = False
        if self.preview.warning_rows:
            listed = "\n".join(
                self.tr("第 %1 行：%2").replace("%1", str(w.row_number)).replace("%2", shown_message(w.message))
                for w in self.preview.warning_rows[:_SHOWN_ERRORS]
            )
            confirm_warnings = confirm(self, self.tr("校验位存疑"), self.tr(
                "以下 %1 行的统一社会信用代码校验位不符。确定照常导入并列入数据质量复核吗？选“取消”则这些行不导入。\n\n")
                .replace("%1", str(len(self.preview.warning_rows))) + listed)
        sheet, mapping, db, kind, staff = self.sheet, self.mapping_table.mapping(), self._db, self.kind, _staff()
        excel_columns.remember(kind, sheet.headers, mapping)

        def run(ctx: OpContext) -> ImportReport:
            options = {"mapping": mapping, "confirm_warnings": confirm_warnings, "progress": ctx.progress,
                       "cancelled": lambda: ctx.cancelled, "sheet": sheet}
            if kind == "enterprises":
                return self._cancellable(lambda: import_enterprises(db, sheet.path, **options))
            return self._cancellable(lambda: import_records(db, sheet.path, default_staff_id=staff, **options))

        self.import_button.setEnabled(False)
        run_in_background(self, run, on_success=self._imported, on_failure=self._import_failed,
                          title=self.tr("正在导入…"), serial=True)

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        self.result_label.setText(
            self.tr("已导入 %1 行（其中校验位存疑 %2 行已标记待复核）；未导入 %3 行；文件内重复 %4 行；库中已有且相同 %5 行。")
            .replace("%1", str(report.imported)).replace("%2", str(report.warnings if report.imported else 0))
            .replace("%3", str(report.rejected + len(report.warning_rows))).replace("%4", str(report.duplicates_in_file))
            .replace("%5", str(report.unchanged))
        )
        self.save_errors_button.setEnabled(bool(report.errors or report.warning_rows))
        self.pages.setCurrentIndex(2)
        self.import_finished.emit(report)

    def _import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        if isinstance(exc, OperationCancelled):
            inform(self, self.tr("导入已取消"), self.tr("已取消，没有导入任何数据。"))
        else:
            show_error(self, getattr(exc, "message", None) or self.tr("导入失败，没有导入任何数据。"), str(exc))

    def _choose_errors_path(self) -> None:
        if self.sheet is None:
            return
        suggested = str(default_errors_path(self.sheet.path))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存错误表"), suggested, self.tr("Excel 文件 (*.xlsx)"))
        if path:
            self.save_errors(Path(path))

    def save_errors(self, path: Path) -> None:
        if self.report is not None:
            write_error_workbook(self.report, path)

    @staticmethod
    def _cancellable(func):  # type: ignore[no-untyped-def]
        try:
            return func()
        except ImportCancelled:
            raise OperationCancelled() from None


def _staff() -> uuid.UUID | None:
    try:
        return uuid.UUID(settings.Settings().get(settings.CURRENT_STAFF_ID))
    except ValueError:
        return None
