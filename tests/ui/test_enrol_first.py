"""Issue 10, "Enrolment rules": first run's 登记到服务总站 against a live `station-desk-hq serve`
on the real PostgreSQL.  The station's code, name and district come from HQ; the desk then
asks only for the manager, and only when HQ knows none of the station's staff."""
# ruff: noqa: F811  (pytest fixtures imported from tests/sync are parameters by design)

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import Engine, select
from sync.conftest import hq_engine, hq_url, new_enrol_code  # noqa: F401 - fixtures
from sync.test_cli_kill import server  # noqa: F401 - fixture: the live HQ service

from app import paths
from app.models import ProfileMeta, StaffMember
from app.models.database import Database, open_database
from app.services.station import profiles
from app.services.station.identity import NewStation, create_station, current_station
from app.settings import Settings
from app.sync import enrolment
from app.sync.engine import sync
from app.sync.enrolment import DEMO_REFUSED, enroll, open_client
from app.ui.fonts import install_cjk_font
from app.ui.shell.launcher import Launcher
from app.ui.station import enrol_first
from app.ui.station.enrol_first import EnrolFirstDialog
from app.ui.station.first_run_wizard import FirstRunWizard

pytestmark = pytest.mark.usefixtures("presented", "memory_keyring")
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def fresh_code() -> str:
    return f"GZ-EF-{secrets.token_hex(3).upper()}"  # HQ's database lives for the module


