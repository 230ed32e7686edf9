"""Start-up paths: the first-run wizard, the demo profile, unopenable databases, --smoke."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app import paths
from app.models import StaffMember
from app.models.database import DatabaseOpenError, backup_file
from app.services.station import profiles
from app.services.station.identity import NewStation, StationInfo, create_station, current_station
from app.settings import ACTIVE_PROFILE, Settings
from app.ui import operations
from app.ui.shell.database_problem_dialog import NEW_PROFILE, OPEN_BACKUP, DatabaseProblemDialog, ProblemChoice
from app.ui.shell.launcher import EXIT_DATABASE_PROBLEM, Launcher
from app.ui.station.first_run_wizard import FirstRunWizard
from app.ui.widgets import error_dialog

REPO = Path(__file__).resolve().parents[2]
GARBAGE = b"this is not a database" * 100
# the first paint, then `ready`: the database open and the first page built (Launcher.start_staged)
SMOKE_OUTPUT = r"first_paint_ms=\d+\nfirst_paint_cpu_ms=\d+\nready_ms=\d+\nready_cpu_ms=\d+"


@pytest.fixture(autouse=True)
def presented(qapp) -> Iterator[list[tuple[object, str, str]]]:  # type: ignore[no-untyped-def]
    calls: list[tuple[object, str, str]] = []
    previous = error_dialog.set_presenter(lambda parent, message, detail: calls.append((parent, message, detail)))
    yield calls
    error_dialog.set_presenter(previous)
    assert operations.shutdown(10_000), "an operation was still running after the test"


@pytest.fixture
def wizard(qtbot, db) -> FirstRunWizard:  # type: ignore[no-untyped-def]
    dialog = FirstRunWizard(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(qtbot, wizard: FirstRunWizard, code: str = "GZ-TH-001", district: str | None = "天河区") -> None:  # type: ignore[no-untyped-def]
    # QTest cannot type Chinese (there is no key for it); typed where ASCII, set otherwise.
    wizard.code.setText(code)
    wizard.name.setText("天河区中小企业服务站")
    if district:
        wizard.district.setCurrentText(district)
    wizard.host_organisation.setText("天河区工商业联合会")
    wizard.manager_name.setText("陈晓明")
    qtbot.keyClicks(wizard.manager_phone, "020-38880000")


def station_in(db) -> StationInfo | None:  # type: ignore[no-untyped-def]
    with db.begin() as session:  # a fresh session: what was really committed
        return current_station(session)


# --- the wizard --------------------------------------------------------------------------
def test_bad_code_shows_chinese_message_at_field_and_saves_nothing(qtbot, wizard, db) -> None:  # type: ignore[no-untyped-def]
    fill(qtbot, wizard, code="X")
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    assert wizard.errors["code"].isVisible()
    assert "服务站代码" in wizard.errors["code"].text()
    assert wizard.code.hasFocus()
    assert wizard.isVisible() and wizard.station is None
    assert station_in(db) is None


def test_missing_district_is_reported_at_district(qtbot, wizard, db) -> None:  # type: ignore[no-untyped-def]
    fill(qtbot, wizard, district=None)
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    assert "所在区" in wizard.errors["district"].text()
    assert not wizard.errors["code"].isVisible()
    assert station_in(db) is None


def test_every_error_shows_at_once_and_each_goes_when_fixed(qtbot, wizard, db) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)  # nothing filled in
    shown = {key for key, label in wizard.errors.items() if label.isVisible()}
    assert shown == {"code", "name", "district", "manager_name"}
    assert wizard.code.hasFocus()  # the first field named
    qtbot.keyClicks(wizard.code, "GZ-TH-001")
    assert not wizard.errors["code"].isVisible() and wizard.errors["name"].isVisible()
    wizard.district.setCurrentText("天河区")
    assert not wizard.errors["district"].isVisible()
    assert {key for key, label in wizard.errors.items() if label.isVisible()} == {"name", "manager_name"}
    wizard.code.clear()  # broken again: its message comes back
    assert "服务站代码" in wizard.errors["code"].text() and wizard.errors["code"].isVisible()
    assert station_in(db) is None


def test_valid_input_creates_station_and_manager(qtbot, wizard, db) -> None:  # type: ignore[no-untyped-def]
    fill(qtbot, wizard)
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    saved = station_in(db)
    assert saved is not None and (saved.code, saved.name, saved.district) == ("GZ-TH-001", "天河区中小企业服务站", "天河区")
    assert not saved.is_demo
    with db.begin() as session:
        manager = session.query(StaffMember).one()
        assert (manager.name, manager.phone, manager.role) == ("陈晓明", "020-38880000", "manager")


def test_demo_button_leaves_with_demo_choice(qtbot, wizard, db) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(wizard.demo_button, Qt.MouseButton.LeftButton)
    assert wizard.result() == FirstRunWizard.DEMO_CHOSEN
    assert station_in(db) is None


def click_when_modal(qtbot, find_button) -> None:  # type: ignore[no-untyped-def]
    """Act on the next modal dialog from inside its own exec() loop."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        qtbot.mouseClick(find_button(dialog), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)


