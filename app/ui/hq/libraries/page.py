"""资源库 (HQ mode): the five libraries HQ keeps for the network (convention duty 三), edited
here instead of as JSON files — 服务机构, 专家, 政策, 选项, 企业库 and 企业审核.  Every role
reads; staff edit.  A tab reads from HQ the first time it is shown; F5 reads it again."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.domain.catalogue import SERVICE_CATEGORIES
from app.hqdesk.client import HqDeskClient
from app.ui.catalogue_names import shown
from app.ui.hq.libraries.enterprises_tab import EnterprisesTab
from app.ui.hq.libraries.experts_tab import ExpertsTab
from app.ui.hq.libraries.institutions_tab import InstitutionsTab
from app.ui.hq.libraries.pick_lists_tab import PickListsTab
from app.ui.hq.libraries.policies_tab import PoliciesTab
from app.ui.hq.libraries.review_tab import ReviewTab
from app.ui.hq.libraries.tab_base import LibraryTab
from app.ui.hq.pages import DeskUser


class LibrariesPage(QWidget):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.user = client, user
        categories = {code: shown(label) for code, label in SERVICE_CATEGORIES.items()}
        self.institutions = InstitutionsTab(client, user, categories)
        self.experts = ExpertsTab(client, user)
        self.policies = PoliciesTab(client, user)
        self.pick_lists = PickListsTab(client, user)
        self.enterprises = EnterprisesTab(client, user)
        self.review = ReviewTab(client, user)
        self.tabs = QTabWidget()
        for tab, title in ((self.institutions, self.tr("服务机构")), (self.experts, self.tr("专家")),
                           (self.policies, self.tr("政策")), (self.pick_lists, self.tr("选项")),
                           (self.enterprises, self.tr("企业库")), (self.review, self.tr("企业审核"))):
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(lambda _n: self.current().ensure_loaded())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.current().ensure_loaded()

    def current(self) -> LibraryTab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, LibraryTab)
        return tab

    def refresh(self) -> None:
        self.current().refresh()
