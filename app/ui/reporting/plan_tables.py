"""The plan's two tables in the report editor: its targets and its events by month, with
添加活动 / 删除所选活动 and editors for month (1–12), form (catalogue) and theme."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import EVENT_TYPES, THEME_MONTHS
from app.domain.report_sections import PLAN_INDICATORS
from app.services.reporting.drafts import PlannedEvent
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.item_models.report_plan_models import PlannedEventsModel, TargetsModel

Index = QModelIndex | QPersistentModelIndex
_ROW_HEIGHT = 28


class PlannedEventDelegate(QStyledItemDelegate):
    """Month as a 1–12 spin box, the form from the catalogue, the theme from the theme months
    (or typed: HQ may publish others).  The name uses the default editor."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() == 0:
            spin = QSpinBox(parent)
            spin.setRange(1, 12)
            spin.setSuffix(QCoreApplication.translate("ReportEditor", "月"))
            return spin
        if index.column() in (1, 3):
            combo = QComboBox(parent)
            choices = EVENT_TYPES if index.column() == 1 else {"": "", **THEME_MONTHS}
            for code, label in choices.items():
                combo.addItem(shown(label), code)
            combo.setEditable(index.column() == 3)
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QSpinBox):
            editor.setValue(value if isinstance(value, int) else 1)
        elif isinstance(editor, QComboBox):
            found = editor.findData(value)
            if found >= 0:
                editor.setCurrentIndex(found)
            else:
                editor.setEditText(str(value or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QSpinBox):
            model.setData(index, editor.value())
        elif isinstance(editor, QComboBox):
            text = editor.currentText().strip()
            found = editor.findText(text)
            model.setData(index, editor.itemData(found) if found >= 0 else text)
        else:
            super().setModelData(editor, model, index)


class PlanTables(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.targets = TargetsModel(self)
        self.targets_view = QTableView()
        self.targets_view.setModel(self.targets)
        self.targets_view.verticalHeader().hide()
        self.targets_view.verticalHeader().setDefaultSectionSize(_ROW_HEIGHT)
        self.targets_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.targets_view.setColumnWidth(1, 140)
        header = self.targets_view.horizontalHeader().sizeHint().height()
        self.targets_view.setFixedHeight(header + self.targets.rowCount() * _ROW_HEIGHT + 2 * self.targets_view.frameWidth() + 2)

        self.events = PlannedEventsModel(self)
        self.events_view = QTableView()
        self.events_view.setModel(self.events)
        self.events_view.setItemDelegate(PlannedEventDelegate(self.events_view))
        self.events_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.events_view.setMinimumHeight(180)
        for column, width in enumerate((70, 110, 260)):
            self.events_view.setColumnWidth(column, width)
        self.events_view.horizontalHeader().setStretchLastSection(True)
        for signal in (self.events.rowsInserted, self.events.rowsRemoved, self.events.modelReset):
            signal.connect(self._update_empty)
        self.targets.edited.connect(self.edited)
        self.events.edited.connect(self.edited)
        self.add_button = QPushButton(self.tr("添加活动"))
        self.add_button.clicked.connect(self.add_event)
        self.remove_button = QPushButton(self.tr("删除所选活动"))
        self.remove_button.clicked.connect(self.remove_event)
        self.empty = QLabel(self.tr("还没有计划活动。点击“添加活动”按月份列出全年的培训、沙龙、讲座等。"))
        self.empty.setStyleSheet(f"color: {theme.TEXT_MUTED};")

        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("<b>" + self.tr("全年活动计划") + "</b>"))
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>" + self.tr("年度工作目标") + "</b>"))
        layout.addWidget(self.targets_view)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.events_view)

    def set_plan(self, targets: dict[str, float], events: tuple[PlannedEvent, ...]) -> None:
        self.targets.set_targets(targets)
        self.events.set_events(events)

    def set_read_only(self, read_only: bool) -> None:
        self.targets.set_read_only(read_only)
        self.events.set_read_only(read_only)
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)

    def commit_open_cell(self) -> None:
        """A cell still being edited (Ctrl+S without leaving it) goes into the model first."""
        focus = QApplication.focusWidget()
        for view in (self.targets_view, self.events_view):
            if focus is not None and focus.parent() is view.viewport():
                view.commitData(focus)

    def focus_field(self, parts: list[str]) -> None:
        """Select the cell a ValidationError's field names (targets.x, planned_events.n.y)."""
        keys = list(PLAN_INDICATORS)
        if parts[0] == "targets" and len(parts) > 1 and parts[1] in keys:
            self.targets_view.setCurrentIndex(self.targets.index(keys.index(parts[1]), 1))
            self.targets_view.setFocus()
        elif parts[0] == "planned_events" and len(parts) > 1 and parts[1].isdigit():
            self.events_view.selectRow(int(parts[1]))
            self.events_view.setFocus()

    def _update_empty(self) -> None:
        self.empty.setVisible(self.events.rowCount() == 0)

    def add_event(self) -> None:
        row = self.events.rowCount()
        if self.events.insertRows(row, 1):
            index = self.events.index(row, 2)
            self.events_view.setCurrentIndex(index)
            self.events_view.edit(index)

    def remove_event(self) -> None:
        rows = {i.row() for i in self.events_view.selectionModel().selectedRows()}
        rows = rows or {self.events_view.currentIndex().row()} - {-1}
        for row in sorted(rows, reverse=True):
            self.events.removeRows(row, 1)
