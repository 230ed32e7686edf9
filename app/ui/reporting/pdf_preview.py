"""Showing a PDF the report engine wrote: its pages (PdfPagesView, rendered by PDFium) with
page navigation and zoom, in a dialog with 打印…/另存为 PDF…/关闭.  Printing is
app.ui.reporting.pdf_document.print_pdf, re-exported here for the pages that print."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.periods import CHINA_TIME
from app.ui.reporting.pdf_document import MAX_PRINT_DPI, PdfFile, PdfLoadError, open_document, print_pdf
from app.ui.reporting.pdf_pages_view import PdfPagesView
from app.ui.widgets.dialog_fit import fit_size

__all__ = ["MAX_PRINT_DPI", "PdfLoadError", "PdfPreview", "PdfPreviewDialog", "open_document", "print_pdf"]
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class PdfPreview(QWidget):
    """The pages with 上一页/下一页, a page box and zoom (fit width, whole page, or a percentage)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: PdfFile | None = None
        self.view = PdfPagesView(self)
        self.previous_button = QPushButton(self.tr("上一页"))
        self.next_button = QPushButton(self.tr("下一页"))
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_count_label = QLabel()
        self.zoom = QComboBox()
        self.zoom.addItem(self.tr("适合宽度"), "width")
        self.zoom.addItem(self.tr("整页"), "page")
        for factor in ZOOMS:
            self.zoom.addItem(f"{factor:.0%}", factor)
        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_box.editingFinished.connect(lambda: self.go_to(self.page_box.value() - 1))
        self.zoom.currentIndexChanged.connect(lambda: self.view.set_zoom(self.zoom.currentData()))
        self.view.current_page_changed.connect(self._page_changed)

        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("第")))
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_count_label)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("缩放")))
        bar.addWidget(self.zoom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def load(self, path: Path) -> int:
        """Show `path`; returns its page count (PdfLoadError if it cannot be read)."""
        document = open_document(path)
        if self.document is not None:
            self.document.close()
        self.document = document
        pages = document.page_count()
        self.page_box.setMaximum(pages)
        self.page_count_label.setText(self.tr("页，共 %1 页").replace("%1", str(pages)))
        self.view.set_document(document)
        return pages

    def page_count(self) -> int:
        return self.document.page_count() if self.document is not None else 0

    def close_document(self) -> None:
        """Let go of the file (Windows refuses to delete a file PDFium holds open)."""
        if self.document is not None:
            self.document.close()

    def current_page(self) -> int:
        return self.view.current_page()

    def go_to(self, page: int) -> None:
        self.view.go_to(page)

    def _page_changed(self, page: int) -> None:
        self.page_box.setValue(page + 1)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.page_count() - 1)


class PdfPreviewDialog(QDialog):
    """Non-modal window with the preview and 打印…/另存为 PDF… (the page does the work)."""

    def __init__(self, path: Path, title: str, cutoff: datetime | None, parent: QWidget,
                 on_print: Callable[[], None], on_save: Callable[[], None]) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("预览：%1").replace("%1", title))
        self.preview = PdfPreview(self)
        self.pages = self.preview.load(path)
        note = self.tr("共 %1 页").replace("%1", str(self.pages))
        if cutoff is not None:
            note += self.tr("，数据截至 %1").replace("%1", cutoff.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M"))
        self.note = QLabel(note)
        print_button = QPushButton(self.tr("打印…"))
        print_button.clicked.connect(on_print)
        save_button = QPushButton(self.tr("另存为 PDF…"))
        save_button.clicked.connect(on_save)
        close_button = QPushButton(self.tr("关闭"))
        close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note)
        buttons.addStretch(1)
        for button in (print_button, save_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        fit_size(self, 860, 900)  # no larger than a 1024×600 screen allows
