"""The pages of a PdfFile one under the other in a scrolling view, at a zoom that fits the
width, fits a whole page, or is a fixed factor (1.0 = the page's real size on a 96-dpi screen).

Only the pages in sight are rendered, at the screen's pixel ratio, and the last few are kept."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from app.ui import theme
from app.ui.reporting.pdf_document import PdfFile

MARGIN = 12.0  # px around and between pages
SCREEN_PX_PER_POINT = 96 / 72
KEEP_RENDERED = 8  # pages' images kept for scrolling back


class PdfPagesView(QAbstractScrollArea):
    """`current_page_changed(page)` counts from 0."""

    current_page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: PdfFile | None = None
        self.zoom: str | float = "width"
        self._current = 0
        self._rects: list[QRectF] = []
        self._scale = 1.0  # logical px per point
        self._images: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self._jumping = False
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)
        self.verticalScrollBar().setSingleStep(24)
        self.horizontalScrollBar().setSingleStep(24)

    def set_document(self, document: PdfFile) -> None:
        self.document, self._current = document, 0
        self._images.clear()
        self._relayout()
        self.go_to(0)

    def set_zoom(self, zoom: str | float) -> None:
        """"width", "page" or a factor; the page being read stays in view."""
        page = self._current
        self.zoom = zoom
        self._relayout()
        self.go_to(page)

    def scale(self) -> float:
        """Logical pixels per point at the current zoom."""
        return self._scale

    def page_rect(self, page: int) -> QRectF:
        """Where `page` lies in the whole column of pages (not scrolled)."""
        return self._rects[page]

    def current_page(self) -> int:
        return self._current

    def go_to(self, page: int) -> None:
        if not self._rects:
            return
        page = max(0, min(page, len(self._rects) - 1))
        self._jumping = True
        try:
            self.verticalScrollBar().setValue(int(self._rects[page].top() - MARGIN))
        finally:
            self._jumping = False
        self._set_current(page)

    # -- layout --------------------------------------------------------------------------
    def _relayout(self) -> None:
        if self.document is None:
            return
        sizes = [self.document.page_size(i) for i in range(self.document.page_count())]
        widest = max(s.width() for s in sizes)
        room_w = max(50.0, self.viewport().width() - 2 * MARGIN)
        room_h = max(50.0, self.viewport().height() - 2 * MARGIN)
        if self.zoom == "width":
            self._scale = room_w / widest
        elif self.zoom == "page":
            self._scale = min(room_w / widest, room_h / max(s.height() for s in sizes))
        else:
            self._scale = float(self.zoom) * SCREEN_PX_PER_POINT
        total_w = widest * self._scale + 2 * MARGIN
        y, self._rects = MARGIN, []
        for size in sizes:
            w, h = size.width() * self._scale, size.height() * self._scale
            x = max(MARGIN, (max(total_w, self.viewport().width()) - w) / 2)
            self._rects.append(QRectF(x, y, w, h))
            y += h + MARGIN
        vertical, horizontal = self.verticalScrollBar(), self.horizontalScrollBar()
        vertical.setRange(0, max(0, int(y - self.viewport().height())))
        vertical.setPageStep(self.viewport().height())
        horizontal.setRange(0, max(0, int(total_w - self.viewport().width())))
        horizontal.setPageStep(self.viewport().width())
        self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        page = self._current
        self._relayout()
        if self.zoom in ("width", "page"):
            self.go_to(page)

    def _scrolled(self, value: int) -> None:
        self.viewport().update()
        if self._jumping or not self._rects:
            return
        # the page under the upper third of the view is the one being read
        probe = value + self.viewport().height() / 3
        page = next((i for i, r in enumerate(self._rects) if r.bottom() + MARGIN >= probe), len(self._rects) - 1)
        self._set_current(page)

    def _set_current(self, page: int) -> None:
        self._current = page
        self.current_page_changed.emit(page)

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), QColor(theme.PREVIEW_BACKGROUND))
        if self.document is not None and not self.document.closed:
            dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
            seen = QRectF(self.viewport().rect()).translated(dx, dy)
            painter.translate(-dx, -dy)
            for page, rect in enumerate(self._rects):
                if rect.intersects(seen):
                    painter.fillRect(rect, Qt.GlobalColor.white)
                    painter.drawImage(rect, self._image(page))
        painter.end()

    def _image(self, page: int) -> QImage:
        ratio = self.devicePixelRatioF()
        key = (page, round(self._scale * ratio, 4))
        image = self._images.pop(key, None)
        if image is None:
            assert self.document is not None
            image = self.document.render(page, key[1])
            image.setDevicePixelRatio(ratio)
        self._images[key] = image
        while len(self._images) > KEEP_RENDERED:
            self._images.popitem(last=False)
        return image
