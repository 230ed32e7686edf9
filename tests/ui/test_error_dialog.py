"""Error dialog, excepthooks and the prompt service."""

from __future__ import annotations

import logging
import platform
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app import __version__
from app.domain.errors import UserError
from app.ui.widgets import error_dialog, prompts
from app.ui.widgets.error_dialog import ErrorDialog, install_excepthooks, show_error


@pytest.fixture
def presented(qapp) -> Iterator[list[tuple[object, str, str]]]:  # type: ignore[no-untyped-def]
    calls: list[tuple[object, str, str]] = []
    previous = error_dialog.set_presenter(lambda parent, message, detail: calls.append((parent, message, detail)))
    yield calls
    error_dialog.set_presenter(previous)


@contextmanager
def excepthooks_installed() -> Iterator[None]:
    # Restored inside the test body, not by monkeypatch: pytest and pytest-qt swap their own
    # hooks in and out around each test phase, and must get theirs back first.
    saved = sys.excepthook, threading.excepthook
    install_excepthooks()
    try:
        yield
    finally:
        sys.excepthook, threading.excepthook = saved


def test_show_error_goes_to_presenter(presented) -> None:  # type: ignore[no-untyped-def]
    show_error(None, "保存失败", "Traceback ...")
    assert presented == [(None, "保存失败", "Traceback ...")]


def test_dialog_shows_message_first_and_details_on_request(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ErrorDialog(None, "无法连接到总部服务器", "Traceback (most recent call last):\n  boom")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "出错了"
    assert dialog.message_label.text() == "无法连接到总部服务器"
    assert not dialog.detail_view.isVisible()
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.detail_view.isVisible()
    assert "boom" in dialog.detail_view.toPlainText()
    assert dialog.details_button.text() == "隐藏详细信息"

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    for part in ("无法连接到总部服务器", "boom", __version__, platform.platform()):
        assert part in copied


def test_default_presenter_opens_modal_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ErrorDialog)
        seen.append(dialog.message_label.text())
        dialog.accept()

    QTimer.singleShot(0, close_it)
    show_error(None, "导出失败", "detail")
    assert seen == ["导出失败"]


def test_failing_presenter_does_not_recurse(capsys) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []

    def broken(parent: object, message: str, detail: str) -> None:
        calls.append(message)
        show_error(None, "nested", "")  # an error while presenting is not shown again
        raise RuntimeError("presenter broke")

    previous = error_dialog.set_presenter(broken)
    try:
        show_error(None, "原始错误", "")
    finally:
        error_dialog.set_presenter(previous)
    assert calls == ["原始错误"]
    assert "原始错误" in capsys.readouterr().err


def test_thread_exception_reaches_presenter_via_threading_excepthook(qtbot, presented, caplog) -> None:  # type: ignore[no-untyped-def]
    def crash() -> None:
        raise UserError("同步数据包已损坏")

    with excepthooks_installed(), caplog.at_level(logging.ERROR):
        worker = threading.Thread(target=crash, name="sync-worker")
        worker.start()
        worker.join(5)
        qtbot.waitUntil(lambda: len(presented) == 1, timeout=3000)
    assert not worker.is_alive()
    parent, message, detail = presented[0]
    assert parent is None
    assert message == "同步数据包已损坏"
    assert "UserError" in detail
    assert any(r.exc_info and r.exc_info[0] is UserError for r in caplog.records)


def test_sys_excepthook_reaches_presenter(presented, caplog) -> None:  # type: ignore[no-untyped-def]
    with excepthooks_installed(), caplog.at_level(logging.ERROR):
        try:
            raise KeyError("enterprise_id")
        except KeyError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    [(_, message, detail)] = presented
    assert message.startswith("程序遇到意外错误")
    assert "KeyError" in detail
    assert any(r.exc_info and r.exc_info[0] is KeyError for r in caplog.records)


@pytest.mark.qt_no_exception_capture
def test_exception_in_qt_slot_reaches_presenter(qtbot, presented) -> None:  # type: ignore[no-untyped-def]
    def slot() -> None:
        raise UserError("报表模板缺失")

    with excepthooks_installed():
        QTimer.singleShot(0, slot)
        qtbot.waitUntil(lambda: len(presented) == 1, timeout=3000)
    assert presented[0][1] == "报表模板缺失"


def test_answer_prompts_records_and_answers() -> None:
    with prompts.answer_prompts(False) as asked:
        assert prompts.confirm(None, "删除企业", "确定删除？", destructive=True) is False
        prompts.inform(None, "完成", "已导出")
    assert [(p.kind, p.title, p.destructive) for p in asked] == [("confirm", "删除企业", True), ("inform", "完成", False)]
    with prompts.answer_prompts(True):
        assert prompts.confirm(None, "保存", "保存修改？") is True


@pytest.mark.parametrize(("destructive", "default"), [(True, "取消"), (False, "确定")])
def test_confirm_box_buttons_and_default(qtbot, destructive: bool, default: str) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def inspect_and_click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["buttons"] = sorted(b.text() for b in box.findChildren(QPushButton))
        seen["default"] = box.defaultButton().text()
        ok = next(b for b in box.buttons() if b.text() == "确定")
        ok.click()

    QTimer.singleShot(0, inspect_and_click)
    previous = prompts.set_prompt_handler(None)  # the real message box, not conftest's guard
    try:
        assert prompts.confirm(None, "删除", "删除这条服务记录？", destructive=destructive) is True
    finally:
        prompts.set_prompt_handler(previous)
    assert seen == {"buttons": ["取消", "确定"], "default": default}
