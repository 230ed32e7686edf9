"""What a sync reports (result, progress, cancellation) and the broken variants tests use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine

from app.sync.client import SyncError

# progress(phase, done, total): phase is hello / push / files / pull / check / repair
Progress = Callable[[str, int, int | None], None]


class SyncCancelled(SyncError):
    def __init__(self) -> None:
        super().__init__("同步已取消，已完成的部分已保存，下次同步会继续。")


@dataclass
class Faults:
    """Test-only: broken variants the tests must catch, and crash points."""

    clear_all_on_ack: bool = False
    cursor_apart: bool = False
    between_page_and_cursor: Callable[[], None] | None = None


@dataclass
class SyncResult:
    completed: bool = False
    pushed: int = 0
    pulled: int = 0
    rejected: int = 0
    conflicts: int = 0
    seconds: float = 0.0
    message: str = ""
    bootstrapped: bool = False
    repaired: list[str] = field(default_factory=list)
    round_trips: int = 0
    files_sent: int = 0  # files uploaded to HQ (app/sync/files.py)
    files_refused: int = 0

    def summary(self) -> str:
        return (
            f"pushed={self.pushed} pulled={self.pulled} rejected={self.rejected} "
            f"conflicts={self.conflicts} seconds={self.seconds:.2f}"
        )


def write_log(engine: Engine, result: SyncResult) -> None:
    """One row in sync_log: the 同步 page shows the last result."""
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO sync_log(started_at, finished_at, completed, pushed, pulled, rejected, conflicts, message) "
            "VALUES (strftime('%Y-%m-%d %H:%M:%f000', 'now', ?), strftime('%Y-%m-%d %H:%M:%f000', 'now'), "
            "?, ?, ?, ?, ?, ?)",
            (f"-{result.seconds:.3f} seconds", int(result.completed), result.pushed, result.pulled,
             result.rejected, result.conflicts, result.message),
        )
