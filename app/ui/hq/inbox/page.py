"""报送审阅: the submitted reports (open, accept, return) and the 督促 list, as two tabs.
F5 (the window's) refreshes the tab shown."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.hqdesk.client import HqDeskClient
from app.ui.hq.inbox.reminders_tab import RemindersTab
from app.ui.hq.inbox.submissions_tab import SubmissionsTab
from app.ui.hq.pages import DeskUser


class InboxPage(QWidget):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submissions = SubmissionsTab(client, user, self)
        self.reminders = RemindersTab(client, user, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.submissions, self.tr("报送"))
        self.tabs.addTab(self.reminders, self.tr("督促名单"))
        self.tabs.currentChanged.connect(lambda _: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.submissions.refresh()

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, (SubmissionsTab, RemindersTab)):
            current.refresh()
