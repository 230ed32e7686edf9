"""报表: choose a report on the left, its parameters (and for the annual and information
reports the written parts) on the right, then 预览 / 打印… / 另存为 PDF….

The PDF is always built afresh by the report engine (app.reports.api) on a worker, after the
drafts shown here have been saved, so what is printed is what is on screen."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError
from app.domain.periods import china_today
from app.models.database import Database
from app.ui import theme
from app.ui.operations import OpContext, OperationCancelled, run_in_background
from app.ui.reporting.editor import ReportEditor
from app.ui.reporting.parameters import (
    AnnualParameters,
    EventParameters,
    InfoParameters,
    ReportRequest,
    SignageParameters,
)
from app.ui.reporting.pdf_preview import PdfPreviewDialog, print_pdf
from app.ui.service_messages import shown_message
from app.ui.widgets.error_dialog import show_error
from app.ui.widgets.prompts import confirm, inform

KINDS = ("annual", "info", "signage", "event")


def build_report(db: Database, kind: str, out: Path, **options: Any) -> Any:
    """The engine's build_report (imported when first used: it loads fonts and reportlab)."""
    from app.reports.api import build_report as build

    return build(db, kind, out, **options)


def _progress(ctx: OpContext) -> Callable[..., None]:
    def report(done: float, total: float = 0, text: str = "") -> None:
        if total:
            ctx.progress(int(done), int(total), text)
        else:  # a fraction
            ctx.progress(int(done * 100), 100, text)

    return report


CJK = re.compile(r"[\u3400-\u9fff]")  # a kind listed with Chinese in its name: the UI is in Chinese


