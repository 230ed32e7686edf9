"""匹配企业: the enterprises a policy applies to (a lazy list: up to every enterprise), ticked
one by one or all at once, and 记录已宣传 writing one 政策咨询 record each in the background."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import CHANNELS
from app.domain.errors import UserError
from app.domain.periods import china_today
from app.models.database import Database
from app.services.actor import Actor
from app.services.policies import matching as policy_matching
from app.services.policies.library import PolicyRow
from app.services.policies.matching import MatchResult, RelayResult
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.db_operations import DbContext, read_now, with_context, write_in_background
from app.ui.item_models.policies_model import PolicyMatchModel
from app.ui.operations import OperationCancelled
from app.ui.records.form_fields import parse_day
from app.ui.service_messages import shown_message
from app.ui.widgets.dialog_fit import fit_size
from app.ui.widgets.error_dialog import show_error
from app.ui.widgets.prompts import confirm, inform


class PolicyMatchDialog(QDialog):
    relayed = Signal(object)  # RelayResult

    def __init__(self, db: Database, policy: PolicyRow, actor: Actor, parent: QWidget | None = None,
                 *, today: date | None = None, lock_days: int | None = None) -> None:
        super().__init__(parent)
        self._db, self.policy, self._actor, self._lock_days = db, policy, actor, lock_days
        self._today = today or china_today()
        self.result: MatchResult | None = None
        self.setWindowTitle(self.tr("匹配企业：%1").replace("%1", policy.title))
        fit_size(self, 860, 560)  # no larger than a 1024×600 screen allows
        heading = QLabel(self.tr("《%1》适用范围：%2").replace("%1", policy.title).replace("%2", shown_message(policy.scope_text)))
        heading.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("在匹配结果中搜索企业名称或信用代码"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.select_all = QCheckBox(self.tr("全选"))
        self.select_all.toggled.connect(self._select_all)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.select_all)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)

        self.model = PolicyMatchModel(db, policy.id, self._load_ids, self)
        self.model.ids_loaded.connect(self._counted)
        self.model.dataChanged.connect(lambda *_: self._update_button())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate([260, 170, 170, 60, 80]):
            self.table.setColumnWidth(column, width)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {theme.TEXT_MUTED}; padding: 24px;")
        self.empty_label.hide()

        self.channel = QComboBox()
        for code, label in CHANNELS.items():
            self.channel.addItem(shown(label), code)
        self.channel.setCurrentIndex(self.channel.findData("online"))
        self.service_date = QLineEdit(self._today.isoformat())
        self.service_date.setMaximumWidth(110)
        self.relay_button = QPushButton(self.tr("记录已宣传"))
        self.relay_button.setDefault(True)
        self.relay_button.clicked.connect(self.relay_checked)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        for widget in (QLabel(self.tr("宣传方式")), self.channel, QLabel(self.tr("日期")), self.service_date):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(self.relay_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(bottom)
        self._update_button()
        self.reload()

    # -- the list ----------------------------------------------------------------------
    def _load_ids(self, _key: str | None, _descending: bool) -> Sequence[Hashable]:  # on a worker
        policy_id, on, text = self.policy.id, self._today, self._search_text
        result = read_now(self._db, lambda s: policy_matching.match(s, policy_id, on, text=text))
        self.result = result
        return result.ids

    def reload(self) -> None:
        self._search_text = self.search.text()
        self.model.reload()

    def _counted(self, count: int) -> None:
        result = self.result
        self.count_label.setText(self.tr("匹配 %1 家").replace("%1", f"{count:,}"))
        if result is not None and result.expired:
            text = self.tr("这条政策已失效，不再匹配企业。")
        elif self.search.text().strip():
            text = self.tr("没有符合搜索条件的匹配企业。")
        else:
            text = self.tr("企业库中没有符合这条政策适用范围的在营企业。")
        self.empty_label.setText(text)
        self.empty_label.setVisible(count == 0)
        self.table.setVisible(count > 0)
        if self.select_all.isChecked():
            self._select_all(True)
        self._update_button()

    def _select_all(self, on: bool) -> None:
        self.model.set_checked(self.model.all_ids() if on else [])
        self._update_button()

    def _update_button(self) -> None:
        count = len(self.model.checked)
        self.relay_button.setEnabled(count > 0)
        self.relay_button.setText(self.tr("记录已宣传（%1 家）").replace("%1", f"{count:,}") if count else self.tr("记录已宣传"))

    # -- 记录已宣传 ---------------------------------------------------------------------
    def relay_checked(self) -> None:
        ids = self.model.checked_ids()
        if not ids:
            return
        try:
            day = parse_day(self.service_date.text(), self.tr("日期：请按“2026-07-01”的格式填写。"), "service_date") or self._today
        except UserError as exc:
            show_error(self, exc.message)
            return
        channel = self.channel.currentData()
        text = self.tr("为勾选的 %1 家企业各登记一条“政策咨询”服务记录（%2，%3），说明已宣传《%4》？已宣传过的企业会自动跳过。")
        text = (text.replace("%1", f"{len(ids):,}").replace("%2", day.isoformat())
                .replace("%3", self.channel.currentText()).replace("%4", self.policy.title))
        if not confirm(self, self.tr("记录已宣传"), text):
            return
        policy_id, actor, today, lock_days = self.policy.id, self._actor, self._today, self._lock_days
        label = self.tr("正在登记服务记录…")

        def write(session: Any, ctx: DbContext) -> RelayResult:
            def progress(done: int, total: int) -> None:
                ctx.raise_if_cancelled()  # before commit: nothing is saved
                ctx.progress(done, total, label)

            return policy_matching.relay(session, policy_id, ids, actor, day, channel, today=today,
                                         lock_days=lock_days, progress=progress)

        self.relay_button.setEnabled(False)
        write_in_background(self, self._db, with_context(write), title=self.tr("记录已宣传"), show_progress=True,
                            on_success=self._relayed, on_failure=self._relay_failed)

    def _relayed(self, result: RelayResult) -> None:
        self.model.set_checked([])
        self.select_all.setChecked(False)
        self.reload()
        self.relayed.emit(result)
        inform(self, self.tr("记录已宣传"), result.message)

    def _relay_failed(self, exc: BaseException) -> None:
        self._update_button()
        if isinstance(exc, OperationCancelled):
            return
        if isinstance(exc, UserError):
            show_error(self, exc.message)
        else:
            show_error(self, self.tr("登记失败，请重试。"), repr(exc))
