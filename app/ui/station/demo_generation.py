"""Filling a station-less demo profile in the background while the window is already up."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.models.database import Database
from app.ui.operations import OpContext, Operation, OperationCancelled, run_in_background
from app.ui.widgets.error_dialog import show_error

log = logging.getLogger(__name__)

DEMO_SEED = 20261127  # the same seed as `station-desk demo-data`: every demo looks alike
DEMO_ENTERPRISES = 500
DEMO_RECORDS = 5000


translate = QCoreApplication.translate  # literal calls, so lupdate finds them


def start_demo_generation(
    parent: QWidget,
    db: Database,
    on_done: Callable[[], None],
    on_progress: Callable[[str], None],
    *,
    show_progress: bool = True,
) -> Operation:
    """Generate the demo data (which also creates the demo station); on_done runs on success."""

    def generate(ctx: OpContext) -> Any:
        # Imported here: the generator is heavy and only a fresh demo profile needs it.
        from app.demo import data as demo_data

        def progress(done: int, total: int) -> None:
            ctx.progress(done, total, translate("DemoGeneration", "正在生成演示数据…"))

        try:
            return demo_data.generate(
                db,
                enterprises=DEMO_ENTERPRISES,
                records=DEMO_RECORDS,
                seed=DEMO_SEED,
                progress=progress,
                cancelled=lambda: ctx.cancelled,
            )
        except Exception:
            # However the generator stops after a cancel request, it is a cancellation, not an error.
            if ctx.cancelled:
                raise OperationCancelled() from None
            raise

    def failed(exc: BaseException) -> None:
        if isinstance(exc, OperationCancelled):
            on_progress(translate("DemoGeneration", "已停止生成演示数据；下次打开演示档案时会重新生成。"))
            return
        log.error("demo data generation failed", exc_info=exc)
        on_progress("")
        message = getattr(exc, "message", "") or translate("DemoGeneration", "生成演示数据时出错，详情已写入日志。")
        show_error(parent, message, "".join(traceback.format_exception(exc)))

    def succeeded(_summary: Any) -> None:
        on_progress("")
        on_done()

    op = run_in_background(
        parent,
        generate,
        on_success=succeeded,
        on_failure=failed,
        title=translate("DemoGeneration", "正在生成演示数据"),
        show_progress=show_progress,
        cancellable=True,
        serial=True,  # writes go through the one serial worker
    )
    op.progressed.connect(
        lambda done, total, _text: on_progress(
            translate("DemoGeneration", "正在生成演示数据… %1%").replace("%1", str(done * 100 // total if total else 0))
        )
    )
    on_progress(translate("DemoGeneration", "正在生成演示数据…"))
    return op
