"""The pick-lists the front-desk forms share (categories, staff, institutions, experts),
read once off the GUI thread and put into combo boxes."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from app.models.database import Database
from app.services import references
from app.services.references import Choice
from app.settings import CURRENT_STAFF_ID, Settings
from app.ui.catalogue_names import shown
from app.ui.db_operations import read_in_background


@dataclass(frozen=True)
class PickLists:
    categories: dict[str, str] = field(default_factory=dict)
    staff: list[Choice] = field(default_factory=list)
    institutions: list[Choice] = field(default_factory=list)
    experts: list[Choice] = field(default_factory=list)

    def staff_name(self, staff_id: uuid.UUID | None) -> str:
        return next((c.label for c in self.staff if c.id == staff_id), "")


def _read_pick_lists(session: Any, today: date) -> PickLists:
    return PickLists(
        references.categories(session),
        references.staff_choices(session, today),
        references.institution_choices(session),
        references.expert_choices(session),
    )


def load_pick_lists(parent: QWidget, db: Database, today: date, done: Callable[[PickLists], None]) -> None:
    read_in_background(parent, db, lambda session: _read_pick_lists(session, today), on_success=done)


def fill_combo(combo: QComboBox, items: list[tuple[str, object]], *, keep: bool = True, whole: bool = False) -> None:
    """Replace the items (label, data), keeping the current choice when it is still offered.
    `whole`: the box grows to its longest label (a filter beside a stretching search box)."""
    if whole:  # "数字化转!" was a filter four characters wide
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    else:  # in a form, long labels (人力资源与人才, long staff names) must not widen the window
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(4)
    current = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    for label, data in items:
        combo.addItem(shown(label), data)
    combo.setCurrentIndex(combo.findData(current) if current is not None else -1)
    combo.blockSignals(False)


def select_data(combo: QComboBox, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data) if data is not None else -1)


def current_staff_id() -> uuid.UUID | None:
    """The staff member this desk is set to (设置 → current_staff_id), if any."""
    raw = Settings().get(CURRENT_STAFF_ID)
    try:
        return uuid.UUID(raw) if raw else None
    except ValueError:
        return None
