"""Every page of the station window fits a 1024×600 screen, in Chinese and in English: showing a page
never makes the window wider or taller than the screen (a toolbar's minimum width pushed HQ's 全市汇总
page to 1,086 px in English; tests/ui/hq/test_hq_small_screen.py is HQ mode's twin)."""

from __future__ import annotations

from typing import Any

import pytest

from app.ui.shell.navigation import sections

pytestmark = pytest.mark.usefixtures("presented", "cjk_font")

SCREEN = (1024, 600)


def too_big(window: Any) -> list[str]:
    """What does not fit the screen: the window's own size and the least it can be."""
    hint, width, height = window.minimumSizeHint(), *SCREEN
    found = []
    if window.width() > width or window.height() > height:
        found.append(f"window {window.width()}×{window.height()}")
    if hint.width() > width or hint.height() > height:
        found.append(f"minimum {hint.width()}×{hint.height()}")
    return found


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_station_page_fits_1024_by_600(qtbot: Any, demo_window: Any, request: Any, language: str) -> None:
    if language == "en":
        request.getfixturevalue("english")
    window = demo_window(SCREEN)
    found: dict[str, list[str]] = {}
    for section in sections():
        window.show_page(section.key)
        qtbot.wait(300)
        if problems := too_big(window):
            found[section.key] = problems
    assert not found, found


def test_building_every_station_page_shows_no_other_window(qtbot: Any, demo_window: Any, stray_windows: Any) -> None:
    window = demo_window(SCREEN)
    for section in sections():
        window.show_page(section.key)
        qtbot.wait(100)
    assert stray_windows(window) == []
