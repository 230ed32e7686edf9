"""同步 page and automatic sync against the REAL HQ service on the real PostgreSQL."""
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
from PySide6.QtCore import Qt
from sqlalchemy import Engine
from sync.conftest import hq_engine, hq_http, hq_url, new_enrol_code  # noqa: F401 - fixtures
from sync.helpers import add_work, hq_count

from app.models.database import Database, open_database
from app.services.station.identity import NewStation, StationInfo, create_station
from app.settings import Settings
from app.sync.engine import SyncResult, sync
from app.sync.enrolment import enroll, open_client
from app.sync.outcome import write_log
from app.ui import operations
from app.ui.shell.main_window import MainWindow
from app.ui.sync.auto_sync import AutoSyncController
from app.ui.sync.page import SyncPage
from app.ui.widgets import error_dialog
from app.ui.widgets.prompts import answer_prompts

# Screenshots go to docs/ only when asked (STATION_DESK_SCREENSHOTS=1): a test run must
# not modify the work tree.
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(autouse=True)
def presented(qapp, memory_keyring) -> Iterator[list[tuple[object, str, str]]]:  # type: ignore[no-untyped-def]
    calls: list[tuple[object, str, str]] = []
    previous = error_dialog.set_presenter(
        lambda parent, message, detail: calls.append((parent, message, detail))
    )
    yield calls
    error_dialog.set_presenter(previous)
    assert operations.shutdown(10_000), "an operation was still running after the test"
    assert calls == [], "an unexpected error dialog was shown"


@pytest.fixture
def station(db: Database) -> StationInfo:
    with db.begin() as session:
        # HQ's database lives for the module: each test's station needs its own code
        code = f"GZ-UI-{secrets.token_hex(3).upper()}"
        return create_station(
            session, NewStation(code, "天河区中小企业服务站", "天河区", "", "陈晓明")
        )


def enrolled(db: Database, hq_engine: Engine, hq_http: Any, code: str) -> None:
    enroll(db, "http://testserver", new_enrol_code(hq_engine, code), http=hq_http)


def open_page(qtbot, db: Database, controller: AutoSyncController) -> SyncPage:  # type: ignore[no-untyped-def]
    page = SyncPage(db, controller)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.resize(960, 640)
        page.show()
    return page


def test_not_enrolled_shows_how_to_enrol(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db, AutoSyncController(db))
    assert page.views.currentIndex() == 0
    assert "登记码" in page.empty_text.text() and page.enroll_button.isEnabled()