def test_launcher_demo_choice_opens_demo_profile_and_fills_it(qtbot, station_home) -> None:  # type: ignore[no-untyped-def]
    launcher = Launcher(Settings())
    click_when_modal(qtbot, lambda dialog: dialog.demo_button)  # the real wizard, run modally
    try:
        assert launcher.start(paths.DEFAULT_PROFILE)
        assert launcher.profile == paths.DEMO_PROFILE
        assert Settings().get(ACTIVE_PROFILE) == paths.DEMO_PROFILE
        window = launcher.window
        assert window is not None and window.banner.isVisible()
        # Demo data is generated in the background after the first paint; the window then refreshes.
        with qtbot.waitSignal(window.home_page.overview_loaded, timeout=120_000):
            pass
        assert station_in(launcher.db) is not None
        assert window.home_page.overview is not None and window.home_page.overview.enterprises > 0
    finally:
        launcher.close()


def test_launcher_creates_station_through_wizard(qtbot) -> None:  # type: ignore[no-untyped-def]
    def wizard(db):  # type: ignore[no-untyped-def]
        with db.begin() as session:
            return create_station(session, NewStation("GZ-HZ-002", "海珠区服务站", "海珠区", manager_name="李华"))

    launcher = Launcher(Settings(), run_wizard=wizard)
    try:
        assert launcher.start(paths.DEFAULT_PROFILE)
        assert launcher.window is not None and launcher.window.banner.isHidden()
        assert "GZ-HZ-002" in launcher.window.station_label.text()
    finally:
        launcher.close()


def test_demo_banner_switches_to_real_profile_and_its_wizard(qtbot) -> None:  # type: ignore[no-untyped-def]
    demo_db = profiles.open_profile(paths.DEMO_PROFILE)
    with demo_db.begin() as session:
        create_station(session, NewStation("DEMO-01", "演示服务站", "越秀区", manager_name="演示"), demo=True)
    demo_db.dispose()
    wizard_for: list[str] = []

    def wizard(db):  # type: ignore[no-untyped-def]
        wizard_for.append(db.path.parent.name)
        with db.begin() as session:
            return create_station(session, NewStation("GZ-YX-001", "越秀区服务站", "越秀区", manager_name="周敏"))

    launcher = Launcher(Settings(), run_wizard=wizard)
    try:
        assert launcher.start(paths.DEMO_PROFILE)
        demo_window = launcher.window
        assert demo_window is not None and demo_window.banner.isVisible()
        with qtbot.waitSignal(launcher.window_shown) as shown:
            qtbot.mouseClick(demo_window.banner.setup_button, Qt.MouseButton.LeftButton)
        assert wizard_for == [paths.DEFAULT_PROFILE]
        assert shown.args[0] is launcher.window and launcher.profile == paths.DEFAULT_PROFILE
        assert launcher.window.banner.isHidden() and "GZ-YX-001" in launcher.window.station_label.text()
        assert Settings().get(ACTIVE_PROFILE) == paths.DEFAULT_PROFILE
    finally:
        launcher.close()


def test_cancelled_wizard_means_quit(qtbot) -> None:  # type: ignore[no-untyped-def]
    launcher = Launcher(Settings(), run_wizard=lambda db: None)
    assert not launcher.start(paths.DEFAULT_PROFILE)
    assert launcher.window is None


# --- databases that cannot be opened -----------------------------------------------------
def corrupt_default() -> Path:
    target = paths.database_file(paths.DEFAULT_PROFILE)
    target.write_bytes(GARBAGE)
    return target


