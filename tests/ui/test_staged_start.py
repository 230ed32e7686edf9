"""The GUI's two-stage start (issue 14): the station window's frame paints from a plain sqlite3
read, the database opens behind the paint, and anything the plain read cannot vouch for goes
the full way (`Launcher.start`, tested in test_first_run.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import text

from app import paths
from app.models.database import Database
from app.services.station.identity import NewStation, StationInfo, create_station
from app.settings import LAST_PAGE, Settings
from app.ui.shell.launcher import Launcher

pytestmark = pytest.mark.usefixtures("presented")


def no_wizard(_db: Database) -> None:
    raise AssertionError("the wizard was not expected")


@pytest.fixture
def launcher() -> Iterator[Launcher]:
    started = Launcher(Settings(), run_wizard=no_wizard)
    yield started
    started.close()


def test_the_frame_paints_before_the_database_opens_and_is_filled_after(qtbot, station, launcher,  # type: ignore[no-untyped-def]
                                                                        stray_windows) -> None:
    assert launcher.start_staged(paths.DEFAULT_PROFILE)
    frame = launcher.window
    assert frame is not None and frame.isVisible()
    # the frame: title, station and navigation from the plain read; no database, no page yet
    assert launcher.db is None and frame.db is None and frame.auto_sync is None
    assert "GZ-TH-001" in frame.station_label.text() and "天河区中小企业服务站" in frame.windowTitle()
    assert frame.nav.count() == 10 and frame.current_page_key() == "home"
    assert frame.pages.built() == {} and isinstance(frame.stack.currentWidget(), QLabel)
    with qtbot.waitSignals([launcher.first_painted, launcher.ready], order="strict", timeout=30_000):
        pass
    assert launcher.window is frame and launcher.db is not None and frame.db is launcher.db
    assert frame.auto_sync is not None
    assert list(frame.pages.built()) == ["home"] and frame.stack.currentWidget() is frame.pages["home"]
    with qtbot.waitSignal(frame.home_page.overview_loaded, timeout=20_000):  # 首页's figures, counted after the paint
        pass
    assert stray_windows(frame) == []  # the start shows its one window, nothing flashes beside it


def test_the_remembered_page_and_a_section_picked_early_wait_for_the_database(qtbot, station, launcher) -> None:  # type: ignore[no-untyped-def]
    launcher.settings.set(LAST_PAGE, "enterprises")
    assert launcher.start_staged(paths.DEFAULT_PROFILE)
    frame = launcher.window
    assert frame is not None and frame.current_page_key() == "enterprises" and frame.pages.built() == {}
    frame.nav.setCurrentRow(8)  # 报表, chosen before the database is open: shown as 加载中… meanwhile
    assert frame.current_page_key() == "reports" and frame.pages.built() == {}
    with qtbot.waitSignal(launcher.ready, timeout=30_000):
        pass
    assert list(frame.pages.built()) == ["reports"] and frame.stack.currentWidget() is frame.pages["reports"]


def test_a_profile_without_a_station_goes_the_full_way(qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def wizard(db: Database) -> None:
        asked.append(db.path.parent.name)  # then cancelled

    launcher = Launcher(Settings(), run_wizard=wizard)
    assert not launcher.start_staged(paths.DEFAULT_PROFILE)  # no file yet: created, then the wizard
    assert asked == [paths.DEFAULT_PROFILE] and launcher.window is None


def test_a_profile_changed_under_its_frame_is_opened_the_full_way(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    def wizard(wizard_db: Database) -> StationInfo:
        with wizard_db.begin() as session:
            return create_station(session, NewStation("GZ-HZ-002", "海珠区服务站", "海珠区", manager_name="李华"))

    launcher = Launcher(Settings(), run_wizard=wizard)
    try:
        assert launcher.start_staged(paths.DEFAULT_PROFILE)
        frame = launcher.window
        with db.begin() as session:  # another process takes the station away before the frame fills
            session.execute(text("DELETE FROM profile_meta"))
            session.execute(text("DELETE FROM staff_member"))
            session.execute(text("DELETE FROM station"))
        with qtbot.waitSignal(launcher.ready, timeout=30_000):
            pass
        assert launcher.window is not None and launcher.window is not frame
        assert "GZ-HZ-002" in launcher.window.station_label.text()
        assert list(launcher.window.pages.built()) == ["home"]
    finally:
        launcher.close()
