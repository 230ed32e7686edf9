from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from app.domain.errors import UserError
from app.ui import operations
from app.ui.operations import OpContext, OperationCancelled, run_in_background
from app.ui.widgets import error_dialog


@pytest.fixture(autouse=True)
def presented(qapp) -> Iterator[list[tuple[object, str, str]]]:  # type: ignore[no-untyped-def]
    calls: list[tuple[object, str, str]] = []
    previous = error_dialog.set_presenter(lambda parent, message, detail: calls.append((parent, message, detail)))
    yield calls
    error_dialog.set_presenter(previous)
    assert operations.shutdown(5000), "an operation was still running after the test"
    assert not [t for t in threading.enumerate() if t.name.startswith("op-")]


@pytest.fixture
def window(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_success_runs_on_gui_thread_with_result(qtbot, qapp, window) -> None:  # type: ignore[no-untyped-def]
    threads: dict[str, object] = {}
    results: list[int] = []

    def work(ctx: OpContext) -> int:
        threads["work"] = QThread.currentThread()
        return 42

    def done(result: int) -> None:
        threads["success"] = QThread.currentThread()
        results.append(result)

    op = run_in_background(window, work, on_success=done)
    assert op.is_running()
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert results == [42]
    assert threads["success"] is qapp.thread()
    assert threads["work"] is not qapp.thread()
    assert not op.is_running()


def test_failure_goes_to_on_failure(qtbot, window, presented) -> None:  # type: ignore[no-untyped-def]
    failures: list[BaseException] = []
    succeeded: list[object] = []

    def work(ctx: OpContext) -> None:
        raise ValueError("boom")

    op = run_in_background(window, work, on_success=succeeded.append, on_failure=failures.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert [type(e) for e in failures] == [ValueError]
    assert succeeded == [] and presented == []


def test_user_error_without_handler_reaches_presenter(qtbot, window, presented) -> None:  # type: ignore[no-untyped-def]
    def work(ctx: OpContext) -> None:
        raise UserError("统一社会信用代码格式不正确")

    op = run_in_background(window, work)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert len(presented) == 1
    parent, message, detail = presented[0]
    assert parent is window
    assert message == "统一社会信用代码格式不正确"
    assert "Traceback" in detail and "UserError" in detail


def test_unexpected_error_gets_generic_chinese_message(qtbot, window, presented) -> None:  # type: ignore[no-untyped-def]
    op = run_in_background(window, lambda ctx: 1 / 0)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    [(_, message, detail)] = presented
    assert message.startswith("操作未能完成")
    assert "ZeroDivisionError" in detail


def test_cancel_stops_loop_and_finished_fires_once(qtbot, window, presented) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    outcomes: list[object] = []
    finished: list[int] = []

    def work(ctx: OpContext) -> str:
        started.set()
        while not ctx.cancelled:
            pass
        ctx.raise_if_cancelled()
        return "not reached"

    op = run_in_background(window, work, on_success=outcomes.append, show_progress=False)
    op.finished.connect(lambda: finished.append(1))
    assert started.wait(5)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.cancel()
    assert operations.wait_for_all(1000)
    assert finished == [1]
    assert outcomes == [] and presented == []  # cancelled without on_failure: silent


def test_cancel_reaches_on_failure_when_given(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    failures: list[BaseException] = []

    def work(ctx: OpContext) -> None:
        release.wait(5)
        ctx.raise_if_cancelled()

    op = run_in_background(window, work, on_failure=failures.append, show_progress=False)
    op.cancel()
    with qtbot.waitSignal(op.finished, timeout=5000):
        release.set()
    assert [type(e) for e in failures] == [OperationCancelled]


def test_progress_in_order_and_throttled(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[int, int, str]] = []
    elapsed: list[float] = []
    total = 20_000

    def work(ctx: OpContext) -> None:
        start = time.monotonic()
        for i in range(1, total + 1):
            ctx.progress(i, total, f"第 {i} 条")
        elapsed.append(time.monotonic() - start)

    op = run_in_background(window, work, show_progress=False)
    op.progressed.connect(lambda d, t, s: seen.append((d, t, s)))
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    done = [d for d, _, _ in seen]
    assert done == sorted(done) and len(set(done)) == len(done)
    assert seen[-1] == (total, total, f"第 {total} 条")  # the last update is never dropped
    # First call emits at once, then at most one per 50 ms, plus the final flush.
    assert len(seen) <= 2 + elapsed[0] / 0.05 + 1
    assert len(seen) < total / 10


def test_serial_ops_run_one_at_a_time_in_order(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    events: list[tuple[str, int]] = []
    workers: set[int] = set()
    release = threading.Event()

    def job(n: int):  # type: ignore[no-untyped-def]
        def work(ctx: OpContext) -> None:
            events.append(("start", n))
            workers.add(threading.get_ident())
            if n == 0:
                release.wait(5)  # the others are queued behind this one meanwhile
            events.append(("end", n))

        return work

    ops = [run_in_background(window, job(n), serial=True, show_progress=False) for n in range(4)]
    # A parallel (read) job is not held up by the blocked serial queue.
    with qtbot.waitSignal(run_in_background(window, lambda ctx: None, show_progress=False).finished, timeout=5000):
        pass
    assert all(op.is_running() for op in ops)
    with qtbot.waitSignal(ops[-1].finished, timeout=5000):
        release.set()
    assert events == [(kind, n) for n in range(4) for kind in ("start", "end")]
    assert len(workers) == 1


def test_progress_dialog_appears_for_slow_job_and_cancel_button_cancels(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    failures: list[BaseException] = []

    def work(ctx: OpContext) -> None:
        ctx.progress(3, 10, "正在导入企业名录")
        while not ctx.cancelled:
            pass
        ctx.raise_if_cancelled()

    op = run_in_background(window, work, title="导入", on_failure=failures.append)
    assert window.findChild(QProgressDialog) is None  # not before the 400 ms delay

    def dialog() -> QProgressDialog | None:
        found = window.findChild(QProgressDialog)
        return found if found is not None and found.isVisible() else None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=3000)
    progress = dialog()
    assert progress is not None
    qtbot.waitUntil(lambda: progress.value() == 3 and progress.labelText() == "正在导入企业名录", timeout=3000)
    assert progress.maximum() == 10
    [button] = [b for b in progress.findChildren(QPushButton) if b.text() == "取消"]
    with qtbot.waitSignal(op.finished, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [type(e) for e in failures] == [OperationCancelled]
    qtbot.waitUntil(lambda: dialog() is None, timeout=3000)


def test_quick_job_shows_no_dialog(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    op = run_in_background(window, lambda ctx: None)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    qtbot.wait(500)  # past the 400 ms delay: the timer must find the job already done
    assert window.findChild(QProgressDialog) is None


def test_deleted_parent_gets_no_callback_and_no_crash(qtbot) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    results: list[object] = []
    parent = QWidget()
    parent.show()
    op = run_in_background(parent, lambda ctx: release.wait(5), on_success=results.append)
    shiboken6.delete(parent)
    with qtbot.waitSignal(op.finished, timeout=5000):
        release.set()
    assert results == []

