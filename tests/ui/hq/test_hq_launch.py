"""Issue 12, "HQ accounts and roles": the same program opens in HQ mode for an HQ profile.

A live `station-desk-hq serve` on the real PostgreSQL (tests/sync/test_cli_kill.server); HQ
profiles are made by enrolling real HQ users' codes, exactly as `station-desk enroll` or the
first-run wizard's 登记到服务总站 does."""
# ruff: noqa: F811  (pytest fixtures imported from tests/sync are parameters by design)

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu
from sqlalchemy import Engine

from app import paths
from app.hqdesk.enrolment import HqEnrolment, enroll_any
from app.hqdesk.profile import HQ_MODE, HQ_ROLE_KEY, HQ_SERVER_KEY, HQ_USER_KEY, MODE_KEY, write_hq_profile
from app.services.station import profiles
from app.services.station.identity import NewStation, create_station
from app.settings import ACTIVE_PROFILE, HQ_LAST_PAGE, Settings
from app.ui import operations
from app.ui.hq.connect import REFUSED, UNREACHABLE, HqConnectView
from app.ui.hq.pages import HQ_PAGES
from app.ui.hq.window import HqWindow
from app.ui.shell.launcher import EXIT_HQ_UNREACHABLE, Launcher
from app.ui.shell.main_window import MainWindow
from app.ui.station.first_run_wizard import FirstRunWizard
from app.ui.widgets import error_dialog
from app.ui.widgets.prompts import answer_prompts
from tests.sync.conftest import hq_engine, hq_url  # noqa: F401 - fixtures
from tests.sync.test_cli_kill import server  # noqa: F401 - fixture: the live HQ service

pytestmark = pytest.mark.usefixtures("memory_keyring")


@pytest.fixture(autouse=True)
def presented(qapp: Any) -> Iterator[list[tuple[object, str, str]]]:
    calls: list[tuple[object, str, str]] = []
    previous = error_dialog.set_presenter(lambda parent, message, detail: calls.append((parent, message, detail)))
    yield calls
    error_dialog.set_presenter(previous)
    assert operations.shutdown(10_000), "an operation was still running after the test"


def hq_code(hq_engine: Engine, name: str, role: str = "admin") -> str:
    from app.hq.admin import users

    with hq_engine.begin() as conn:
        if users.get_user(conn, name) is None:
            return users.add_user(conn, name, role)[1]
        return users.reissue_user_code(conn, name)


def enrol_hq(server: str, code: str, profile: str = paths.DEFAULT_PROFILE) -> HqEnrolment:
    db = profiles.open_profile(profile)
    try:
        outcome = enroll_any(db, profile, server, code)
    finally:
        db.dispose()
    assert isinstance(outcome, HqEnrolment)
    return outcome


def station_profile(name: str) -> None:
    db = profiles.open_profile(name)
    try:
        with db.begin() as s:
            create_station(s, NewStation("GZ-LN-001", "荔湾区服务站", "荔湾区", manager_name="黄敏"))
    finally:
        db.dispose()


def no_wizard(db: Any) -> None:
    raise AssertionError("an HQ profile never shows the station's first-run wizard")


def hq_window_of(qtbot: Any, launcher: Launcher) -> HqWindow:
    qtbot.waitUntil(lambda: isinstance(launcher.hq_view, HqWindow), timeout=20_000)
    return launcher.hq_view  # type: ignore[no-any-return]


def test_an_hq_profile_opens_the_hq_window_and_no_station_page(qtbot: Any, server: str, hq_engine: Engine) -> None:
    enrolled = enrol_hq(server, hq_code(hq_engine, "启动管理员"))
    assert enrolled.profile == paths.DEFAULT_PROFILE and Settings().get(ACTIVE_PROFILE) == paths.DEFAULT_PROFILE
    launcher = Launcher(Settings(), run_wizard=no_wizard)
    try:
        with qtbot.waitSignal(launcher.window_shown, timeout=20_000) as shown:
            assert launcher.start(Settings().get(ACTIVE_PROFILE))
        window = shown.args[0]
        assert isinstance(window, HqWindow) and launcher.window is None  # no MainWindow at all
        assert window.user.name == "启动管理员" and window.user.role == "admin" and window.user.server == server
        assert [p.key for p in window.pages] == [p.key for p in HQ_PAGES if "admin" in p.roles]
        assert not window.findChildren(MainWindow)
        station_titles = {"首页", "企业", "服务记录", "需求", "同步", "人员"}
        assert not station_titles & {window.nav.item(i).text() for i in range(window.nav.count())}
        signed_in = window.findChild(QLabel, "hqSignedIn")
        assert "管理员" in window.windowTitle() and "启动管理员" in signed_in.text() and "档案：default" in signed_in.text()
    finally:
        launcher.close()


