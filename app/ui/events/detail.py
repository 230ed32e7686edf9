"""The selected event under the 活动 list: what, when, where, who came, the policies a
briefing explains, and its materials (add a file, open it, remove it)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.periods import CHINA_TIME
from app.models.database import Database
from app.services.events import materials as event_materials
from app.services.events.choices import PolicyChoice
from app.services.events.edits import EventDetail
from app.services.events.listing import EventRow
from app.services.events.materials import MaterialRow
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.db_operations import DbContext, read_in_background, with_context, write_in_background
from app.ui.widgets.prompts import confirm


@dataclass(frozen=True)
class Selected:
    detail: EventDetail
    materials: list[MaterialRow]
    policies: list[PolicyChoice]  # the briefing's policies, in its order


class EventDetailPanel(QFrame):
    shown = Signal(object)  # Selected | None
    materials_changed = Signal()
    said = Signal(str)  # a line for the page's info bar

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.selected: Selected | None = None
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.setObjectName("eventDetail")
        self.setStyleSheet(f"#eventDetail {{ background: {theme.DETAIL_BACKGROUND};"
                           f" border: 1px solid {theme.DETAIL_BORDER}; border-radius: 4px; }}")
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.materials = QListWidget()
        self.materials.setWordWrap(True)
        self.materials.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.materials.itemDoubleClicked.connect(lambda _i: self.open_material())
        self.add_button = QPushButton(self.tr("添加材料…"))
        self.open_button = QPushButton(self.tr("打开"))
        self.remove_button = QPushButton(self.tr("删除材料"))
        # buttons stacked beside the list keep the panel narrow enough for a small screen
        buttons = QVBoxLayout()
        for button, slot in ((self.add_button, self.choose_material), (self.open_button, self.open_material),
                             (self.remove_button, self.remove_material)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        files = QHBoxLayout()
        files.addWidget(self.materials, 1)
        files.addLayout(buttons)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("活动材料")))
        side.addLayout(files)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 3)
        layout.addLayout(side, 2)
        self.show_event(None)

    @property
    def folder(self) -> Path:
        return event_materials.materials_dir_for(self._db.path)  # made on first use, not at start-up

    def show_event(self, selected: Selected | None, row: EventRow | None = None, theme_label: str = "") -> None:
        self.selected = selected
        own = selected is not None and selected.detail.own
        self.add_button.setEnabled(own)
        self.remove_button.setEnabled(own)
        self.open_button.setEnabled(selected is not None)
        self.materials.clear()
        if selected is None:
            self.text.setText(self.tr("在列表中选择一场活动，查看详情和材料。"))
            self.shown.emit(None)
            return
        self.text.setText(self._html(selected, row, theme_label))
        for material in selected.materials:
            item = QListWidgetItem(f"{material.file_name}　（{material.size_label}）")
            item.setData(Qt.ItemDataRole.UserRole, material.id)
            self.materials.addItem(item)
        if not selected.materials:
            placeholder = QListWidgetItem(self.tr("还没有材料。可添加签到表、课件、照片等，每个不超过20 MB。"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.materials.addItem(placeholder)
        self.shown.emit(selected)

    def _html(self, selected: Selected, row: EventRow | None, theme_label: str) -> str:
        d = selected.detail
        start, end = d.starts_at.astimezone(CHINA_TIME), d.ends_at.astimezone(CHINA_TIME)
        same_day = start.date() == end.date()
        span = f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}" if same_day else f"{start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}"
        dot = self.tr("　·　")  # wide spaces in Chinese, plain ones in English
        kinds = [shown(d.type_label)] + ([shown(theme_label)] if theme_label else [])
        lines = [f"<b style='font-size:15px'>{escape(d.title)}</b>", escape(dot.join([*kinds, span]))]
        facts = [(self.tr("地点"), escape(d.venue)), (self.tr("主办"), escape(d.organiser)),
                 (self.tr("合作机构"), escape(d.partners)), (self.tr("主讲嘉宾"), escape(d.speakers))]
        if row is not None and row.id == d.id:
            counts = (self.tr("报名 %1 家 · 签到 %2 家 · 现场未报名 %3 人").replace("%1", str(row.registered))
                      .replace("%2", str(row.checked_in)).replace("%3", str(row.walk_in_count)))
            facts.append((self.tr("到场"), counts))
        facts.append((self.tr("宣贯政策"), "；".join(escape(p.title) for p in selected.policies)))
        facts.append((self.tr("满意度"), f"{d.satisfaction:.1f}" if d.satisfaction is not None else ""))
        label_of = self.tr("%1：")  # the colon after a label, as the language writes it
        lines += [f"<span style='color:{theme.TEXT_MUTED}'>{label_of.replace('%1', label)}</span>{value}"
                  for label, value in facts if value]
        text = d.summary or d.description
        if text:
            more = "…" if len(text) > 300 else ""
            lines.append(f"<span style='color:{theme.TEXT_BODY}'>{escape(text[:300])}{more}</span>")
        # selectable, so it can be copied into `station-desk report attendance --event …`
        number = self.tr("编号：%1").replace("%1", d.id.hex)  # out of the f-string: lupdate reads only plain calls
        lines.append(f"<span style='color:{theme.TEXT_SMALL_PRINT}; font-size:11px'>{number}</span>")
        return "<br>".join(lines)

    # -- materials ---------------------------------------------------------------------------
    def _material_id(self) -> uuid.UUID | None:
        item = self.materials.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return data if isinstance(data, uuid.UUID) else None

    def choose_material(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("选择活动材料"))
        if path:
            self.attach_file(Path(path))

    def attach_file(self, path: Path) -> None:
        if self.selected is None:
            return
        folder, event_id = self.folder, self.selected.detail.id

        def done(material: MaterialRow) -> None:
            self.said.emit(self.tr("已添加材料：%1").replace("%1", material.file_name))
            self.materials_changed.emit()

        write_in_background(self, self._db, lambda s: event_materials.attach(s, folder, event_id, path),
                            title=self.tr("添加材料"), show_progress=True, on_success=done)

    def open_material(self) -> None:
        material_id, folder = self._material_id(), self.folder
        if material_id is None:
            return
        read_in_background(self, self._db, lambda s: event_materials.file_path(s, folder, material_id),
                           on_success=lambda path: self.open_url(QUrl.fromLocalFile(str(path))))

    def remove_material(self) -> None:
        material_id, folder = self._material_id(), self.folder
        item = self.materials.currentItem()
        if material_id is None or item is None:
            return
        if not confirm(self, self.tr("删除材料"), self.tr("删除材料“%1”？").replace("%1", item.text()), destructive=True):
            return

        def work(session: Any, ctx: DbContext) -> None:
            copy = event_materials.remove(session, material_id, folder)
            ctx.after_commit(lambda: event_materials.discard_file(copy))  # committed: the copy can go

        write_in_background(self, self._db, with_context(work), on_success=lambda _r: self.materials_changed.emit())
