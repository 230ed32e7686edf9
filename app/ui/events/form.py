"""The event form (新建/编辑活动).  It saves itself off the GUI thread; a refused save shows
the service's message under the form, focuses the field it names, and saves nothing.
A policy briefing (政策宣贯会) shows the policy list to tick the policies it explains."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from app.domain.catalogue import EVENT_TYPES
from app.domain.errors import ValidationError
from app.domain.periods import CHINA_TIME
from app.models.database import Database
from app.services.events import edits as events
from app.services.events.choices import PolicyChoice, ThemeChoices
from app.services.events.edits import EventDetail, EventInput
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.widgets.check_list import add_choices, ticked_values
from app.ui.widgets.form_dialog import FormDialog, Work


def to_qt(moment: datetime) -> QDateTime:
    local = moment.astimezone(CHINA_TIME)
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)


def from_qt(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=CHINA_TIME)


class EventForm(FormDialog):
    """saved(EventDetail)."""

    error_outline = f"border: 1px solid {theme.ERROR};"

    def __init__(self, db: Database, detail: EventDetail | None, themes: ThemeChoices,
                 policies: list[PolicyChoice], parent: QWidget | None = None,
                 *, start: datetime | None = None) -> None:
        super().__init__(db, self.tr("编辑活动") if detail else self.tr("新建活动"), parent, min_width=560)
        self._detail = detail
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("例如：研发费用加计扣除政策宣讲会"))
        self.event_type = QComboBox()
        for code, label in EVENT_TYPES.items():
            self.event_type.addItem(shown(label), code)
        self.theme = QComboBox()
        self.theme.addItem(self.tr("（不属于主题月）"), "")
        offered = dict(themes.active)
        if detail and detail.theme and detail.theme not in offered:  # retired by HQ since: keep it
            offered[detail.theme] = themes.labels.get(detail.theme, detail.theme)
        for code, label in offered.items():
            self.theme.addItem(shown(label), code)
        self.starts_at, self.ends_at = self._moment_edit(), self._moment_edit()
        self.venue, self.organiser = QLineEdit(), QLineEdit()
        self.partners, self.speakers = QLineEdit(), QLineEdit()
        self.partners.setPlaceholderText(self.tr("合作的服务机构，用顿号分隔"))
        self.speakers.setPlaceholderText(self.tr("主讲人或嘉宾，用顿号分隔"))
        self.walk_in_count = QLineEdit()
        self.walk_in_count.setPlaceholderText(self.tr("未报名、现场来的人数，没有填0"))
        self.satisfaction = QLineEdit()
        self.satisfaction.setPlaceholderText(self.tr("1–5分，可带一位小数；未调查留空"))
        self.description = self.text_box(3, self.tr("面向哪些企业、讲什么"))
        self.summary = self.text_box(3, self.tr("活动结束后填写：到场情况、企业反馈、后续对接"))
        self.policy_list = QListWidget()
        self.policy_list.setFixedHeight(self.policy_list.fontMetrics().lineSpacing() * 6 + 12)
        chosen = set(detail.policy_ids) if detail else set()
        add_choices(self.policy_list, ((policy.id, policy.label) for policy in policies), chosen)
        self.policy_hint = QLabel(self.tr("政策库里还没有政策；可先保存活动，以后再选。") if not policies else "")
        self.policy_hint.setStyleSheet(f"color: {theme.TEXT_MUTED};")

        self.fields = {
            "title": self.title_edit, "event_type": self.event_type, "theme": self.theme,
            "starts_at": self.starts_at, "ends_at": self.ends_at, "venue": self.venue,
            "organiser": self.organiser, "partners": self.partners, "speakers": self.speakers,
            "policy_ids": self.policy_list, "walk_in_count": self.walk_in_count,
            "satisfaction": self.satisfaction, "description": self.description, "summary": self.summary,
        }
        for name, widget in self.fields.items():
            self.form.addRow(events.FIELD_LABELS[name], widget)
            if name == "policy_ids":
                self.form.addRow("", self.policy_hint)
        self.event_type.currentIndexChanged.connect(self._type_changed)
        self._fill(detail, start)
        self._start = self.starts_at.dateTime()
        self.starts_at.dateTimeChanged.connect(self._start_changed)
        self._type_changed()

    # -- building ---------------------------------------------------------------------
    def _moment_edit(self) -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setCalendarPopup(True)
        return edit

    def _fill(self, detail: EventDetail | None, start: datetime | None) -> None:
        if detail is None:
            begin = start or datetime.now(CHINA_TIME).replace(hour=14, minute=30, second=0, microsecond=0)
            self.starts_at.setDateTime(to_qt(begin))
            self.ends_at.setDateTime(to_qt(begin + timedelta(hours=2)))
            self.walk_in_count.setText("0")
            return
        self.title_edit.setText(detail.title)
        self.event_type.setCurrentIndex(max(0, self.event_type.findData(detail.event_type)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(detail.theme or "")))
        self.starts_at.setDateTime(to_qt(detail.starts_at))
        self.ends_at.setDateTime(to_qt(detail.ends_at))
        for edit, text in ((self.venue, detail.venue), (self.organiser, detail.organiser),
                           (self.partners, detail.partners), (self.speakers, detail.speakers),
                           (self.walk_in_count, str(detail.walk_in_count)),
                           (self.satisfaction, "" if detail.satisfaction is None else f"{detail.satisfaction:g}")):
            edit.setText(text)
        self.description.setPlainText(detail.description)
        self.summary.setPlainText(detail.summary)

    def _type_changed(self) -> None:
        briefing = self.event_type.currentData() == events.POLICY_BRIEFING
        for widget in (self.policy_list, self.policy_hint):
            self.form.setRowVisible(widget, briefing and (widget is self.policy_list or bool(self.policy_hint.text())))

    def _start_changed(self, value: QDateTime) -> None:
        # Moving the start moves the end with it, keeping the event's length (as calendars do).
        moved = self._start.secsTo(value)
        self._start = value
        if moved:
            self.ends_at.setDateTime(self.ends_at.dateTime().addSecs(moved))

    # -- saving -----------------------------------------------------------------------
    def collect(self) -> EventInput:
        return EventInput(
            title=self.title_edit.text(),
            event_type=self.event_type.currentData(),
            starts_at=from_qt(self.starts_at.dateTime()),
            ends_at=from_qt(self.ends_at.dateTime()),
            theme=self.theme.currentData() or None,
            venue=self.venue.text(),
            organiser=self.organiser.text(),
            partners=self.partners.text(),
            speakers=self.speakers.text(),
            walk_in_count=self._number(self.walk_in_count, "walk_in_count", integer=True, default=0),
            satisfaction=self._number(self.satisfaction, "satisfaction", integer=False, default=None),
            description=self.description.toPlainText(),
            summary=self.summary.toPlainText(),
            policy_ids=self.chosen_policies(),
        )

    def chosen_policies(self) -> tuple[uuid.UUID, ...]:
        return ticked_values(self.policy_list)

    def _number(self, edit: QLineEdit, name: str, *, integer: bool, default: int | None) -> int | float | None:
        text = edit.text().strip().replace("，", "").replace(",", "")
        if not text:
            return default
        try:
            return int(text) if integer else float(text)
        except ValueError:
            what = self.tr("整数") if integer else self.tr("数字")
            raise ValidationError(
                self.tr("%1：请填写%2，现在是“%3”。").replace("%1", events.FIELD_LABELS[name])
                .replace("%2", what).replace("%3", text), name,
            ) from None

    def work(self) -> Work:
        data, detail = self.collect(), self._detail
        if detail is None:
            return lambda session: events.create(session, data)
        return lambda session: events.update(session, detail.id, data, detail.version)