def test_the_hq_window_remembers_its_geometry_and_page(qtbot: Any, server: str, hq_engine: Engine) -> None:
    enrol_hq(server, hq_code(hq_engine, "几何管理员"))
    launcher = Launcher(Settings(), run_wizard=no_wizard)
    try:
        launcher.start(paths.DEFAULT_PROFILE)
        window = hq_window_of(qtbot, launcher)
        qtbot.waitExposed(window)
        last = window.pages[-1].key
        window.page(last)
        window.resize(700, 520)  # inside the offscreen screen (800x600); no smaller than the page allows
        size = (window.width(), window.height())
    finally:
        launcher.close()  # closes the window: geometry and page saved under HQ's own keys
    assert Settings().get(HQ_LAST_PAGE) == last
    again = Launcher(Settings(), run_wizard=no_wizard)
    try:
        again.start(paths.DEFAULT_PROFILE)
        window = hq_window_of(qtbot, again)
        qtbot.waitExposed(window)
        # width within 2 px: when the pages' minimum width reaches the offscreen screen's 800 px (the
        # CJK font a test before may have installed widens 操作日志), Qt keeps the frame on screen: 798
        assert window.height() == size[1] and abs(window.width() - size[0]) <= 2 and window.page_key() == last
    finally:
        again.close()


def test_a_refused_token_says_ask_for_a_new_code_and_re_enrolling_opens_hq_mode(
    qtbot: Any, server: str, hq_engine: Engine
) -> None:
    from app.hq.admin import users

    enrol_hq(server, hq_code(hq_engine, "被撤销者", "staff"))
    with hq_engine.begin() as conn:
        users.revoke_user(conn, "被撤销者")
    launcher = Launcher(Settings(), run_wizard=no_wizard)
    try:
        assert launcher.start(paths.DEFAULT_PROFILE)
        view = launcher.hq_view
        assert isinstance(view, HqConnectView)
        qtbot.waitUntil(lambda: view.problem == REFUSED, timeout=20_000)
        text = view.message.text()
        assert "不认可本机的令牌" in text and "索取新的登记码" in text and "重新登记" in text
        assert "--profile default enroll --server " + server in text
        assert launcher.window is None and isinstance(launcher.hq_view, HqConnectView)  # never a station page
        assert view.retry_button.isEnabled()
        # the admin issues a new code: 重新登记… with it opens HQ mode in the same profile
        code = hq_code(hq_engine, "被撤销者")
        with answer_prompts(True):
            qtbot.mouseClick(view.enrol_button, Qt.MouseButton.LeftButton)
            dialog = view.enrol_dialog
            assert dialog.form.server.text() == server
            qtbot.keyClicks(dialog.form.code, code)
            dialog.form.submit()
            window = hq_window_of(qtbot, launcher)
        assert window.user.name == "被撤销者" and launcher.profile == paths.DEFAULT_PROFILE
    finally:
        launcher.close()


def test_an_unreachable_hq_says_check_the_network_and_retry(qtbot: Any, memory_keyring: Any) -> None:
    from app import credentials
    from app.hqdesk.profile import secret_name

    db = profiles.open_profile("away")
    try:
        with db.engine.begin() as conn:
            write_hq_profile(conn, {MODE_KEY: HQ_MODE, HQ_SERVER_KEY: "http://127.0.0.1:9", HQ_USER_KEY: "远方",
                                    HQ_ROLE_KEY: "bureau"})
    finally:
        db.dispose()
    credentials.store_secret(secret_name("http://127.0.0.1:9", "远方"), "hq_not-checked")
    launcher = Launcher(Settings(), run_wizard=no_wizard)
    try:
        launcher.start("away")
        view = launcher.hq_view
        qtbot.waitUntil(lambda: view.problem == UNREACHABLE, timeout=20_000)
        assert "连接不上服务总站" in view.message.text() and "检查本机的网络连接" in view.message.text()
        assert "重试" in view.message.text()
        view.start()  # 重试 (F5): asks again, still no HQ
        qtbot.waitUntil(lambda: view.problem == UNREACHABLE, timeout=20_000)
    finally:
        launcher.close()


