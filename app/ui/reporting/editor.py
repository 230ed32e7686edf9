"""Editor of one written report (annual summary, plan or information report): a text box per
section, for a plan its targets and events, the status with 提交服务总站…/重新编辑, and the draft
saved by itself — a few seconds after typing stops, on Ctrl+S (the page) and when the page
is left.  Every save carries the version last loaded, so a clash is reported, not lost."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.domain.periods import CHINA_TIME
from app.models.database import Database
from app.reports import submission
from app.services.reporting import drafts as report_drafts
from app.services.reporting.drafts import Draft, ReportText
from app.services.station.file_store import UploadState
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.db_operations import read_in_background, write_in_background, write_now
from app.ui.reporting.plan_tables import PlanTables
from app.ui.service_messages import shown_message
from app.ui.widgets.error_dialog import show_error
from app.ui.widgets.prompts import confirm, inform

AUTOSAVE_MS = 3000
log = logging.getLogger(__name__)


@dataclass
class _Job:
    action: str  # save / submit / reopen / flush (wait for the writes before it)
    key: int | str
    draft: Draft
    text: ReportText | None
    edits: int
    then: Callable[[Draft], None] | None


def _call(action: str, session: Any, draft: Draft, text: ReportText | None, profile_dir: Path) -> Draft:
    if action == "reopen":
        if draft.kind == "info":
            return report_drafts.reopen_info(session, draft.period, draft.version)
        return report_drafts.reopen_annual(session, draft.year, draft.kind, draft.version)
    text = text or ReportText()
    if action == "submit":  # the PDF HQ receives is rendered now, in the same transaction
        key = draft.period if draft.kind == "info" else draft.year
        return submission.submit(session, profile_dir, draft.kind, key, text, draft.version).draft
    if draft.kind == "info":
        return report_drafts.save_info(session, draft.period, text, draft.version)
    return report_drafts.save_annual(session, draft.year, draft.kind, text, draft.version)


class ReportEditor(QWidget):
    saved = Signal(object)  # Draft, after every successful save, submit or re-open
    loaded = Signal(object)  # Draft

    def __init__(self, db: Database, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self.kind = db, kind
        self.key: int | str | None = None  # year (annual) or period (info) shown
        self.draft: Draft | None = None
        self._edits = 0  # bumped by every change; a save clears dirty only if none came since
        self._saved_edits = 0
        self._loading = False
        self._busy = False
        self._stale = False  # changed elsewhere (another window, a sync): reload before editing on
        self._queue: list[_Job] = []
        self._latest: dict[tuple[str, int, str], Draft] = {}
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.status_label = QLabel()
        self.submit_button = QPushButton(self.tr("提交服务总站…"))
        self.submit_button.clicked.connect(self.submit)
        self.reopen_button = QPushButton(self.tr("重新编辑"))
        self.reopen_button.clicked.connect(self.reopen)
        self.reload_button = QPushButton(self.tr("重新读取"))
        self.reload_button.clicked.connect(self.reload)
        self.reload_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.heading)
        status_row.addStretch(1)
        for widget in (self.status_label, self.reload_button, self.reopen_button, self.submit_button):
            status_row.addWidget(widget)
        self.review = QLabel()
        self.review.setWordWrap(True)
        self.review.setStyleSheet(f"background: {theme.NOTICE_BACKGROUND}; border: 1px solid {theme.NOTICE_BORDER};"
                                  f" padding: 6px; color: {theme.NOTICE_TEXT};")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {theme.ERROR};")
        self.error_label.hide()

        body = QWidget()
        form = QVBoxLayout(body)
        form.setContentsMargins(0, 0, 8, 0)
        self.texts: dict[str, QPlainTextEdit] = {}
        for key, heading in report_drafts.sections_of(kind).items():
            title = shown(heading)
            box = self.texts[key] = QPlainTextEdit()
            box.setPlaceholderText(self.tr("请填写%1").replace("%1", title))
            box.setMinimumHeight(96)
            box.setTabChangesFocus(True)
            box.textChanged.connect(self._changed)
            form.addWidget(QLabel(f"<b>{title}</b>"))
            form.addWidget(box)
        self.plan: PlanTables | None = None
        if kind == "plan":
            self.plan = PlanTables()
            self.plan.edited.connect(self._changed)
            form.addWidget(self.plan)
        form.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(status_row)
        layout.addWidget(self.review)
        layout.addWidget(self.error_label)
        layout.addWidget(scroll, 1)
        self._show_status()

    # -- state ----------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self._edits != self._saved_edits

    def _changed(self) -> None:
        if self._loading:
            return
        self._edits += 1
        self._autosave.start()

    def text(self) -> ReportText:
        narrative = {key: box.toPlainText() for key, box in self.texts.items()}
        if self.plan is None:
            return ReportText(narrative)
        return ReportText(narrative, self.plan.targets.targets(), self.plan.events.events())

    def open(self, key: int | str, heading: str) -> None:
        """Show the report for `key` (year or period), saving pending edits of the one shown."""
        if key == self.key and self.draft is not None and not self._stale:
            return
        self.save_now()
        self.key, self.draft, self._stale = key, None, False
        self.heading.setText(heading)
        self._set_error("")
        self._fill(None)
        kind = self.kind

        def read(session: Any) -> Draft:
            if kind == "info":
                return report_drafts.load_info(session, str(key))
            return report_drafts.load_annual(session, int(key), kind)

        def arrived(draft: Draft) -> None:
            newer = self._latest.get((draft.kind, draft.year, draft.period))
            if newer is not None and (newer.version or 0) > (draft.version or 0):
                draft = newer  # read before our own save finished
            if self.key == key:
                self._fill(draft)
                self.loaded.emit(draft)

        read_in_background(self, self._db, read, on_success=arrived, on_failure=self._failed)

    def _fill(self, draft: Draft | None) -> None:
        self.draft = draft
        self._loading = True
        try:
            for key, box in self.texts.items():
                box.setPlainText(draft.narrative.get(key, "") if draft else "")
            if self.plan is not None:
                self.plan.set_plan(draft.targets if draft else {}, draft.planned_events if draft else ())
        finally:
            self._loading = False
        self._edits = self._saved_edits = 0
        self._show_status()

    def _show_status(self) -> None:
        draft = self.draft
        editable = draft is not None and draft.editable
        for box in self.texts.values():
            box.setReadOnly(not editable)
        if self.plan is not None:
            self.plan.set_read_only(not editable)
        self.reload_button.setVisible(self._stale)
        self.submit_button.setVisible(draft is not None and draft.can_submit and not self._stale)
        self.reopen_button.setVisible(draft is not None and draft.can_reopen)
        if draft is None:
            self.status_label.setText(self.tr("正在读取…"))
        elif draft.status == "submitted" and draft.submitted_at is not None:
            when = draft.submitted_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
            self.status_label.setText(self.tr("状态：已提交（%1），内容不能再修改").replace("%1", when))
        else:
            self.status_label.setText(self.tr("状态：%1").replace("%1", shown(draft.status_label)))
        pdf = draft.pdf_upload if draft is not None and draft.status != "draft" else None
        if pdf is not None and pdf.state != "none":
            self.status_label.setText(self.status_label.text() + self._pdf_text(pdf))
        comment = draft.review_comment if draft is not None and draft.status in ("returned", "draft") else ""
        self.review.setText(self.tr("服务总站退回意见：%1").replace("%1", comment))
        self.review.setVisible(bool(comment))

    def _pdf_text(self, pdf: UploadState) -> str:
        """How the submitted PDF's trip to HQ goes (app/sync/files.py)."""
        if pdf.state == "sent":
            return self.tr("；PDF 已交服务总站（第 %1 版）").replace("%1", str(pdf.version or 1))
        if pdf.state == "refused":
            return self.tr("；PDF 服务总站未接收：%1").replace("%1", shown_message(pdf.message))
        return self.tr("；PDF 等待同步上传")

    # -- saving -----------------------------------------------------------------------
    # Writes go through a queue, one at a time: each takes the version the previous one
    # returned, so Ctrl+S during an autosave (or submit right after typing) never clashes
    # with our own save.
    def save_now(self, then: Callable[[Draft], None] | None = None) -> None:
        """Save the draft in the background if it changed; `then(draft)` once everything
        queued so far is stored (at once if nothing is)."""
        if self.plan is not None:
            self.plan.commit_open_cell()
        self._autosave.stop()
        draft = self.draft
        if draft is not None and draft.editable and self.dirty and not self._stale:
            self._enqueue("save", then)
        elif then is not None and draft is not None:
            self._enqueue("flush", then)

    def save_blocking(self) -> None:
        """The window is closing: save on this thread, because a queued save would be
        cancelled by the shutdown that follows.  A refusal is only logged (nobody to tell)."""
        if self.plan is not None:
            self.plan.commit_open_cell()
        self._autosave.stop()
        draft = self.draft
        if draft is None or not draft.editable or not self.dirty or self._stale:
            return
        ident = (draft.kind, draft.year, draft.period)
        latest, text = self._latest.get(ident, draft), self.text()
        try:
            saved = write_now(self._db, lambda s: _call("save", s, latest, text, self._db.path.parent))
        except UserError as exc:
            log.warning("draft %s not saved on close: %s", ident, exc.message)
            return
        self.draft, self._latest[ident], self._saved_edits = saved, saved, self._edits

    def _enqueue(self, action: str, then: Callable[[Draft], None] | None = None) -> None:
        assert self.draft is not None and self.key is not None
        text = self.text() if action in ("save", "submit") else None
        self._queue.append(_Job(action, self.key, self.draft, text, self._edits, then))
        self._pump()

    def _pump(self) -> None:
        if self._busy or not self._queue:
            return
        job = self._queue.pop(0)
        ident = (job.draft.kind, job.draft.year, job.draft.period)
        latest = self._latest.get(ident, job.draft)  # the version our previous save returned
        if job.action == "flush":
            if job.then is not None:
                job.then(latest)
            self._pump()
            return
        self._busy = True

        def done(draft: Draft) -> None:
            self._busy = False
            self._latest[ident] = draft
            if self.key == job.key:
                status_changed = self.draft is None or draft.status != self.draft.status
                self.draft, self._saved_edits = draft, job.edits
                self._set_error("")
                if status_changed:
                    self._fill(draft)
                else:
                    self._show_status()
                self.saved.emit(draft)
            if job.then is not None:
                job.then(draft)
            self._pump()

        def failed(exc: BaseException) -> None:
            self._busy = False
            dropped = [j for j in self._queue if j.key == job.key]  # they would fail the same way
            self._queue = [j for j in self._queue if j.key != job.key]
            if self.key == job.key or not isinstance(exc, UserError):
                self._stale = isinstance(exc, UserError) and exc.message == report_drafts.STALE
                self._failed(exc, focus=job.action == "submit")
                self._show_status()
                if isinstance(exc, UserError) and any(j.then for j in [job, *dropped]):
                    # someone (预览/打印) was waiting for this save: say why nothing follows
                    inform(self, self.tr("草稿未能保存"), self.tr("%1：%2\n请改正后再试。").replace("%1", self.heading.text())
                           .replace("%2", shown_message(exc)))
            else:
                show_error(self, self.tr("之前编辑的报告未能保存：%1").replace("%1", shown_message(exc)), "")
            self._pump()

        write_in_background(self, self._db, lambda s: _call(job.action, s, latest, job.text, self._db.path.parent),
                            on_success=done, on_failure=failed)

    def _failed(self, exc: BaseException, *, focus: bool = False) -> None:
        if isinstance(exc, UserError):
            self._set_error(shown_message(exc))
            if focus:  # not on an autosave: the cursor stays where the user is typing
                self._focus_field(exc.field or "")
            return
        show_error(self, self.tr("报告未能保存或读取。请重试；如果问题仍然存在，请点击“复制调试信息”并发给技术支持。"),
                   "".join(traceback.format_exception(exc)))

    def _set_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _focus_field(self, field: str) -> None:
        parts = field.split(".")
        if parts[0] == "narrative" and len(parts) > 1 and parts[1] in self.texts:
            self.texts[parts[1]].setFocus()
        elif self.plan is not None:
            self.plan.focus_field(parts)

    def reload(self) -> None:
        """After a clash: show what is stored now (the text typed here since is dropped)."""
        if self.key is not None:
            self._stale = True
            self._edits = self._saved_edits
            self.open(self.key, self.heading.text())

    def submit(self) -> None:
        draft = self.draft
        if draft is None or not draft.can_submit:
            return
        title = self.tr("提交服务总站")
        text = self.tr("提交后“%1”不能再修改（服务总站退回后可重新编辑）。确定提交吗？").replace("%1", self.heading.text())
        if confirm(self, title, text):
            self._autosave.stop()
            self._enqueue("submit")

    def reopen(self) -> None:
        draft = self.draft
        if draft is not None and draft.can_reopen:
            self._enqueue("reopen")
