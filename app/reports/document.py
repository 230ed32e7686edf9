"""Laying a story out on pages and writing the file atomically.

Every page carries a running header (station, report) and a footer with the data
cut-off and "第 n 页 / 共 N 页"; N is known only at the end, so pages are kept until
`save()` (ReportLab's usual numbered-canvas recipe).  The canvas starts in the CJK font:
left at ReportLab's default, Helvetica would be listed in the PDF, unembedded.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app.reports.styles import GREY, MARGIN, RULE, styles

Progress = Callable[[int, int], None]  # (done, total), as the UI's progress bars take it
Cancelled = Callable[[], bool]


class ReportCancelled(Exception):
    """`cancelled()` returned True; nothing was written."""


@dataclass(frozen=True)
class PageDecor:
    header: str  # left of the running header
    footer: str  # left of the footer (period, cut-off)


def _numbered_canvas(decor: PageDecor) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            # Set by a FooterSwitch on the page where a part with its own period begins (the plan
            # after the summary); every page's saved state carries it, so earlier pages keep theirs.
            self.footer_text: str | None = None

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            font = styles().font
            width, height = self._pagesize
            self.saveState()
            self.setFillColor(GREY)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.setFont(font, 8.5)
            self.drawString(MARGIN, height - MARGIN + 5 * mm, _fit(decor.header, font, 8.5, width - 2 * MARGIN))
            self.line(MARGIN, height - MARGIN + 3.5 * mm, width - MARGIN, height - MARGIN + 3.5 * mm)
            self.line(MARGIN, MARGIN - 4 * mm, width - MARGIN, MARGIN - 4 * mm)
            self.drawString(MARGIN, MARGIN - 8 * mm, _fit(self.footer_text or decor.footer, font, 8.5, width - 2 * MARGIN - 40 * mm))
            self.drawRightString(width - MARGIN, MARGIN - 8 * mm, f"第 {self._pageNumber} 页 / 共 {total} 页")
            self.restoreState()

    return NumberedCanvas


class FooterSwitch(Flowable):
    """Takes no room; from the page it lands on, the footer reads `text` instead."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab's names)
        return 0, 0

    def draw(self) -> None:
        self.canv.footer_text = self.text  # type: ignore[attr-defined]


def _fit(text: str, font: str, size: float, width: float) -> str:
    """`text`, shortened with an ellipsis to fit `width` (a 200-character station name)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class _Doc(BaseDocTemplate):
    def __init__(self, target: str, pagesize: tuple[float, float], title: str, done: Callable[[], None]) -> None:
        super().__init__(
            target, pagesize=pagesize, title=title, author="Station Desk", creator="Station Desk",
            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
            initialFontName=styles().font,
        )
        frame = Frame(MARGIN, MARGIN, pagesize[0] - 2 * MARGIN, pagesize[1] - 2 * MARGIN, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._done = done

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab's name)
        self._done()


def text_width(pagesize: tuple[float, float]) -> float:
    return pagesize[0] - 2 * MARGIN


def write_pdf(
    out: Path,
    story: Sequence[Flowable],
    *,
    pagesize: tuple[float, float],
    title: str,
    decor: PageDecor,
    progress: Callable[[float], None] | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Lay out `story` into `out` (atomically); returns the page count.

    `progress(fraction)` follows the layout (0–1); `cancelled()` is asked after every
    flowable and raises ReportCancelled when it returns True.
    """
    count = [0]

    def done() -> None:
        count[0] += 1
        if cancelled is not None and cancelled():
            raise ReportCancelled()
        if progress is not None and count[0] % 20 == 0:
            progress(min(1.0, count[0] / max(1, len(story))))

    def layout(target: str) -> int:
        doc = _Doc(target, pagesize, title, done)
        doc.build(list(story), canvasmaker=_numbered_canvas(decor))
        return int(doc.page)

    return write_atomically(out, layout)


def write_atomically(out: Path, write: Callable[[str], int]) -> int:
    """Write through a temporary file beside `out`, then replace: never a half file."""
    handle, temp = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".pdf.tmp", dir=out.parent)
    os.close(handle)
    try:
        pages = write(temp)
        os.chmod(temp, 0o644)  # mkstemp's 0600 would make the PDF private to its writer
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return pages
