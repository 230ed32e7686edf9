"""A PDF the report engine wrote, read with PDFium (pypdfium2): its pages' sizes and pages
rendered into QImages, for the preview and for printing.

pypdfium2 replaces QtPdf, which came only with the PySide6-Addons wheel (438 MB installed,
QtWebEngine included): the wheel is ~3 MB and draws the same pages (Chromium's PDFium, as QtPdf).
PDFium is not thread-safe: everything here runs on the GUI thread.  pypdfium2 (100-odd modules
with ctypes) is imported when the first PDF is opened, not when the reports page is built."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

if TYPE_CHECKING:
    import pypdfium2

# Rendering at a printer's full resolution (1200 dpi for a PDF printer) would need half a
# gigabyte per A4 page; 300 dpi is what office laser printers resolve anyway.
MAX_PRINT_DPI = 300


class PdfLoadError(Exception):
    def __init__(self, path: Path, status: object) -> None:
        super().__init__(f"{path}: {status}")
        self.message = f"无法打开生成的PDF文件（{path.name}）。请重新生成；如果问题仍然存在，请联系技术支持。"


class PdfFile:
    """An open PDF; close() it before deleting the file (Windows keeps an open file)."""

    def __init__(self, path: Path) -> None:
        import pypdfium2 as pdfium

        self.path = path
        try:
            self._pdf: pypdfium2.PdfDocument | None = pdfium.PdfDocument(str(path))
        except (pdfium.PdfiumError, OSError) as exc:
            raise PdfLoadError(path, exc) from exc
        self._pages = len(self._pdf)
        if self._pages < 1:
            self.close()
            raise PdfLoadError(path, "no pages")
        self._sizes = [QSizeF(*self._pdf.get_page_size(i)) for i in range(self._pages)]

    def page_count(self) -> int:
        return self._pages

    @property
    def closed(self) -> bool:
        return self._pdf is None

    def page_size(self, page: int) -> QSizeF:
        """In points (1/72 inch)."""
        return self._sizes[page]

    def render(self, page: int, scale: float) -> QImage:
        """Page `page` at `scale` pixels per point, on white."""
        if self._pdf is None:
            raise ValueError(f"{self.path} is closed")
        pdf_page = self._pdf[page]
        try:
            bitmap = pdf_page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)  # RGBX bytes
            try:
                image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGBX8888)
                return image.copy()  # own the pixels before PDFium frees the bitmap
            finally:
                bitmap.close()
        finally:
            pdf_page.close()

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None


def open_document(path: Path) -> PdfFile:
    return PdfFile(path)


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Print every page of `path` on `printer`, each page scaled to the printable area at the
    printer's resolution (at most MAX_PRINT_DPI).  Returns the number of pages printed."""
    document = open_document(path)
    try:
        first = document.page_size(0)
        landscape = first.width() > first.height()
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
        printer.setDocName(path.stem)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("打印机无法开始打印，请检查打印机是否可用。")
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            scale = printer.resolution() / dpi  # device pixels per rendered pixel
            for page in range(document.page_count()):
                if page:
                    printer.newPage()
                _draw_page(painter, document, page, dpi, scale)
        finally:
            painter.end()
        return document.page_count()
    finally:
        document.close()


def _draw_page(painter: QPainter, document: PdfFile, page: int, dpi: int, scale: float) -> None:
    image = document.render(page, dpi / 72)
    area = QRectF(painter.viewport())
    width, height = image.width() * scale, image.height() * scale
    fit = min(1.0, area.width() / width, area.height() / height)
    target = QRectF(area.x(), area.y(), width * fit, height * fit)
    target.moveCenter(QPointF(area.center().x(), target.center().y()))
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(target, image)
