"""Showing and printing a PDF the report engine wrote: QtPdf's document and view with page
navigation and zoom, and `print_pdf` which renders each page into a printer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, QTimer
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
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

from app.ui import theme
from app.ui.widgets.dialog_fit import fit_size

# Rendering at a printer's full resolution (1200 dpi for a PDF printer) would need half a
# gigabyte per A4 page; 300 dpi is what office laser printers resolve anyway.
MAX_PRINT_DPI = 300
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class PdfLoadError(Exception):
    def __init__(self, path: Path, status: object) -> None:
        super().__init__(f"{path}: {status}")
        self.message = f"无法打开生成的PDF文件（{path.name}）。请重新生成；如果问题仍然存在，请联系技术支持。"


def open_document(path: Path, parent: QWidget | None = None) -> QPdfDocument:
    document = QPdfDocument(parent)
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise PdfLoadError(path, error)
    return document


class PdfPreview(QWidget):
    """The pages with 上一页/下一页, a page box and zoom (fit width, whole page, or a percentage)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setStyleSheet(f"background: {theme.PREVIEW_BACKGROUND};")
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
        self.zoom.currentIndexChanged.connect(self._zoom_chosen)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)

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
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_ or self.document.pageCount() < 1:
            raise PdfLoadError(path, error)
        pages = self.document.pageCount()
        self.page_box.setMaximum(pages)
        self.page_count_label.setText(self.tr("页，共 %1 页").replace("%1", str(pages)))
        self._page_changed(0)
        return pages

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        page = max(0, min(page, self.page_count() - 1))
        navigator = self.view.pageNavigator()
        if page == navigator.currentPage():
            navigator.clear()  # a jump to where the navigator thinks it is would not scroll
        navigator.jump(page, QPointF(), self.view.zoomFactor())
        self._page_changed(page)

    def _page_changed(self, page: int) -> None:
        self.page_box.setValue(page + 1)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.page_count() - 1)

    def _zoom_chosen(self) -> None:
        page, choice = self.current_page(), self.zoom.currentData()
        if choice == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(choice))
        # the view re-lays out the pages later; stay on the page the user was reading
        QTimer.singleShot(0, self, lambda: self.go_to(page))


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
            note += self.tr("，数据截至 %1").replace("%1", cutoff.astimezone().strftime("%Y-%m-%d %H:%M"))
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


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Print every page of `path` on `printer`, each page scaled to the printable area at the
    printer's resolution (at most MAX_PRINT_DPI).  Returns the number of pages printed."""
    document = open_document(path)
    try:
        first = document.pagePointSize(0)
        landscape = first.width() > first.height()
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
        printer.setDocName(path.stem)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("打印机无法开始打印，请检查打印机是否可用。")
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            scale = printer.resolution() / dpi  # device pixels per rendered pixel
            for page in range(document.pageCount()):
                if page:
                    printer.newPage()
                _draw_page(painter, document, page, dpi, scale)
        finally:
            painter.end()
        return document.pageCount()
    finally:
        document.close()


def _draw_page(painter: QPainter, document: QPdfDocument, page: int, dpi: int, scale: float) -> None:
    points = document.pagePointSize(page)
    size = QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))
    image: QImage = document.render(page, size, QPdfDocumentRenderOptions())
    area = QRectF(painter.viewport())
    width, height = size.width() * scale, size.height() * scale
    fit = min(1.0, area.width() / width, area.height() / height)
    target = QRectF(area.x(), area.y(), width * fit, height * fit)
    target.moveCenter(QPointF(area.center().x(), target.center().y()))
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(target, image)