def test_corrupt_database_brings_problem_dialog_and_touches_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    target = corrupt_default()
    seen: list[str] = []

    def quit_button(dialog: DatabaseProblemDialog):  # type: ignore[no-untyped-def]
        seen.append(dialog.message.text())
        return dialog.quit_button

    click_when_modal(qtbot, quit_button)  # the real dialog, run modally
    launcher = Launcher(Settings())
    assert not launcher.start(paths.DEFAULT_PROFILE)
    assert seen and "数据文件已损坏" in seen[0]
    assert target.read_bytes() == GARBAGE
    assert sorted(p.name for p in target.parent.iterdir()) == ["backups", "station.db"]


def test_new_profile_after_corrupt_database(qtbot) -> None:  # type: ignore[no-untyped-def]
    target = corrupt_default()
    asked: list[DatabaseOpenError] = []

    def ask(error, backups, parent):  # type: ignore[no-untyped-def]
        asked.append(error)
        return ProblemChoice(NEW_PROFILE)

    launcher = Launcher(Settings(), ask_problem=ask, run_wizard=lambda db: None)
    assert not launcher.start(paths.DEFAULT_PROFILE)  # the new profile's wizard was cancelled
    assert asked and asked[0].user_message
    new_name = Settings().get(ACTIVE_PROFILE)
    assert new_name != paths.DEFAULT_PROFILE and (paths.profiles_dir() / new_name).is_dir()
    assert target.read_bytes() == GARBAGE


def test_backup_after_corrupt_database_becomes_a_new_profile(qtbot) -> None:  # type: ignore[no-untyped-def]
    db = profiles.open_profile(paths.DEFAULT_PROFILE)
    with db.begin() as session:
        create_station(session, NewStation("GZ-BY-003", "白云区服务站", "白云区", manager_name="张三"))
    backup_file(db.path, paths.backups_dir(paths.DEFAULT_PROFILE), "test")
    db.dispose()
    target = corrupt_default()
    offered: list[list[Path]] = []

    def ask(error, backups, parent):  # type: ignore[no-untyped-def]
        offered.append(backups)
        return ProblemChoice(OPEN_BACKUP, backups[0])

    launcher = Launcher(Settings(), ask_problem=ask)
    try:
        assert launcher.start(paths.DEFAULT_PROFILE)
        assert len(offered[0]) == 1
        assert launcher.profile.startswith("restored") and Settings().get(ACTIVE_PROFILE) == launcher.profile
        assert launcher.window is not None and "GZ-BY-003" in launcher.window.station_label.text()
        assert target.read_bytes() == GARBAGE
    finally:
        launcher.close()


def test_smoke_mode_reports_problem_without_dialog(capsys) -> None:  # type: ignore[no-untyped-def]
    corrupt_default()

    def ask(*_args):  # type: ignore[no-untyped-def]
        raise AssertionError("no dialog in --smoke")

    launcher = Launcher(Settings(), smoke=True, ask_problem=ask)
    assert not launcher.start(paths.DEFAULT_PROFILE)
    assert launcher.exit_code == EXIT_DATABASE_PROBLEM
    assert "数据文件已损坏" in capsys.readouterr().err


# --- the real process --------------------------------------------------------------------
def smoke(home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, STATION_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "app.main", "--smoke"],
        cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def test_smoke_prints_first_paint_and_exits_0(station_home) -> None:  # type: ignore[no-untyped-def]
    first = smoke(station_home)  # empty profile: shown in demo mode, nothing generated or saved
    assert first.returncode == 0, first.stderr
    assert re.fullmatch(SMOKE_OUTPUT, first.stdout.strip()), first.stdout
    db = profiles.open_profile(paths.DEFAULT_PROFILE)
    assert station_in(db) is None  # the wizard still comes next time
    db.dispose()
    assert not paths.settings_file().exists()  # no offscreen geometry to restore on a real screen


def test_smoke_with_station_prints_first_paint(tmp_path) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "with-station"
    db = profiles.open_profile(paths.DEFAULT_PROFILE)  # in the fixture's home; then copied over
    with db.begin() as session:
        create_station(session, NewStation("GZ-TH-001", "天河区服务站", "天河区", manager_name="陈晓明"))
    db.dispose()
    shutil.copytree(paths.data_home(), home)
    second = smoke(home)
    assert second.returncode == 0, second.stderr
    assert re.fullmatch(SMOKE_OUTPUT, second.stdout.strip()), second.stdout


def test_smoke_with_corrupt_database_exits_3(station_home) -> None:  # type: ignore[no-untyped-def]
    target = corrupt_default()
    result = smoke(station_home)
    assert result.returncode == EXIT_DATABASE_PROBLEM
    assert "数据文件已损坏" in result.stderr and "Traceback" not in result.stderr
    assert target.read_bytes() == GARBAGE
