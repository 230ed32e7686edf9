"""The one place the UI opens database sessions (after Anki's CollectionOp and QueryOp).

A page hands over a function of a session; it runs off the GUI thread in one transaction and
the result comes back on the GUI thread:

    read_in_background(self, db, lambda s: service.get(s, ident), on_success=self.show_row)
    write_in_background(self, db, lambda s: service.delete(s, ident, version), on_success=self.deleted)

* A read runs in one transaction that is rolled back at the end (it must not write); reads
  run in parallel on the worker pool.
* A write runs in one transaction, committed when the function returns and rolled back when
  it raises; writes run on the single serial worker, so they never overlap.
* Progress and cancel: wrap the function in `with_context(lambda s, ctx: ...)`; `ctx` has
  progress(done, total, text), cancelled, raise_if_cancelled() and, for a read that splits
  across two threads, second_session() (closed by the helper when the function returns).
* Outcomes, errors and parent-deleted handling are those of app.ui.operations.

read_now / write_now do the same synchronously, for code that already runs on a worker (the
lazy table models' loaders) or before the event loop shows anything (startup, the wizard).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from app.models.database import Database
from app.ui.operations import OpContext, Operation, run_in_background
from app.ui.widgets.prompts import confirm

T = TypeVar("T")


class DbContext:
    """What a `with_context` function gets besides its session: progress, cancel, a second read session."""

    def __init__(self, db: Database, op: OpContext | None, extra: ExitStack) -> None:
        self._db, self._op, self._extra = db, op, extra
        self.committed: list[Callable[[], None]] = []

    def progress(self, done: int, total: int, text: str = "") -> None:
        if self._op is not None:
            self._op.progress(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._op is not None and self._op.cancelled

    def raise_if_cancelled(self) -> None:
        if self._op is not None:
            self._op.raise_if_cancelled()

    def second_session(self) -> Session:
        """Another read session of the same database, for work split across two threads."""
        return self._extra.enter_context(_reading(self._db))

    def after_commit(self, func: Callable[[], None]) -> None:
        """Run func on the worker once the write has committed (e.g. delete a file the row pointed to)."""
        self.committed.append(func)


@dataclass(frozen=True)
class WithContext(Generic[T]):
    func: Callable[[Session, DbContext], T]


SessionWork = Callable[[Session], T] | WithContext[T]


def with_context(func: Callable[[Session, DbContext], T]) -> WithContext[T]:
    """Mark a function that also wants progress, cancel or a second session."""
    return WithContext(func)


@contextmanager
def _reading(db: Database) -> Iterator[Session]:
    with db.sessions() as session:  # autobegins one transaction; closing rolls it back
        yield session


def _read(db: Database, work: SessionWork[T], op: OpContext | None) -> T:
    with ExitStack() as extra, _reading(db) as session:
        return work.func(session, DbContext(db, op, extra)) if isinstance(work, WithContext) else work(session)


def _write(db: Database, work: SessionWork[T], op: OpContext | None) -> T:
    with ExitStack() as extra:
        context = DbContext(db, op, extra)
        with db.begin() as session:
            result = work.func(session, context) if isinstance(work, WithContext) else work(session)
    for func in context.committed:
        func()
    return result


def read_now(db: Database, work: SessionWork[T]) -> T:
    """Run a read here and now (on a worker already, or at startup)."""
    return _read(db, work, None)


def write_now(db: Database, work: SessionWork[T]) -> T:
    """Run a write here and now, in one transaction (startup and the first-run wizard only)."""
    return _write(db, work, None)


def read_in_background(parent: QWidget | None, db: Database, work: SessionWork[T], *,
                       on_success: Callable[[T], None] | None = None,
                       on_failure: Callable[[BaseException], None] | None = None,
                       title: str = "", show_progress: bool = False, cancellable: bool = True) -> Operation:
    """Run work(session) in a read transaction on the worker pool, then on_success(result)."""
    return run_in_background(parent, lambda op: _read(db, work, op), on_success=on_success, on_failure=on_failure,
                             title=title, show_progress=show_progress, cancellable=cancellable)


def write_in_background(parent: QWidget | None, db: Database, work: SessionWork[T], *,
                        on_success: Callable[[T], None] | None = None,
                        on_failure: Callable[[BaseException], None] | None = None,
                        title: str = "", show_progress: bool = False, cancellable: bool = True) -> Operation:
    """Run work(session) in one committed transaction on the serial worker, then on_success(result)."""
    return run_in_background(parent, lambda op: _write(db, work, op), on_success=on_success, on_failure=on_failure,
                             title=title, show_progress=show_progress, cancellable=cancellable, serial=True)


def delete_confirmed(parent: QWidget, db: Database, title: str, question: str, work: SessionWork[T], *,
                     on_success: Callable[[T], None], on_failure: Callable[[BaseException], None] | None = None,
                     progress_title: str = "") -> bool:
    """Ask `question` (a destructive confirmation titled `title`); if the user agrees, delete
    with work(session) as write_in_background does.  False when the user said no."""
    if not confirm(parent, title, question, destructive=True):
        return False
    write_in_background(parent, db, work, on_success=on_success, on_failure=on_failure, title=progress_title)
    return True
