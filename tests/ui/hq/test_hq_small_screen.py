"""Every HQ page fits a 1024×600 screen, in Chinese and in English: showing a page never makes the
window wider or taller than the screen. The 全市汇总 page's toolbar (report kind, year, three buttons
and a 240-px search field) made the window 1,051 px wide in Chinese and 1,086 px in English, and it
stayed that wide for every page shown after it."""

from __future__ import annotations

from typing import Any

import pytest

from app.ui.hq.pages import HQ_PAGES
from tests.ui.test_small_screen import SCREEN, too_big

pytestmark = pytest.mark.usefixtures("presented", "cjk_font")


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_hq_page_fits_1024_by_600(qtbot: Any, hq_window: Any, desk: Any, request: Any, language: str) -> None:
    if language == "en":
        request.getfixturevalue("english")
    window = hq_window("admin")
    window.resize(*SCREEN)
    found: dict[str, list[str]] = {}
    for page in HQ_PAGES:
        window.page(page.key)
        qtbot.wait(300)
        if problems := too_big(window):
            found[page.key] = problems
    assert not found, found


@pytest.mark.parametrize("role", ["staff", "bureau"])
def test_building_every_hq_page_shows_no_other_window(qtbot: Any, hq_window: Any, desk: Any, stray_windows: Any,
                                                    role: str) -> None:
    window = hq_window(role)
    for page in HQ_PAGES:
        window.page(page.key)
        qtbot.wait(100)
    assert stray_windows(window) == []
    assert window.isActiveWindow()  # nothing took the keyboard away