def test_demo_profile_never_syncs(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = SyncPage(db, AutoSyncController(db, enabled=False), demo=True)
    qtbot.addWidget(page)
    page.show()
    assert "永远不会与服务总站同步" in page.empty_text.text()
    assert not page.enroll_button.isEnabled() and not page.sync_button.isEnabled()


def test_enrol_through_the_dialog_then_sync_now(
    qtbot, db, station, hq_engine, hq_http
) -> None:  # type: ignore[no-untyped-def]
    controller = AutoSyncController(db, http_factory=lambda: hq_http)
    page = open_page(qtbot, db, controller)
    page.enroll_button.click()
    dialog = page.enroll_dialog
    dialog.server.setText("http://testserver")
    dialog.code.setText("wrong-code")
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=10_000)
    assert "登记" in dialog.error_label.text() or "HTTP" in dialog.error_label.text()
    dialog.code.setText(new_enrol_code(hq_engine, station.code))
    with (
        answer_prompts(True) as asked,
        qtbot.waitSignal(page.refreshed, timeout=15_000),
    ):
        dialog.ok_button.click()
    assert (
        asked == []
    )  # the memory keyring is secure: no "only until the program closes" warning
    assert page.views.currentIndex() == 1 and page.code_label.text() == station.code

    add_work(db, dialog.result_enrolment.station_id, 3, seed=7)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.sync_button.setFocus()
    with qtbot.waitSignal(controller.sync_finished, timeout=30_000) as finished:
        qtbot.keyClick(page, Qt.Key.Key_F5)
        assert page.progress.isVisible() and page.cancel_button.isVisible()
    assert finished.args[0].completed, finished.args[0].message
    qtbot.waitUntil(
        lambda: page.status is not None and page.status.last is not None, timeout=10_000
    )
    assert page.pending_label.text() == "0 条" and "成功" in page.last_label.text()
    assert "上传" in page.counts_label.text() and not page.progress.isVisible()
    assert (
        hq_count(hq_engine, "tbl = 'enterprise' AND data->>'name' LIKE '企业7-%'") == 3
    )
    shot = page.grab()
    assert not shot.isNull()
    if os.environ.get("STATION_DESK_SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        shot.save(str(SHOTS / "sync_page.png"))


def test_cancel_during_a_long_pull(
    qtbot, db, station, hq_engine, hq_http, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    source = open_database(
        tmp_path / "source.db"
    )  # another station publishes 40 enterprises
    with source.begin() as session:
        create_station(
            session, NewStation("GZ-UI-SOURCE", "越秀区服务站", "越秀区", "", "李文")
        )
    source_id = enroll(
        source,
        "http://testserver",
        new_enrol_code(hq_engine, "GZ-UI-SOURCE"),
        http=hq_http,
    ).station_id
    add_work(source, source_id, 40, seed=9)
    assert sync(source, open_client(source, http=hq_http)).completed
    source.dispose()
    enrolled(db, hq_engine, hq_http, station.code)
    controller = AutoSyncController(db, http_factory=lambda: hq_http)
    controller.page_size = 5
    pulls = 0
    real = hq_http.request

    def counting(method: str, url: Any, **kwargs: Any) -> Any:
        nonlocal pulls
        if str(url).endswith("/v1/pull"):
            pulls += 1
            if pulls == 2:
                controller.cancel()  # from the worker: between pages
        return real(method, url, **kwargs)

    monkeypatch.setattr(hq_http, "request", counting)
    with qtbot.waitSignal(controller.sync_finished, timeout=30_000) as finished:
        assert controller.sync_now()
    assert finished.args[0].completed is False and "取消" in finished.args[0].message
    assert sync(
        db, open_client(db, http=hq_http)
    ).completed  # consistent: the next sync just finishes


def test_only_one_sync_at_a_time_and_timer_triggers(
    qtbot, db, station, hq_engine, hq_http
) -> None:  # type: ignore[no-untyped-def]
    enrolled(db, hq_engine, hq_http, station.code)
    controller = AutoSyncController(db, http_factory=lambda: hq_http)
    with qtbot.waitSignal(controller.sync_finished, timeout=30_000):
        assert controller.sync_now()
        assert controller.is_running() and not controller.sync_now(automatic=True)
    timed = AutoSyncController(db, interval_ms=20, http_factory=lambda: hq_http)
    with qtbot.waitSignal(timed.sync_finished, timeout=30_000) as finished:
        timed.start(delay_ms=60_000)
    assert finished.args[0].completed
    timed.stop()
    assert "成功" in timed.status_text()


def test_offline_is_quiet_on_the_status_bar(
    qtbot, db, station, hq_engine, hq_http
) -> None:  # type: ignore[no-untyped-def]
    enrolled(db, hq_engine, hq_http, station.code)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    closed = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5)
    window = MainWindow(db, "default", station, Settings())
    qtbot.addWidget(window)
    window.auto_sync.http_factory = lambda: closed
    with qtbot.waitSignal(window.auto_sync.sync_finished, timeout=30_000) as finished:
        assert window.auto_sync.sync_now(automatic=True)
    closed.close()
    assert not finished.args[0].completed
    assert "离线，稍后重试" in window.sync_label.text()
    assert (
        window.statusBar().currentMessage() == ""
    )  # no shouting, no dialog (checked by `presented`)
    window.close()


def test_last_sync_on_the_status_bar_survives_a_restart(
    qtbot, db, station, hq_engine, hq_http
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(db, "default", station, Settings())
    qtbot.addWidget(window)
    assert window.sync_label.text() == "上次同步：尚未同步"
    window.close()
    enrolled(db, hq_engine, hq_http, station.code)
    assert sync(db, open_client(db, http=hq_http)).completed
    write_log(db.engine, SyncResult(completed=False, message="离线"))  # a later failure does not hide it
    restarted = MainWindow(db, "default", station, Settings())  # a new window, as after a restart
    qtbot.addWidget(restarted)
    assert restarted.auto_sync.last_result is None  # nothing synced in this run yet
    text = restarted.sync_label.text()
    assert text.startswith("上次同步：") and text.endswith("成功") and "尚未同步" not in text
    assert restarted.auto_sync.logged_success is not None
    restarted.close()


def test_conflicts_reported_by_hq_are_listed_per_sync(
    qtbot, db, station, hq_engine, hq_http, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from app.models import Enterprise

    enrolled(db, hq_engine, hq_http, station.code)
    other = open_database(tmp_path / "other.db")
    try:
        with other.begin() as session:
            create_station(session, NewStation(f"GZ-UI-{secrets.token_hex(3).upper()}", "越秀区服务站", "越秀区", "", "李文"))
        other_id = enroll(other, "http://testserver", new_enrol_code(hq_engine, session_code(other)),
                          http=hq_http).station_id
        with other.begin() as s:
            firm = Enterprise(name="冲突测试企业有限公司", station_id=other_id, district="越秀区")
            s.add(firm)
            s.flush()
            firm_id = firm.id
        assert sync(other, open_client(other, http=hq_http)).completed
        assert sync(db, open_client(db, http=hq_http)).completed  # this station now has the firm
        with other.begin() as s:  # both edit the phone without hearing of the other's edit
            s.get(Enterprise, firm_id).contact_phone = "020-11111111"
        with db.begin() as s:
            s.get(Enterprise, firm_id).contact_phone = "020-22222222"
        assert sync(other, open_client(other, http=hq_http)).completed
        mine = sync(db, open_client(db, http=hq_http))
        assert mine.completed and mine.conflicts == 1, mine
    finally:
        other.dispose()
    page = open_page(qtbot, db, AutoSyncController(db))
    assert page.status is not None and [c.conflicts for c in page.status.conflicted] == [1]
    model = page.conflicts.model()
    assert model.rowCount() == 1 and model.index(0, 1).data() == "1"
    assert model.index(0, 0).data().startswith(str(page.status.conflicted[0].finished_at.astimezone().year))
    page.lists.setCurrentIndex(1)  # the 冲突 tab
    assert not page.no_conflicts.isVisibleTo(page)
    assert not page.conflicts.isVisibleTo(page)  # the counts list gives way to the details
    assert "服务总站的冲突记录" in page.conflicts_detail.text()
    with db.sessions() as s:
        effective = s.scalar(select(Enterprise.contact_phone).where(Enterprise.id == firm_id))
    assert effective in ("020-11111111", "020-22222222")
    # field by field: time, 企业, 字段, 本站的值, 生效的值, who won
    listed = page.conflict_list.model()
    assert page.conflict_list.isVisibleTo(page) and listed.rowCount() == 1
    cells = [listed.index(0, col).data() for col in range(1, 6)]
    mine_won = effective == "020-22222222"
    assert cells[:4] == ["冲突测试企业有限公司", "联系电话", "020-22222222", effective]
    assert cells[4] == "本站" if mine_won else cells[4].startswith("其他服务站 GZ-UI-")
    page.conflict_filter.setText("没有这个值")
    assert listed.rowCount() == 0 and page.no_conflict_match.isVisibleTo(page)
    page.conflict_filter.setText("联系电话")
    assert listed.rowCount() == 1 and not page.no_conflict_match.isVisibleTo(page)
    if os.environ.get("STATION_DESK_SCREENSHOTS") == "1":
        page.resize(1000, 700)
        page.grab().save("/tmp/sync_page_conflicts.png")


def test_counts_only_from_an_older_hq_are_listed_per_sync(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    from app.models import ProfileMeta

    with db.begin() as s:
        s.add_all([ProfileMeta(key="sync_server", value="https://hq.example"),
                   ProfileMeta(key="sync_station_code", value=station.code)])
    write_log(db.engine, SyncResult(completed=True, pushed=40, conflicts=2, message="同步完成。"))
    page = open_page(qtbot, db, AutoSyncController(db, enabled=False))
    page.lists.setCurrentIndex(1)
    assert page.status is not None and page.status.conflicts == []
    assert page.conflicts.isVisibleTo(page) and page.conflicts.model().index(0, 1).data() == "2"
    assert not page.conflict_list.isVisibleTo(page) and not page.no_conflicts.isVisibleTo(page)


def test_conflicted_syncs_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from app.sync.status import ConflictedSync
    from app.ui.item_models.conflicted_syncs_model import ConflictedSyncsModel

    model = ConflictedSyncsModel()
    model.set_rows([ConflictedSync(datetime(2026, 11, 5, 2, 30, tzinfo=UTC), 3, 1200), ConflictedSync(None, 1, 4)])
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 1).data() == "3" and model.index(0, 2).data() == "1,200" and model.index(1, 0).data() == ""


def test_sync_conflicts_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from app.sync.status import Conflict
    from app.ui.item_models.sync_conflicts_model import SORT_ROLE, SyncConflictsModel

    rid = "0192f0c1-0000-7000-8000-000000000001"
    model = SyncConflictsModel()
    model.set_rows([
        Conflict(datetime(2026, 11, 5, 2, 30, tzinfo=UTC), "enterprise", rid, "广州示例科技有限公司", "contact_phone",
                 "联系电话", "020-1", "020-2", "GZ-YX-002", "station"),
        Conflict(None, "enterprise", rid, "", "address", "地址", "", "总部地址", "hq", "station"),
        Conflict(None, "enterprise", rid, "甲公司", "name", "企业名称", "甲", "甲", "station", "hq"),
    ])
    qtmodeltester.check(model, force_py=True)
    assert [model.index(0, c).data() for c in range(1, 6)] == [
        "广州示例科技有限公司", "联系电话", "020-1", "020-2", "其他服务站 GZ-YX-002"]
    assert model.index(1, 1).data() == "（本机没有这家企业）" and model.index(1, 3).data() == "（空）"
    assert model.index(1, 5).data() == "服务总站" and model.index(2, 5).data() == "本站"
    assert model.index(0, 0).data(SORT_ROLE).startswith("2026-11-05") and model.index(1, 0).data() == ""


def session_code(db: Database) -> str:
    from app.services.station.identity import current_station

    with db.sessions() as session:
        info = current_station(session)
        assert info is not None
        return info.code
