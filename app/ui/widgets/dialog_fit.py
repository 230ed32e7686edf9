"""Dialog sizes that hold on small screens (1366×768, 1024×600).

Two traps: a top-level window does not grow by itself when a word-wrapped label appears
(its minimum size ignores height-for-width), so the layout squeezes the line edits instead;
and a size fixed in pixels runs off a 600-pixel screen, hiding the buttons at the bottom.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 40  # what the window frame and the task bar take, roughly


def grow_to_content(window: QWidget) -> None:
    """Make `window` tall enough for its layout at its present width (after a message appeared)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    need = max(need, layout.totalMinimumSize().height())
    if window.height() < need:
        window.resize(width, min(need, available(window).height()))


def available(window: QWidget) -> QRect:
    """The screen area `window` may use, less a margin for the frame."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    return area.adjusted(0, 0, -MARGIN // 2, -MARGIN)


def fit_size(window: QWidget, width: int, height: int) -> None:
    """Resize to `width`×`height`, or less where the screen is smaller."""
    area = available(window)
    window.resize(min(width, area.width()), min(height, area.height()))
