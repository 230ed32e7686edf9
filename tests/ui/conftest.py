"""Fixtures the widget tests share.  (`station` and `mark_enrolled` are in tests/conftest.py.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator

from app.ui import i18n, operations
from app.ui.widgets import error_dialog


@pytest.fixture
def presented(qapp) -> Iterator[list[tuple[object, ...]]]:  # type: ignore[no-untyped-def]
    """Error dialogs recorded instead of shown (parent, message, detail); after the test, no
    operation may still run and none may have been shown.  A module turns it on for every
    test with `pytestmark = pytest.mark.usefixtures("presented")`, or defines its own."""
    calls: list[tuple[object, ...]] = []
    previous = error_dialog.set_presenter(lambda *args: calls.append(args))
    yield calls
    error_dialog.set_presenter(previous)
    assert operations.shutdown(5000), "an operation was still running after the test"
    assert calls == [], "an unexpected error dialog was shown"


_in_test_body = False  # set while a test's own code runs (not its fixtures' set-up or teardown)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):  # type: ignore[no-untyped-def]
    global _in_test_body
    _in_test_body = True
    try:
        yield
    finally:
        _in_test_body = False


@pytest.fixture(autouse=True)
def no_unexpected_prompt() -> Iterator[None]:
    """A prompt the test did not answer (no answer_prompts block) fails it instead of waiting for
    a click that never comes offscreen.  When pytest-qt closes the test's windows afterwards,
    prompts are answered 确定 (what typed input there was is thrown away)."""
    from app.ui.widgets import prompts

    def refuse(prompt: prompts.Prompt) -> bool:
        if _in_test_body:
            raise AssertionError(f"unexpected prompt: {prompt.title}: {prompt.text}")
        return True

    previous = prompts.set_prompt_handler(refuse)
    yield
    prompts.set_prompt_handler(previous)


@pytest.fixture
def cjk_font(qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The shipped CJK font as the application font, as at start-up: widths measured in a test
    are then the widths a user sees (offscreen Qt has no Chinese glyphs of its own)."""
    from PySide6.QtGui import QFont

    from app.ui.fonts import install_cjk_font

    before = QFont(qapp.font())
    family = install_cjk_font(qapp)
    assert family, "resources/fonts/wqy-microhei.ttc did not load"
    yield family
    qapp.setFont(before)


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The English translation installed for one test (the app's own .qm, built from the .ts if needed)."""
    qm = i18n.ensure_english_qm()
    translator = QTranslator()
    assert qm is not None and translator.load(str(qm))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def demo_window(qtbot, db):  # type: ignore[no-untyped-def]
    """demo_window(size, enterprises=30, records=120) -> the station's MainWindow over demo data,
    shown at `size` (nothing remembered: a test never changes the user's settings)."""
    from app.demo import data as demo_data
    from app.services.station.identity import current_station
    from app.settings import Settings
    from app.ui.shell.main_window import MainWindow

    def make(size: tuple[int, int], *, enterprises: int = 30, records: int = 120) -> MainWindow:
        demo_data.generate(db, enterprises=enterprises, records=records)
        with db.sessions() as session:
            station = current_station(session)
        window = MainWindow(db, "default", station, Settings(), remember=False)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def stray_windows(qapp):  # type: ignore[no-untyped-def]
    """Windows shown while the test runs, other than those it names: `stray_windows(*allowed)` gives
    the others' class names. A parentless widget made visible is a window of its own: it flashes on
    the screen and takes the keyboard from the main window (HQ's inbox buttons did)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    seen: list[QWidget] = []

    class Spy(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
                seen.append(obj)
            return False

    spy = Spy()
    qapp.installEventFilter(spy)

    def others(*allowed: QWidget) -> list[str]:
        return [type(w).__name__ for w in seen if w not in allowed]

    yield others
    qapp.removeEventFilter(spy)
