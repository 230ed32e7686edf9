"""The report preview drawn with PDFium (app.ui.reporting.pdf_preview): the pages are rendered,
zoom fits the width, a whole page or a factor, the page buttons scroll, a broken file is
reported in Chinese, and printing renders every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from app.ui import theme
from app.ui.reporting.pdf_document import PdfLoadError, open_document
from app.ui.reporting.pdf_pages_view import MARGIN, SCREEN_PX_PER_POINT
from app.ui.reporting.pdf_preview import PdfPreviewDialog, print_pdf


def three_pages(folder: Path, size: tuple[float, float] = A4) -> Path:
    path = folder / "report.pdf"
    pdf = canvas.Canvas(str(path), pagesize=size)
    for page in range(3):
        pdf.setFillColorRGB(0, 0, 0)
        pdf.rect(40, size[1] - 200, size[0] - 80, 160, fill=1)  # a black band near the top
        pdf.drawString(60, 60, f"page {page + 1}")
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def dialog(qtbot, tmp_path: Path) -> Iterator[PdfPreviewDialog]:  # type: ignore[no-untyped-def]
    parent = QWidget()  # held here: the dialog dies with it
    shown = PdfPreviewDialog(three_pages(tmp_path), "年度总结", None, parent, lambda: None, lambda: None)
    shown.resize(800, 560)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()
    parent.deleteLater()


def test_the_pages_are_drawn_to_fit_the_width(qtbot, dialog: PdfPreviewDialog) -> None:  # type: ignore[no-untyped-def]
    view = dialog.preview.view
    assert dialog.pages == 3 and dialog.preview.page_count_label.text() == "页，共 3 页"
    first = view.page_rect(0)
    assert abs(first.width() - (view.viewport().width() - 2 * MARGIN)) < 1
    shot: QImage = view.viewport().grab().toImage()
    band = shot.pixelColor(int(first.center().x()), int(first.top() + 100 * view.scale()))
    assert band.lightness() < 40, band.name()  # the black band is rendered, not just a white page
    assert shot.pixelColor(2, 2) == QColor(theme.PREVIEW_BACKGROUND)


def test_zoom_to_a_whole_page_or_a_factor_keeps_the_page(qtbot, dialog: PdfPreviewDialog) -> None:  # type: ignore[no-untyped-def]
    preview, view = dialog.preview, dialog.preview.view
    preview.next_button.click()
    assert preview.page_box.value() == 2 and preview.previous_button.isEnabled()
    preview.zoom.setCurrentIndex(preview.zoom.findData("page"))
    rect = view.page_rect(1)
    assert rect.height() <= view.viewport().height() - 2 * MARGIN + 1
    assert view.current_page() == 1 and view.verticalScrollBar().value() == int(rect.top() - MARGIN)
    preview.zoom.setCurrentIndex(preview.zoom.findData(1.0))
    assert abs(view.scale() - SCREEN_PX_PER_POINT) < 1e-9 and preview.page_box.value() == 2


def test_scrolling_to_the_end_reaches_the_last_page(qtbot, dialog: PdfPreviewDialog) -> None:  # type: ignore[no-untyped-def]
    preview, bar = dialog.preview, dialog.preview.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert preview.page_box.value() == 3 and not preview.next_button.isEnabled()
    preview.page_box.setValue(1)
    preview.page_box.editingFinished.emit()
    assert bar.value() == 0 and not preview.previous_button.isEnabled()


def test_a_broken_file_says_what_to_do(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(PdfLoadError) as raised:
        open_document(broken)
    assert "broken.pdf" in raised.value.message and "请重新生成" in raised.value.message


def test_printing_a_landscape_report_turns_the_paper(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(100)
    assert print_pdf(three_pages(tmp_path, landscape(A4)), printer) == 3
    printed = open_document(out)
    try:
        assert printed.page_count() == 3
        size = printed.page_size(0)
        assert size.width() > size.height()
        image = printed.render(0, 0.5)
        assert min(image.pixelColor(x, image.height() // 4).lightness() for x in range(0, image.width(), 8)) < 40
    finally:
        printed.close()


def test_the_cutoff_is_china_time_whatever_the_pcs_zone(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 13 item 20: on a PC set to UTC the preview's 数据截至 said 8 hours less than the PDF."""
    import time
    from datetime import UTC, datetime

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        parent = QWidget()
        shown = PdfPreviewDialog(three_pages(tmp_path), "年度总结", datetime(2026, 12, 6, 17, 30, tzinfo=UTC), parent,
                                 lambda: None, lambda: None)
        assert "数据截至 2026-12-07 01:30" in shown.note.text()
        parent.deleteLater()
    finally:
        monkeypatch.undo()
        time.tzset()
