"""The quick-entry form's fields: layout, filling, reading back, and errors beside a field."""

from __future__ import annotations

import re
import uuid
from datetime import date
from decimal import Decimal, InvalidOperation
from itertools import pairwise

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.domain.catalogue import CHANNELS, FEE_TYPES
from app.domain.errors import UserError, ValidationError
from app.models.database import Database
from app.services.demands.shapes import DemandInput
from app.services.records.validation import MAX_MINUTES, RecordInput
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.enterprises.picker import EnterprisePicker
from app.ui.service_messages import shown_message
from app.ui.widgets.pick_lists import PickLists, current_staff_id, fill_combo, select_data

_DAY = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_day(text: str, message: str, field: str) -> date | None:
    """A typed date (2026-07-01, 2026/7/1, 2026年7月1日); None when empty; else ValidationError(message)."""
    if not text.strip():
        return None
    match = _DAY.match(text)
    try:
        return date(*(int(g) for g in match.groups())) if match else _raise(message, field)
    except ValueError:
        return _raise(message, field)


def _raise(message: str, field: str) -> date:
    raise ValidationError(message, field)


def _uuid(data: object) -> uuid.UUID | None:
    return uuid.UUID(data) if isinstance(data, str) and data else None


class RecordFields(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pick_lists = PickLists()
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        # Created in keyboard order: Tab walks them so.
        self.picker = EnterprisePicker(db)
        self.category, self.channel, self.staff = QComboBox(), QComboBox(), QComboBox()
        self.category.setPlaceholderText(self.tr("请选择"))
        for code, label in CHANNELS.items():
            self.channel.addItem(shown(label), code)
        self.prep_minutes, self.contact_minutes = QSpinBox(), QSpinBox()
        for box in (self.prep_minutes, self.contact_minutes):
            box.setRange(0, MAX_MINUTES)
        self.fee_type, self.fee = QComboBox(), QLineEdit()
        for code, label in FEE_TYPES.items():
            self.fee_type.addItem(shown(label), code)
        self.fee.setPlaceholderText(self.tr("金额（元）"))
        self.fee_type.currentIndexChanged.connect(self._fee_type_changed)
        self.referral, self.satisfaction, self.follow_up = QComboBox(), QSpinBox(), QLineEdit()
        self.satisfaction.setRange(0, 5)
        self.satisfaction.setSpecialValueText(self.tr("未评价"))
        self.follow_up.setPlaceholderText(self.tr("如 2026-07-01，可留空"))
        self.summary, self.outcome = QPlainTextEdit(), QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("咨询了什么、提供了哪些服务（Ctrl+Enter 保存）"))
        self.outcome.setPlaceholderText(self.tr("解决情况、下一步安排"))
        for box in (self.summary, self.outcome):
            box.setTabChangesFocus(True)
            box.setFixedHeight(box.fontMetrics().lineSpacing() * 2 + 14)
        self.demand_check = QCheckBox(self.tr("同时登记需求"))
        self.demand_title, self.demand_category = QLineEdit(), QComboBox()
        self.demand_title.setPlaceholderText(self.tr("需求标题，例如“申请科技型中小企业评价”"))
        self.demand_category.setPlaceholderText(self.tr("需求类别"))
        self.demand_check.toggled.connect(self._demand_toggled)
        self.service_date = QDateEdit()
        self.service_date.setDisplayFormat("yyyy-MM-dd")
        self.service_date.setCalendarPopup(True)
        self.save_button = QPushButton(self.tr("保存（Enter）"))
        self.clear_button = QPushButton(self.tr("清空（Esc）"))
        self.status_label = QLabel()
        self.status_label.setStyleSheet(f"color: {theme.OK};")
        # The desk works by keyboard: the field the cursor jumped to (after a pick: 服务类别) must show.
        self.setStyleSheet(
            "QComboBox:focus, QSpinBox:focus, QDateEdit:focus, QLineEdit:focus, QPlainTextEdit:focus"
            f" {{ border: 2px solid {theme.FOCUS_FRAME}; border-radius: 2px; }}"
        )
        self._layout()

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(16, 12, 16, 8)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.heading, 0, 0, 1, 6)
        fee_box = QHBoxLayout()
        fee_box.addWidget(self.fee_type)
        fee_box.addWidget(self.fee, 1)
        demand_box = QHBoxLayout()
        demand_box.addWidget(self.demand_title, 3)
        demand_box.addWidget(self.demand_category, 1)
        rows: list[list[tuple[str, QWidget | QHBoxLayout, tuple[str, ...], int]]] = [
            [(self.tr("企业"), self.picker, ("enterprise_id",), 3), (self.tr("服务日期"), self.service_date, ("service_date",), 1)],
            [(self.tr("服务类别"), self.category, ("category",), 1), (self.tr("服务方式"), self.channel, ("channel",), 1),
             (self.tr("服务人员"), self.staff, ("staff_id",), 1)],
            [(self.tr("准备（分钟）"), self.prep_minutes, ("prep_minutes",), 1),
             (self.tr("服务（分钟）"), self.contact_minutes, ("contact_minutes",), 1),
             (self.tr("收费"), fee_box, ("fee_type", "fee"), 1)],
            [(self.tr("转介"), self.referral, ("institution_id", "expert_id"), 1),
             (self.tr("满意度"), self.satisfaction, ("satisfaction",), 1), (self.tr("回访日期"), self.follow_up, ("follow_up_on",), 1)],
            [(self.tr("服务内容"), self.summary, ("summary",), 5)],
            [(self.tr("服务结果"), self.outcome, ("outcome",), 5)],
            [("", self.demand_check, (), 1), ("", demand_box, ("demand.title", "demand.category", "demand"), 3)],
        ]
        self.error_labels: dict[str, QLabel] = {}
        for number, row in enumerate(rows):
            column = 0
            for label, widget, fields, span in row:
                r = 1 + number * 2
                if label:
                    grid.addWidget(QLabel(label), r, column)
                target = (r, column + 1, 1, span) if label else (r, column, 1, span + 1)
                if isinstance(widget, QHBoxLayout):
                    grid.addLayout(widget, *target)
                else:
                    grid.addWidget(widget, *target)
                error = QLabel()
                error.setWordWrap(True)
                error.setStyleSheet(f"color: {theme.ERROR};")
                error.hide()
                grid.addWidget(error, r + 1, target[1], 1, target[3])
                for name in fields:
                    self.error_labels[name] = error
                column += span + 1
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.status_label, 1)
        grid.addLayout(buttons, 1 + len(rows) * 2, 0, 1, 6)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        # Widgets joined the layout in grid order; Tab must follow the keyboard order instead.
        chain = [*self.inputs(), self.save_button, self.clear_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def inputs(self) -> list[QWidget]:
        return [self.picker, self.category, self.channel, self.staff, self.prep_minutes, self.contact_minutes,
                self.fee_type, self.fee, self.referral, self.satisfaction, self.follow_up, self.summary,
                self.outcome, self.demand_check, self.demand_title, self.demand_category, self.service_date]

    def field_widget(self, name: str) -> QWidget:
        widgets = {"enterprise_id": self.picker, "service_date": self.service_date, "category": self.category,
                   "channel": self.channel, "staff_id": self.staff, "prep_minutes": self.prep_minutes,
                   "contact_minutes": self.contact_minutes, "fee_type": self.fee_type, "fee": self.fee,
                   "institution_id": self.referral, "expert_id": self.referral, "satisfaction": self.satisfaction,
                   "follow_up_on": self.follow_up, "summary": self.summary, "outcome": self.outcome,
                   "demand.category": self.demand_category}
        return widgets.get(name, self.demand_title if name.startswith("demand") else self.picker)

    def set_pick_lists(self, lists: PickLists) -> None:
        self.pick_lists = lists
        categories = [(label, code) for code, label in lists.categories.items()]
        fill_combo(self.category, categories)
        fill_combo(self.demand_category, categories)
        fill_combo(self.staff, [(c.label, str(c.id)) for c in lists.staff])
        referrals = [(self.tr("不转介"), "")]
        referrals += [(self.tr("机构：%1").replace("%1", c.label), f"institution:{c.id}") for c in lists.institutions]
        referrals += [(self.tr("专家：%1").replace("%1", c.label), f"expert:{c.id}") for c in lists.experts]
        fill_combo(self.referral, referrals)
        self._default_staff()
        if self.referral.currentIndex() < 0:
            self.referral.setCurrentIndex(0)

    def _default_staff(self) -> None:
        if self.staff.currentIndex() < 0 and self.staff.count():
            mine = current_staff_id()
            self.staff.setCurrentIndex(max(0, self.staff.findData(str(mine)) if mine else 0))

    def reset_fields(self, today: date) -> None:
        """Empty for the next visitor; the staff member at the desk stays chosen."""
        self.picker.set_enterprise(None)
        self.service_date.setDate(QDate(today.year, today.month, today.day))
        self.category.setCurrentIndex(-1)
        self.channel.setCurrentIndex(0)
        for widget in (self.prep_minutes, self.contact_minutes, self.satisfaction):
            widget.setValue(0)
        self.fee_type.setCurrentIndex(0)
        self._fee_type_changed()  # no signal when it already was 0
        for line in (self.fee, self.follow_up, self.demand_title):
            line.clear()
        self.referral.setCurrentIndex(0 if self.referral.count() else -1)
        self.summary.clear()
        self.outcome.clear()
        self.demand_check.setChecked(False)
        self._demand_toggled(False)
        self._default_staff()

    def fill(self, data: RecordInput, *, full: bool) -> None:
        """`full` for an edit; otherwise only what last_record_for pre-fills."""
        day = data.service_date
        self.service_date.setDate(QDate(day.year, day.month, day.day))
        select_data(self.category, data.category)
        select_data(self.channel, data.channel)
        self.prep_minutes.setValue(data.prep_minutes)
        self.contact_minutes.setValue(data.contact_minutes)
        select_data(self.fee_type, data.fee_type)
        self._fee_type_changed()
        self.fee.setText("" if data.fee is None else f"{data.fee:f}")
        referral = f"institution:{data.institution_id}" if data.institution_id else ""
        referral = f"expert:{data.expert_id}" if data.expert_id else referral
        self.referral.setCurrentIndex(max(0, self.referral.findData(referral)))
        if full:
            if data.staff_id is not None:
                select_data(self.staff, str(data.staff_id))
            self.summary.setPlainText(data.summary)
            self.outcome.setPlainText(data.outcome)
            self.satisfaction.setValue(data.satisfaction or 0)
            self.follow_up.setText(data.follow_up_on.isoformat() if data.follow_up_on else "")

    def collect(self) -> RecordInput:
        """What was typed, as the service's input; a ValidationError for what cannot even be read."""
        if self.picker.enterprise_id is None:
            raise ValidationError(self.tr("企业：请输入企业名称，并从列表中选择一家企业。"), "enterprise_id")
        fee_text = self.fee.text().strip().replace(",", "").replace("，", "") if self.fee.isEnabled() else ""
        try:
            fee = Decimal(fee_text) if fee_text else None
        except InvalidOperation:
            raise ValidationError(self.tr("收费金额（元）：请填写数字金额，例如“200”或“199.50”。"), "fee") from None
        follow_up = parse_day(
            self.follow_up.text(), self.tr("回访日期：请按“2026-07-01”的格式填写，或留空。"), "follow_up_on"
        )
        kind, _, ref = (self.referral.currentData() or "").partition(":")
        demand = None
        if self.demand_check.isChecked():
            demand = DemandInput(self.demand_title.text(), self.demand_category.currentData() or "")
        return RecordInput(
            enterprise_id=self.picker.enterprise_id,
            service_date=self.service_date.date().toPython(),
            category=self.category.currentData() or "",
            channel=self.channel.currentData() or "",
            prep_minutes=self.prep_minutes.value(),
            contact_minutes=self.contact_minutes.value(),
            fee_type=self.fee_type.currentData() or "",
            fee=fee,
            staff_id=_uuid(self.staff.currentData()),
            institution_id=_uuid(ref) if kind == "institution" else None,
            expert_id=_uuid(ref) if kind == "expert" else None,
            summary=self.summary.toPlainText(),
            outcome=self.outcome.toPlainText(),
            satisfaction=self.satisfaction.value() or None,
            follow_up_on=follow_up,
            create_demand=demand,
        )

    def clear_errors(self) -> None:
        for label in self.error_labels.values():
            label.hide()

    def show_field_error(self, exc: UserError) -> None:
        """The message beside the named field, and the cursor in it."""
        name = exc.field or ""
        label = self.error_labels.get(name) or self.error_labels.get(name.split(".")[0]) or self.error_labels["enterprise_id"]
        label.setText(shown_message(exc))
        label.show()
        self.field_widget(name).setFocus()

    def _fee_type_changed(self) -> None:
        free = self.fee_type.currentData() == "free"
        self.fee.setEnabled(not free)
        if free:
            self.fee.clear()

    def _demand_toggled(self, on: bool) -> None:
        self.demand_title.setEnabled(on)
        self.demand_category.setEnabled(on)
        if on and self.demand_category.currentIndex() < 0:
            self.demand_category.setCurrentIndex(max(0, self.category.currentIndex()))
