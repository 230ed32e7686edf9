"""The one entry point the UI and the command line use: `build_report`.

Reads everything in one session (one snapshot, one cut-off time), lays the report out
with ReportLab in the shipped CJK font and writes `out` atomically.  Bad input raises
ValidationError with a Chinese message; cancelling raises ReportCancelled; in both
cases `out` is left as it was.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain.errors import ValidationError
from app.models.database import Database
from app.reports import builders
from app.reports.document import ReportCancelled
from app.reports.styles import PAGE_SIZES

__all__ = ["KINDS", "ReportCancelled", "ReportInfo", "build_report"]

KINDS: dict[str, str] = {
    "signage": "服务站标识牌",
    "annual": "年度服务工作总结和下一年度服务工作计划",
    "info": "定期信息报送",
    "attendance": "活动签到表",
    "event_summary": "活动总结",
}


@dataclass(frozen=True)
class ReportInfo:
    path: Path
    pages: int
    cutoff: datetime  # aware, China time: when the data were read
    title: str
    # Said before printing: empty sections (printed as 无), planned events, missing contacts.
    warnings: tuple[str, ...] = ()


def build_report(
    db: Database,
    kind: str,
    out: Path,
    *,
    year: int | None = None,
    period: str | None = None,
    event_id: uuid.UUID | None = None,
    size: str = "A4",
    qr: bool = True,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    now: datetime | None = None,
) -> ReportInfo:
    """Build one report into `out` (a .pdf path in an existing folder).

    kind: "signage" (size "A4"/"A3", `qr`), "annual" (`year`), "info" (`period`, e.g.
    "2026-Q3" or "2026-09"), "attendance" and "event_summary" (`event_id`).
    `progress(done, 100)` is called from the calling thread (reading the data takes the
    first 40); `cancelled()` is polled between data steps and after every laid-out block.
    `now` (tests) replaces the clock: the data cut-off, after which events are planned.
    """
    if kind not in KINDS:
        raise ValidationError(f"报表类型：“{kind}”无效，可选 {'、'.join(KINDS)}。", "kind")
    if size not in PAGE_SIZES:
        raise ValidationError("纸张：请选择 A4 或 A3。", "size")
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise ValidationError(f"输出文件：“{out.name}”不是 .pdf 文件，请以 .pdf 结尾。", "out")
    if not out.parent.is_dir():
        raise ValidationError(f"输出文件：文件夹“{out.parent}”不存在，请先创建或另选位置。", "out")
    if kind in ("attendance", "event_summary") and event_id is None:
        raise ValidationError("活动：请选择一场活动（活动编号）。", "event_id")
    job = builders.Job(out, size, progress, cancelled, now)
    with db.begin() as session:
        if kind == "signage":
            result = builders.signage(session, job, qr=qr)
        elif kind == "annual":
            result = builders.annual(session, job, year)
        elif kind == "info":
            result = builders.info(session, job, period)
        elif kind == "attendance":
            result = builders.attendance(session, job, event_id)  # type: ignore[arg-type]
        else:
            result = builders.event_summary(session, job, event_id)  # type: ignore[arg-type]
    return ReportInfo(out, result.pages, result.cutoff, result.title, result.warnings)
