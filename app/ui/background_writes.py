"""A user's write (delete, restore, a note) as the pages run it: one transaction, on the
serial worker so writes never overlap, without a progress dialog (they are quick)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QWidget

from app.models.database import Database
from app.ui.operations import OpContext, run_in_background
from app.ui.widgets.prompts import confirm

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")


def write_in_background(parent: QWidget, db: Database, write: Callable[[Session], T], *,
                        on_success: Callable[[T], None], on_failure: Callable[[BaseException], None] | None = None,
                        title: str = "") -> None:
    """Run write(session) in one transaction off the GUI thread, then on_success(its result)."""

    def work(_ctx: OpContext) -> T:
        with db.begin() as session:
            return write(session)

    run_in_background(parent, work, serial=True, show_progress=False, title=title,
                      on_success=on_success, on_failure=on_failure)


def delete_confirmed(parent: QWidget, db: Database, title: str, question: str, write: Callable[[Session], T], *,
                     on_success: Callable[[T], None], on_failure: Callable[[BaseException], None] | None = None,
                     progress_title: str = "") -> bool:
    """Ask `question` (a destructive confirmation titled `title`); if the user agrees, delete
    with write(session) as above.  False when the user said no."""
    if not confirm(parent, title, question, destructive=True):
        return False
    write_in_background(parent, db, write, on_success=on_success, on_failure=on_failure, title=progress_title)
    return True
