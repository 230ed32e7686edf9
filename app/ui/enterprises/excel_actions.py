"""企业 page's Excel buttons: the import dialog and the export of the filtered list.

Both modules are imported only when a button is pressed: start-up never loads openpyxl."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from app.models.database import Database
from app.services.enterprises.search import EnterpriseFilter
from app.ui.db_operations import DbContext, read_in_background, with_context
from app.ui.operations import Operation
from app.ui.widgets.prompts import inform

translate = QCoreApplication.translate


def open_import(parent: QWidget, db: Database, done: Callable[[], None]) -> QDialog | None:
    """Open the import dialog (non-modal); `done` runs when it closes."""
    try:
        from app.ui.excel.import_dialog import ImportDialog
    except ImportError:
        inform(parent, translate("EnterpriseExcel", "导入企业"), translate("EnterpriseExcel", "这个版本还不能导入 Excel 表格。"))
        return None
    dialog = ImportDialog(db, "enterprises", parent)
    dialog.finished.connect(lambda _result: done())
    dialog.open()
    return dialog


def ask_export_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, translate("EnterpriseExcel", "导出企业"), translate("EnterpriseExcel", "企业名单.xlsx"),
        translate("EnterpriseExcel", "Excel 工作簿 (*.xlsx)"),
    )
    if not name:
        return None
    return Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")


def export(parent: QWidget, db: Database, filt: EnterpriseFilter, path: Path) -> Operation | None:
    """Write the filtered list to `path` in the background, with progress and 取消."""
    try:
        from app.services.excel.export import export_enterprises
    except ImportError:
        inform(parent, translate("EnterpriseExcel", "导出企业"), translate("EnterpriseExcel", "这个版本还不能导出 Excel 表格。"))
        return None
    title, label = translate("EnterpriseExcel", "导出企业"), translate("EnterpriseExcel", "正在导出…")

    def write(session: Any, ctx: DbContext) -> int:
        return export_enterprises(session, filt, path, progress=lambda done, total: ctx.progress(done, total, label),
                                  cancelled=lambda: ctx.cancelled)

    def done(count: int) -> None:
        text = translate("EnterpriseExcel", "已导出 %1 家企业到\n%2").replace("%1", f"{count:,}").replace("%2", str(path))
        inform(parent, title, text)

    return read_in_background(parent, db, with_context(write), title=title, show_progress=True, on_success=done)