@pytest.fixture
def wizard(qtbot, db: Database) -> FirstRunWizard:  # type: ignore[no-untyped-def]
    dialog = FirstRunWizard(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose_enrol(qtbot, wizard: FirstRunWizard, server_url: str, code: str) -> EnrolFirstDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(wizard.enrol_button, Qt.MouseButton.LeftButton)
    dialog = wizard.enrol_button.dialog
    assert dialog is not None and dialog.isVisible() and dialog.pages.currentIndex() == enrol_first.ENROL
    qtbot.keyClicks(dialog.form.server, server_url)
    qtbot.keyClicks(dialog.form.code, code)
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    return dialog


def staff_names(db: Database) -> list[str]:
    with db.sessions() as s:
        return list(s.scalars(select(StaffMember.name).where(StaffMember.deleted.is_(False))).all())


def test_enrol_takes_the_station_from_hq_and_asks_only_for_the_manager(
    qtbot, wizard: FirstRunWizard, db: Database, server: str, hq_engine: Engine
) -> None:  # type: ignore[no-untyped-def]
    code = fresh_code()  # a station HQ has registered, with no staff yet
    dialog = choose_enrol(qtbot, wizard, server, new_enrol_code(hq_engine, code))
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == enrol_first.MANAGER, timeout=60_000)
    assert dialog.sync_result is not None and dialog.sync_result.completed, dialog.sync_result
    assert "服务总站还没有本站的人员信息" in dialog.manager_note.text()
    with db.sessions() as s:
        adopted = current_station(s)
    assert adopted is not None and (adopted.code, adopted.name, adopted.district) == (code, f"{code} 服务站", "天河区")
    assert wizard.isVisible() and wizard.station is None

    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)  # no name: manual setup's rule
    qtbot.waitUntil(dialog.manager_error.isVisible, timeout=10_000)
    assert "站长/负责人姓名" in dialog.manager_error.text() and staff_names(db) == []

    dialog.manager_name.setText("陈晓明")  # QTest cannot type Chinese
    qtbot.keyClicks(dialog.manager_phone, "020-38880000")
    with qtbot.waitSignal(wizard.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert wizard.station is not None and wizard.station.code == code
    assert staff_names(db) == ["陈晓明"]


def _old_pc(tmp_path: Path, server_url: str, hq_engine: Engine, code: str) -> None:
    """The station's previous computer: set up with its manager, enrolled, synced."""
    old = open_database(tmp_path / "old-pc.db")
    try:
        with old.begin() as s:
            create_station(s, NewStation(code=code, name="本地名称", district="天河区", manager_name="李四"))
        enroll(old, server_url, new_enrol_code(hq_engine, code))
        client = open_client(old)
        with client:
            assert sync(old, client).completed
    finally:
        old.dispose()


def test_enrol_asks_nothing_when_hq_knows_the_staff(
    qtbot, wizard: FirstRunWizard, db: Database, server: str, hq_engine: Engine, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    code = fresh_code()
    _old_pc(tmp_path, server, hq_engine, code)
    seen: list[int] = []
    with qtbot.waitSignal(wizard.accepted, timeout=60_000):
        dialog = choose_enrol(qtbot, wizard, server, new_enrol_code(hq_engine, code))
        dialog.pages.currentChanged.connect(seen.append)
    assert enrol_first.MANAGER not in seen and seen == [enrol_first.SYNC]
    assert wizard.station is not None and (wizard.station.code, wizard.station.name) == (code, f"{code} 服务站")
    assert staff_names(db) == ["李四"]  # from HQ, nobody added


def test_the_launcher_opens_the_main_window_with_hqs_station(
    qtbot, station_home: Path, server: str, hq_engine: Engine, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    code = fresh_code()
    _old_pc(tmp_path, server, hq_engine, code)
    enrol_code = new_enrol_code(hq_engine, code)

    def act() -> None:  # inside the real wizard's exec()
        wizard = QApplication.activeModalWidget()
        if not isinstance(wizard, FirstRunWizard):
            QTimer.singleShot(20, act)
            return
        wizard.enrol_button.click()
        dialog = wizard.enrol_button.dialog
        assert dialog is not None
        dialog.form.server.setText(server)
        dialog.form.code.setText(enrol_code)
        dialog.enrol_button.click()

    QTimer.singleShot(0, act)
    launcher = Launcher(Settings())
    try:
        assert launcher.start(paths.DEFAULT_PROFILE)
        assert launcher.window is not None and code in launcher.window.station_label.text()
        assert launcher.db is not None and staff_names(launcher.db) == ["李四"]
    finally:
        launcher.close()


def test_a_wrong_code_shows_the_message_and_keeps_the_input(
    qtbot, wizard: FirstRunWizard, db: Database, server: str
) -> None:  # type: ignore[no-untyped-def]
    dialog = choose_enrol(qtbot, wizard, server, "WRONG-CODE-1")
    qtbot.waitUntil(dialog.form.error_label.isVisible, timeout=20_000)
    assert "登记码无效、已使用或已过期" in dialog.form.error_label.text(), dialog.form.error_label.text()
    assert (dialog.form.server.text(), dialog.form.code.text()) == (server, "WRONG-CODE-1")
    assert dialog.pages.currentIndex() == enrol_first.ENROL and dialog.enrol_button.isEnabled()
    with db.sessions() as s:
        assert current_station(s) is None and s.get(ProfileMeta, enrolment.SERVER_KEY) is None


def test_the_ca_file_reaches_the_enrolment(qtbot, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The optional CA file is used: a missing one is named in the message, before any request."""
    dialog = EnrolFirstDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.server.setText("https://127.0.0.1:9")
    dialog.form.code.setText("ABCD-EFGH")
    dialog.form.ca_file.setText(str(tmp_path / "missing-ca.pem"))
    dialog.enrol_button.click()
    qtbot.waitUntil(dialog.form.error_label.isVisible, timeout=10_000)
    assert "找不到证书颁发机构(CA)文件" in dialog.form.error_label.text() and "missing-ca.pem" in dialog.form.error_label.text()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def offline_after_enrolment() -> Iterator[Any]:
    """The factory the dialog asks for an http client: the enrolment reaches HQ, the first sync
    does not (the network dropped in between)."""
    offline = httpx.Client(base_url=f"http://127.0.0.1:{_closed_port()}", timeout=5)
    answers: list[httpx.Client | None] = [None, offline]
    yield lambda: answers.pop(0) if len(answers) > 1 else answers[0]
    offline.close()


def test_an_offline_first_sync_keeps_the_enrolment_and_still_asks_for_the_manager(
    qtbot, db: Database, server: str, hq_engine: Engine, offline_after_enrolment: Any
) -> None:  # type: ignore[no-untyped-def]
    code = fresh_code()
    dialog = EnrolFirstDialog(db, offline_after_enrolment)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.server.setText(server)
    dialog.form.code.setText(new_enrol_code(hq_engine, code))
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == enrol_first.MANAGER, timeout=60_000)
    note = dialog.manager_note.text()
    assert "首次同步未能完成" in note and "无法连接服务总站" in note and "登记已经保存" in note, note
    with db.sessions() as s:
        assert s.get(ProfileMeta, enrolment.SERVER_KEY) is not None
    dialog.manager_name.setText("陈晓明")
    with qtbot.waitSignal(dialog.station_ready, timeout=10_000) as ready:
        dialog.finish_button.click()
    assert ready.args[0].code == code and staff_names(db) == ["陈晓明"]


def test_the_demo_profile_cannot_choose_enrolment(qtbot, station_home: Path) -> None:  # type: ignore[no-untyped-def]
    demo = profiles.open_profile(paths.DEMO_PROFILE)
    try:
        wizard = FirstRunWizard(demo)
        qtbot.addWidget(wizard)
        wizard.show()
        assert not wizard.enrol_button.isEnabled()
        assert wizard.enrol_button.toolTip() == DEMO_REFUSED
    finally:
        demo.dispose()


def _on_screen(*windows: QWidget) -> QPixmap:
    """The windows as a 1024×600 screen shows them: each centred and framed, those below dimmed."""
    screen = QPixmap(QSize(1024, 600))
    screen.fill(QColor("gray"))
    painter = QPainter(screen)
    for window in windows:
        painter.fillRect(screen.rect(), QColor(0, 0, 0, 60))  # the modal shade over what is below
        shot = window.grab()
        x, y = max(0, (1024 - shot.width()) // 2), max(0, (600 - shot.height()) // 2)
        painter.drawPixmap(x, y, shot)
        painter.setPen(QColor("black"))
        painter.drawRect(x - 1, y - 1, shot.width() + 1, shot.height() + 1)
    painter.end()
    return screen


def test_screenshot_of_the_enrol_dialog(qtbot, qapp, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Wizard and dialog fit a 1024×600 screen; saved to docs/ only when STATION_DESK_SCREENSHOTS=1."""
    previous = qapp.font()
    install_cjk_font(qapp)  # as the app does at start-up: Chinese renders in the shot
    try:
        wizard = FirstRunWizard(db)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.enrol_button.click()
        dialog = wizard.enrol_button.dialog
        assert dialog is not None
        dialog.form.server.setText("http://hq.example.gov.cn")  # the red warning shows
        dialog.form.code.setText("7Q4M-K2XD-9PLA")
        qtbot.waitUntil(dialog.form.insecure_http.isVisible)
        folder = SHOTS if os.environ.get("STATION_DESK_SCREENSHOTS") == "1" else tmp_path
        for page, name in ((enrol_first.ENROL, "enrol_first"), (enrol_first.MANAGER, "enrol_first_manager")):
            dialog.pages.setCurrentIndex(page)
            if page == enrol_first.MANAGER:
                dialog.manager_note.setText("总部还没有本站的人员信息。请填写站长（负责人），完成后即可开始登记服务。")
            dialog.adjustSize()
            for window in (wizard, dialog):
                assert window.width() <= 1024 and window.height() <= 600, (window, window.size())
            assert _on_screen(wizard, dialog).save(str(folder / f"{name}.png"))
        dialog.pages.setCurrentIndex(enrol_first.ENROL)
        dialog.reject()
    finally:
        qapp.setFont(previous)