def test_smoke_with_an_unreachable_hq_exits_with_its_own_code(qtbot: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from app import credentials
    from app.hqdesk.profile import secret_name

    db = profiles.open_profile("away")
    try:
        with db.engine.begin() as conn:
            write_hq_profile(conn, {MODE_KEY: HQ_MODE, HQ_SERVER_KEY: "http://127.0.0.1:9", HQ_USER_KEY: "远方",
                                    HQ_ROLE_KEY: "bureau"})
    finally:
        db.dispose()
    credentials.store_secret(secret_name("http://127.0.0.1:9", "远方"), "hq_not-checked")
    launcher = Launcher(Settings(), smoke=True, run_wizard=no_wizard)
    try:
        launcher.start("away")
        qtbot.waitUntil(lambda: launcher.exit_code == EXIT_HQ_UNREACHABLE, timeout=20_000)
        assert "连接不上服务总站" in capsys.readouterr().err
    finally:
        launcher.close()


def test_smoke_paints_the_hq_window(qtbot: Any, server: str, hq_engine: Engine) -> None:
    enrol_hq(server, hq_code(hq_engine, "冒烟", "bureau"))
    launcher = Launcher(Settings(), smoke=True, run_wizard=no_wizard)
    try:
        with qtbot.waitSignal(launcher.first_painted, timeout=20_000):
            launcher.start(paths.DEFAULT_PROFILE)
        assert isinstance(launcher.hq_view, HqWindow) and not launcher.hq_view.remember
    finally:
        launcher.close()


def test_switching_between_a_station_profile_and_an_hq_profile(qtbot: Any, server: str, hq_engine: Engine) -> None:
    station_profile("lw")
    enrol_hq(server, hq_code(hq_engine, "切换者"), profile="desk")
    launcher = Launcher(Settings(), run_wizard=no_wizard)
    try:
        assert launcher.start("lw")
        assert isinstance(launcher.window, MainWindow) and launcher.hq_view is None
        menu = next(m for m in launcher.window.menuBar().findChildren(QMenu) if m.title() == "切换档案")
        menu.aboutToShow.emit()  # filled as it opens
        entries = {a.text(): a for a in menu.actions()}
        assert set(entries) == {"lw", "desk（服务总站）"} and not entries["lw"].isEnabled()
        with qtbot.waitSignal(launcher.window_shown, timeout=20_000) as shown:
            entries["desk（服务总站）"].trigger()
        assert isinstance(shown.args[0], HqWindow) and launcher.window is None
        assert Settings().get(ACTIVE_PROFILE) == "desk"
        with qtbot.waitSignal(launcher.window_shown, timeout=20_000) as back:
            shown.args[0].profile_switch_requested.emit("lw")
        assert isinstance(back.args[0], MainWindow) and launcher.hq_view is None
        assert "GZ-LN-001" in back.args[0].station_label.text()
    finally:
        launcher.close()


def test_first_run_enrol_with_an_hq_code_makes_the_hq_profile_and_opens_hq_mode(
    qtbot: Any, server: str, hq_engine: Engine
) -> None:
    db = profiles.open_profile(paths.DEFAULT_PROFILE)
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        with answer_prompts(True) as asked:
            qtbot.mouseClick(wizard.enrol_button, Qt.MouseButton.LeftButton)
            dialog = wizard.enrol_button.dialog
            assert dialog is not None
            qtbot.keyClicks(dialog.form.server, server)
            qtbot.keyClicks(dialog.form.code, hq_code(hq_engine, "首次向导", "staff"))
            qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: wizard.result() == FirstRunWizard.PROFILE_CHOSEN, timeout=20_000)
        assert wizard.other_profile == paths.DEFAULT_PROFILE
        assert any("服务总站模式" in p.text for p in asked)
    finally:
        db.dispose()
    launcher = Launcher(Settings(), run_wizard=no_wizard)
    try:
        launcher.start(Settings().get(ACTIVE_PROFILE))
        window = hq_window_of(qtbot, launcher)
        assert window.user.role == "staff"
    finally:
        launcher.close()


def test_station_desk_smoke_opens_hq_mode_as_a_real_process(server: str, hq_engine: Engine, station_home: Any) -> None:
    from tests.sync.test_cli_kill import _desk

    enrolled = _desk(station_home, "enroll", "--server", server, "--code", hq_code(hq_engine, "进程冒烟", "bureau"))
    assert enrolled.returncode == 0, enrolled.stderr
    assert "已登记为服务总站用户：进程冒烟（市工业和信息化局）" in enrolled.stdout
    smoke = _desk(station_home, "--smoke")
    assert smoke.returncode == 0, smoke.stderr
    assert "first_paint_ms=" in smoke.stdout
