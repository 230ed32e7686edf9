"""The main window builds a page only when it is first shown or another page leads to it
(issue 14: a page that is never shown costs nothing)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.settings import LAST_PAGE, Settings
from app.ui.dashboard.page import HomePage
from app.ui.demands.page import DemandsPage
from app.ui.enterprises.page import EnterprisesPage
from app.ui.events.page import EventsPage
from app.ui.institutions.page import InstitutionsPage
from app.ui.policies.page import PoliciesPage
from app.ui.records.page import RecordsPage
from app.ui.reporting.page import ReportsPage
from app.ui.shell.main_window import MainWindow
from app.ui.staff.page import StaffPage
from app.ui.sync.page import SyncPage

pytestmark = pytest.mark.usefixtures("presented")
PAGE_CLASSES: list[type[QWidget]] = [HomePage, EnterprisesPage, RecordsPage, DemandsPage, EventsPage, StaffPage,
                                     InstitutionsPage, PoliciesPage, ReportsPage, SyncPage]


@pytest.fixture
def constructed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the page classes constructed, in order."""
    names: list[str] = []
    for cls in PAGE_CLASSES:
        original = cls.__init__

        def counting(self, *args, _original=original, _name=cls.__name__, **kwargs) -> None:  # type: ignore[no-untyped-def]
            names.append(_name)
            _original(self, *args, **kwargs)

        monkeypatch.setattr(cls, "__init__", counting)
    yield names


def make_window(qtbot, db, station) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db, "default", station, Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_only_the_page_shown_is_built(qtbot, db, station, constructed) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, db, station)
    assert constructed == ["HomePage"]
    assert list(window.pages.built()) == ["home"] and window.stack.currentWidget() is window.pages.built()["home"]
    assert window.stack.count() == 10


def test_a_page_is_built_when_first_shown_and_only_once(qtbot, db, station, constructed) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, db, station)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)  # 报表
    assert constructed == ["HomePage", "ReportsPage"]
    assert isinstance(window.stack.currentWidget(), ReportsPage) and window.current_page_key() == "reports"
    window.nav.setCurrentRow(0)
    window.show_page("reports")
    assert constructed == ["HomePage", "ReportsPage"]
    assert window.stack.currentWidget() is window.pages["reports"]


def test_the_remembered_page_is_the_only_one_built(qtbot, db, station, constructed) -> None:  # type: ignore[no-untyped-def]
    Settings().set(LAST_PAGE, "enterprises")
    window = make_window(qtbot, db, station)
    assert constructed == ["EnterprisesPage"] and window.current_page_key() == "enterprises"
    window.reload_home()  # what the launcher does after the first paint: 首页 is not built for it
    assert constructed == ["EnterprisesPage"]
    with qtbot.waitSignal(window.home_page.overview_loaded, timeout=20_000):  # built now, and counts at once
        window.show_page("home")
    assert constructed == ["EnterprisesPage", "HomePage"]


def test_home_click_through_builds_the_page_it_opens(qtbot, db, station, constructed) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, db, station)
    window.home_page.open_records.emit("demands", {"statuses": ("accepted",), "overdue": True})
    assert constructed == ["HomePage", "DemandsPage"]
    pool = window.stack.currentWidget()
    assert isinstance(pool, DemandsPage) and window.current_page_key() == "demands"
    assert pool.overdue.isChecked()
    assert pool.model.filter.overdue_only and pool.model.filter.statuses == ("accepted",)