class ReportsPage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None, *, today: Callable[[], date] = china_today) -> None:
        super().__init__(parent)
        self._db = db
        self._scratch: Path | None = None  # made at the first build, removed with the page
        self.preview_dialog: PdfPreviewDialog | None = None
        self.last_report: Any = None  # ReportInfo of the last PDF built
        # Replaceable in tests: how a printer and a file name are chosen.
        self.choose_printer: Callable[[QPrinter], bool] = self._ask_printer
        self.choose_save_path: Callable[[str], str] = self._ask_save_path

        self.kinds = QListWidget()
        for text in (self.tr("年度总结与计划"), self.tr("定期信息报送"), self.tr("服务站标识"), self.tr("活动签到表/活动总结")):
            self.kinds.addItem(text)
        self.kinds.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.kinds.setMinimumWidth(self.kinds.sizeHintForColumn(0) + 16)
        self.kinds.setMaximumWidth(self.kinds.sizeHintForColumn(0) + 48)

        self.summary_editor = ReportEditor(db, "summary")
        self.plan_editor = ReportEditor(db, "plan")
        self.info_editor = ReportEditor(db, "info")
        self.annual_tabs = QTabWidget()
        self.annual_tabs.addTab(self.summary_editor, self.tr("年度工作总结"))
        self.annual_tabs.addTab(self.plan_editor, self.tr("下一年度工作计划"))
        self.parameters = {"annual": AnnualParameters(today()), "info": InfoParameters(today()),
                           "signage": SignageParameters(), "event": EventParameters(db)}
        self.parameters["annual"].changed.connect(self._open_drafts)
        self.parameters["info"].changed.connect(self._open_drafts)
        self.parameter_stack = QStackedWidget()
        self.editor_stack = QStackedWidget()
        for kind in KINDS:
            self.parameter_stack.addWidget(self.parameters[kind])
        notes = (self.tr("按服务站信息生成门牌标识，预览无误后用彩色打印机打印张贴。"),
                 self.tr("签到表列出报名企业，供活动现场签名；活动总结汇总签到、满意度和活动小结。"))
        for widget in (self.annual_tabs, self.info_editor, *map(self._note, notes)):
            self.editor_stack.addWidget(widget)
        self.kinds.currentRowChanged.connect(self._kind_chosen)

        self.preview_button = QPushButton(self.tr("预览"))
        self.preview_button.setDefault(True)
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_pdf)
        self.result_label = QLabel()
        self.result_label.setStyleSheet(f"color: {theme.TEXT_SECONDARY};")
        self.results: dict[str, tuple[str, str]] = {}  # kind → its last result line and tooltip
        buttons = QHBoxLayout()
        buttons.addWidget(self.result_label, 1)
        for button in (self.preview_button, self.print_button, self.save_button):
            buttons.addWidget(button)

        right = QVBoxLayout()
        right.addWidget(self.parameter_stack)
        right.addWidget(self.editor_stack, 1)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.kinds)
        layout.addLayout(right, 1)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save_drafts)
        save.setWhatsThis(self.tr("保存草稿"))
        self.kinds.setCurrentRow(0)

    @staticmethod
    def _note(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setStyleSheet(f"color: {theme.TEXT_SECONDARY}; padding-top: 8px;")
        return label

    # -- choosing ------------------------------------------------------------------------
    def kind(self) -> str:
        return KINDS[max(0, self.kinds.currentRow())]

    def show_filtered(self, filt: dict[str, object]) -> None:
        """From 首页's checklist: `kind` "summary"/"plan" with the `year` it covers (the annual
        tab of that year's summary, or of the year before for a plan), or `period` ("2026-Q3",
        "2026-07") for the periodic information report."""
        period, year = filt.get("period"), filt.get("year")
        info, annual = self.parameters["info"], self.parameters["annual"]
        assert isinstance(info, InfoParameters) and isinstance(annual, AnnualParameters)
        if isinstance(period, str) and "-" in period:
            self.kinds.setCurrentRow(KINDS.index("info"))
            year_text, part = period.split("-", 1)
            (info.quarterly if part.startswith("Q") else info.monthly).setChecked(True)
            info.year_box.setValue(int(year_text))
            info.part.setCurrentIndex(max(0, info.part.findData(part)))
        elif filt.get("kind") in ("summary", "plan") and isinstance(year, int):
            plan = filt["kind"] == "plan"
            self.kinds.setCurrentRow(KINDS.index("annual"))
            annual.year_box.setValue(year - 1 if plan else year)  # the plan for Y is written beside Y-1's summary
            self.annual_tabs.setCurrentWidget(self.plan_editor if plan else self.summary_editor)
        else:
            return
        if self.isVisible():
            self._open_drafts()

    def editors(self) -> list[ReportEditor]:
        kind = self.kind()
        return [self.summary_editor, self.plan_editor] if kind == "annual" else [self.info_editor] if kind == "info" else []

    def _kind_chosen(self, row: int) -> None:
        self.save_drafts()
        # each kind shows its own last result, never the one of the kind shown before
        text, tip = self.results.get(KINDS[max(0, row)], ("", ""))
        self.result_label.setText(text)
        self.result_label.setToolTip(tip)
        self.parameter_stack.setCurrentIndex(row)
        self.editor_stack.setCurrentIndex(row)
        if self.isVisible():
            self._open_drafts()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._open_drafts()

    def hideEvent(self, event: QHideEvent) -> None:
        if self.window().isVisible():
            self.save_drafts()  # leaving the page for another
        else:  # the window is closing: operations are about to be cancelled
            for editor in (self.summary_editor, self.plan_editor, self.info_editor):
                editor.save_blocking()
        super().hideEvent(event)

    def _open_drafts(self) -> None:
        kind = self.kind()
        if kind == "annual":
            year = self.parameters["annual"].year()
            self.summary_editor.open(year, self.tr("%1年度服务工作总结").replace("%1", str(year)))
            self.plan_editor.open(year + 1, self.tr("%1年度服务工作计划").replace("%1", str(year + 1)))
        elif kind == "info":
            params = self.parameters["info"]
            self.info_editor.open(params.period(), self.tr("%1信息报送").replace("%1", params.label()))
        elif kind == "event":
            self.parameters["event"].reload()

    def save_drafts(self) -> None:
        """Ctrl+S, leaving the page or switching report: store what was typed."""
        for editor in (self.summary_editor, self.plan_editor, self.info_editor):
            editor.save_now()

    # -- producing -------------------------------------------------------------------------
    def request(self) -> ReportRequest:
        return self.parameters[self.kind()].request()

    def _produce(self, out: Path | None, then: Callable[[Any], None]) -> None:
        """Save the drafts, then build the PDF on a worker (to `out`, else a scratch file)."""
        try:
            request = self.request()
        except ValidationError as exc:
            inform(self, self.tr("无法生成报表"), exc.message)
            return
        target = out or self._scratch_file()
        pending = list(self.editors())
        kind = self.kind()

        def build(ctx: OpContext) -> Any:
            try:
                info = build_report(self._db, request.kind, target, progress=_progress(ctx),
                                    cancelled=lambda: ctx.cancelled, **request.options)
            except Exception:
                if ctx.cancelled:
                    raise OperationCancelled() from None
                raise
            ctx.raise_if_cancelled()
            return info

        def start(_draft: object = None) -> None:
            if pending:
                pending.pop().save_now(then=start)
                return
            self._result(kind, self.tr("正在生成…"))
            run_in_background(self, build, title=self.tr("正在生成报表…"), on_success=done, on_failure=failed)

        def done(info: Any) -> None:
            self.last_report = info
            text = self.tr("已生成“%1”，共 %2 页").replace("%1", self.shown_title(kind, info.title)).replace("%2", str(info.pages))
            if getattr(info, "warnings", ()):
                text += self.tr("；注意：%1").replace("%1", " ".join(shown_message(w) for w in info.warnings))
            self._result(kind, text, "\n".join(shown_message(w) for w in getattr(info, "warnings", ()) or ()))
            then(info)

        def failed(exc: BaseException) -> None:
            self._result(kind, "")
            if isinstance(exc, OperationCancelled):
                return
            if isinstance(exc, ValidationError):
                inform(self, self.tr("无法生成报表"), exc.message)
                return
            show_error(self, self.tr("报表未能生成。请重试；如果问题仍然存在，请点击“复制调试信息”并发给技术支持。"),
                       "".join(traceback.format_exception(exc)))

        start()

    def shown_title(self, kind: str, title: str) -> str:
        """The report as the status line and the preview name it: the document's own title (it stays
        Chinese: an official document), or in another language the name of its kind as listed."""
        name = self.kinds.item(KINDS.index(kind)).text()
        return title if CJK.search(name) else name

    def _scratch_file(self) -> Path:
        if self._scratch is None or not self._scratch.is_dir():
            folder = self._scratch = Path(tempfile.mkdtemp(prefix="station-desk-reports-"))
            self.destroyed.connect(lambda *_args: shutil.rmtree(folder, ignore_errors=True))
        handle, name = tempfile.mkstemp(suffix=".pdf", dir=self._scratch)
        os.close(handle)
        return Path(name)

    def preview(self) -> None:
        self._produce(None, self._show_preview)

    def _show_preview(self, info: Any) -> None:
        old = self.preview_dialog
        if old is not None and shiboken6.isValid(old):
            old.close()
            old.preview.close_document()
            Path(old.path).unlink(missing_ok=True)
            old.deleteLater()
        try:
            dialog = PdfPreviewDialog(Path(info.path), self.shown_title(self.kind(), info.title), info.cutoff, self,
                                      on_print=lambda: self._print_file(Path(info.path)), on_save=self.save_pdf)
        except Exception as exc:  # noqa: BLE001 - an unreadable PDF is reported, not raised into Qt
            show_error(self, getattr(exc, "message", str(exc)), "".join(traceback.format_exception(exc)))
            return
        self.preview_dialog = dialog
        dialog.show()

    def _still_wanted(self, info: Any) -> bool:
        """Before a report is printed or saved: say what it still lacks (empty sections, which
        print as 无; signage contacts; an event not yet held) and let the user stop."""
        warnings = list(getattr(info, "warnings", ()) or ())
        if not warnings:
            return True
        text = "\n\n".join(shown_message(w) for w in warnings) + "\n\n" + self.tr("仍要继续吗？")
        return confirm(self, self.tr("报表还有未完成的部分"), text)

    def print_report(self) -> None:
        def print_and_discard(info: Any) -> None:
            if self._still_wanted(info):
                self._print_file(Path(info.path))
            Path(info.path).unlink(missing_ok=True)

        self._produce(None, print_and_discard)

    def _print_file(self, path: Path) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.choose_printer(printer):
            return
        try:
            pages = print_pdf(path, printer)
        except Exception as exc:  # noqa: BLE001
            show_error(self, getattr(exc, "message", None) or self.tr("打印失败，请检查打印机后重试。"),
                       "".join(traceback.format_exception(exc)))
            return
        self._result(self.kind(), self.tr("已送打印：%1 页").replace("%1", str(pages)))

    def _result(self, kind: str, text: str, tip: str = "") -> None:
        """The result line of `kind`'s last build, shown while that kind is chosen."""
        self.results[kind] = (text, tip)
        if kind == self.kind():
            self.result_label.setText(text)
            self.result_label.setToolTip(tip)

    def _ask_printer(self, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印报表"))
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            shiboken6.delete(dialog)

    def save_pdf(self) -> None:
        try:
            name = self.request().file_name
        except ValidationError as exc:
            inform(self, self.tr("无法生成报表"), exc.message)
            return
        chosen = self.choose_save_path(name)
        if not chosen:
            return
        target = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

        def copy(info: Any) -> None:
            if not self._still_wanted(info):
                Path(info.path).unlink(missing_ok=True)
                return
            try:
                shutil.copyfile(info.path, target)
            except OSError as exc:
                show_error(self, self.tr("无法保存到“%1”：%2").replace("%1", str(target)).replace("%2", exc.strerror or str(exc)),
                           "".join(traceback.format_exception(exc)))
                return
            finally:
                Path(info.path).unlink(missing_ok=True)
            self._result(self.kind(), self.tr("已保存：%1（共 %2 页）").replace("%1", str(target))
                         .replace("%2", str(info.pages)))

        self._produce(None, copy)  # built aside and copied: a failed build leaves no half file

    def _ask_save_path(self, name: str) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("另存为 PDF"), str(Path(folder) / name), self.tr("PDF 文件 (*.pdf)"))
        return path
