"""帮助 → 键盘快捷键 (F1): every key the window and the page on screen answer to, read from the
widgets themselves, so the sheet never lists a key that no longer works or misses a new one.

Where a key comes from:
- the window's actions with a shortcut (menus, page switching): their text;
- the page's visible buttons: their own shortcut, or the key their label shows ("新增 (Ctrl+N)",
  a key the page handles itself); the label without the key describes it;
- the page's `QShortcut`s: their `whatsThis()`, set where each is made (`describe`). One without a
  description is left out; tests/ui/test_shortcut_sheet.py checks that none is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui import theme

# A key shown at the end of a label: "保存 (Enter)", "刷新（F5）", "预览 (Ctrl+P)…".
_KEY_WORDS = r"(?:Ctrl|Alt|Shift|F\d{1,2}|Enter|Esc|Del|Delete|Return|Tab)"
_HINT = re.compile(r"\s*[(（]((?:" + _KEY_WORDS + r")[^()（）]*)[)）]\s*(?:…|\.\.\.)?\s*$")


@dataclass(frozen=True)
class Entry:
    keys: str  # as the user reads them, e.g. "Ctrl+N"
    what: str


def describe(shortcut: QShortcut, text: str) -> QShortcut:
    """Give `shortcut` the words the sheet shows for it (already translated)."""
    shortcut.setWhatsThis(text)
    return shortcut


def _plain(text: str) -> str:
    """A label without its mnemonic, its key hint and its trailing ellipsis."""
    text = re.sub(r"\(&\w\)", "", text)
    text = re.sub(r"&(&|(?=\S))", lambda m: m.group(1), text)  # "&&" is "&", "&E" is "E", "A & B" stays
    text = _HINT.sub("", text)
    return text.rstrip("…. ").strip()


def _keys(sequence: QKeySequence) -> str:
    """The keys as printed on a keyboard and in the labels ("Enter", "Del", "Ctrl+N"): Return and
    the keypad's Enter are one key to a user."""
    text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
    return "Enter" if text == "Return" else text


def window_entries(window: QWidget) -> list[Entry]:
    """The keys of the window itself: its actions (menus included) and its own QShortcuts."""
    actions = list(window.actions())
    if isinstance(window, QMainWindow):
        actions += [a for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()]
    entries = []
    for action in actions:
        if not action.shortcut().isEmpty() and action.isEnabled():
            entries.append(Entry(_keys(action.shortcut()), action.whatsThis() or _plain(action.text())))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.parent() is window and shortcut.isEnabled() and shortcut.whatsThis():
            entries.append(Entry(_keys(shortcut.key()), shortcut.whatsThis()))
    return _unique(entries)


def page_entries(page: QWidget) -> list[Entry]:
    """The keys of one page: its visible buttons' and its described QShortcuts'."""
    entries = []
    for button in page.findChildren(QAbstractButton):
        if not button.isVisibleTo(page) or not button.text():
            continue
        if not button.shortcut().isEmpty():
            entries.append(Entry(_keys(button.shortcut()), _plain(button.text())))
        elif match := _HINT.search(button.text()):
            entries.append(Entry(match.group(1).strip(), _plain(button.text())))
    for shortcut in page.findChildren(QShortcut):
        owner = shortcut.parent()
        if shortcut.isEnabled() and shortcut.whatsThis() and isinstance(owner, QWidget) and \
                (owner is page or owner.isVisibleTo(page)):
            entries.append(Entry(_keys(shortcut.key()), shortcut.whatsThis()))
    return _unique(entries)


def undescribed(widget: QWidget) -> list[str]:
    """QShortcuts under `widget` the sheet cannot list (no description): for the test."""
    return [_keys(s.key()) for s in widget.findChildren(QShortcut) if not s.whatsThis()]


def _unique(entries: list[Entry]) -> list[Entry]:
    """One line a key, the first found: a button's own words before a list's general ones."""
    seen: set[str] = set()
    kept = []
    for entry in entries:
        if entry.keys and entry.keys not in seen:
            seen.add(entry.keys)
            kept.append(entry)
    return kept


class ShortcutSheet(QDialog):
    """The sheet: the page's keys first, then the window's."""

    def __init__(self, window: QWidget, page: QWidget | None, page_title: str) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("键盘快捷键"))
        sections = []
        if page is not None:
            sections.append((self.tr("本页：%1").replace("%1", page_title), page_entries(page)))
        sections.append((self.tr("整个窗口"), window_entries(window)))
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("按键"), self.tr("作用")])
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for title, entries in sections:
            self._heading(title)
            if not entries:
                self._row("", self.tr("（没有）"))
            for entry in entries:
                self._row(entry.keys, entry.what)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 480)

    def _heading(self, title: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(title)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setForeground(QColor(theme.TEXT_ON_ACCENT))
        item.setBackground(QColor(theme.ACCENT))
        self.table.setItem(row, 0, item)
        self.table.setSpan(row, 0, 1, 2)

    def _row(self, keys: str, what: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(keys))
        self.table.setItem(row, 1, QTableWidgetItem(what))

    def rows(self) -> list[tuple[str, str]]:
        """What the sheet shows, row by row (headings as (title, ""))."""
        out = []
        for row in range(self.table.rowCount()):
            first, second = self.table.item(row, 0), self.table.item(row, 1)
            out.append((first.text() if first else "", second.text() if second else ""))
        return out


def show_sheet(window: QWidget, page: QWidget | None, page_title: str) -> ShortcutSheet:
    sheet = ShortcutSheet(window, page, page_title)
    sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    sheet.show()
    return sheet
