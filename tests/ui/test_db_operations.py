"""app.ui.db_operations: one transaction per operation, writes committed (or rolled back) and
serialized, reads rolled back, progress, cancel, a second read session, after-commit work."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget

from app.models.station import ProfileMeta
from app.ui import operations
from app.ui.db_operations import (
    DbContext,
    read_in_background,
    read_now,
    with_context,
    write_in_background,
    write_now,
)

pytestmark = pytest.mark.usefixtures("presented")


@pytest.fixture
def window(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _value(session: Any, key: str) -> str | None:
    row = session.get(ProfileMeta, key)
    return row.value if row else None


def _put(session: Any, key: str, value: str) -> str:
    session.add(ProfileMeta(key=key, value=value))
    return value


def test_write_commits_and_result_arrives_on_the_gui_thread(qtbot, qapp, db, window) -> None:  # type: ignore[no-untyped-def]
    got: list[tuple[str, object]] = []
    op = write_in_background(window, db, lambda s: _put(s, "k", "v"),
                             on_success=lambda r: got.append((r, QThread.currentThread())))
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert got == [("v", qapp.thread())]
    assert read_now(db, lambda s: _value(s, "k")) == "v"


def test_a_failed_write_is_rolled_back(qtbot, db, window) -> None:  # type: ignore[no-untyped-def]
    failures: list[BaseException] = []

    def half(session: Any) -> None:
        _put(session, "half", "x")
        session.flush()
        raise ValueError("boom")

    op = write_in_background(window, db, half, on_failure=failures.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert [type(f) for f in failures] == [ValueError]
    assert read_now(db, lambda s: _value(s, "half")) is None


def test_a_read_never_commits(qtbot, db, window) -> None:  # type: ignore[no-untyped-def]
    op = read_in_background(window, db, lambda s: _put(s, "read", "x"))
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert read_now(db, lambda s: _value(s, "read")) is None


def test_writes_are_serialized_on_one_thread_in_order(qtbot, db, window) -> None:  # type: ignore[no-untyped-def]
    threads: list[str] = []

    def write(session: Any, key: str) -> None:
        threads.append(threading.current_thread().name)
        _put(session, key, str(len(threads)))

    for key in ("a", "b", "c"):
        write_in_background(window, db, lambda s, k=key: write(s, k))
    assert operations.wait_for_all(10_000)
    assert len(threads) == 3 and len(set(threads)) == 1 and threads[0].startswith("op-serial")
    assert read_now(db, lambda s: [_value(s, k) for k in "abc"]) == ["1", "2", "3"]


def test_with_context_reports_progress_and_sees_a_cancel(qtbot, db, window) -> None:  # type: ignore[no-untyped-def]
    started, stop = threading.Event(), threading.Event()
    progress: list[tuple[int, int, str]] = []
    failures: list[BaseException] = []

    def read(session: Any, ctx: DbContext) -> None:
        ctx.progress(1, 2, "half")
        started.set()
        stop.wait(5)
        ctx.raise_if_cancelled()

    op = read_in_background(window, db, with_context(read), on_failure=failures.append)
    op.progressed.connect(lambda *args: progress.append(args))
    assert started.wait(5)
    op.cancel()
    stop.set()
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert progress == [(1, 2, "half")]
    assert [type(f) for f in failures] == [operations.OperationCancelled]


def test_second_session_is_another_session_and_closed_after(db) -> None:  # type: ignore[no-untyped-def]
    seen: list[Any] = []

    def read(session: Any, ctx: DbContext) -> bool:
        other = ctx.second_session()
        seen.append(other)
        return other is not session and _value(other, "missing") is None

    assert read_now(db, with_context(read)) is True
    assert not seen[0].in_transaction()  # closed by the helper


def test_after_commit_runs_only_after_the_commit(db) -> None:  # type: ignore[no-untyped-def]
    seen: list[str | None] = []

    def write(session: Any, ctx: DbContext) -> None:
        _put(session, "file", "gone")
        ctx.after_commit(lambda: seen.append(read_now(db, lambda s: _value(s, "file"))))

    write_now(db, with_context(write))
    assert seen == ["gone"]  # another session already sees the row: it had committed

    def failing(session: Any, ctx: DbContext) -> None:
        ctx.after_commit(lambda: seen.append("ran"))
        raise ValueError("no commit")

    with pytest.raises(ValueError):
        write_now(db, with_context(failing))
    assert seen == ["gone"]

