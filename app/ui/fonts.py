"""The shipped CJK font, registered with Qt so Chinese renders the same on every machine."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app import paths

log = logging.getLogger(__name__)


def install_cjk_font(app: QApplication, font_file: Path | None = None) -> str | None:
    """Register the font and make it the application font.  Returns its family, or None.

    A missing or unreadable file is logged and start-up goes on with the system fonts:
    a window with imperfect glyphs is better than no window.
    """
    path = font_file or paths.cjk_font_file()
    if not path.exists():
        log.warning("CJK font %s not found; using system fonts", path)
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("CJK font %s could not be loaded; using system fonts", path)
        return None
    family = families[0]
    font = QFont(app.font())
    font.setFamily(family)
    app.setFont(font)
    return family
