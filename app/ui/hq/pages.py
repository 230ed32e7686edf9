"""Which pages HQ mode shows, for which roles, and which class builds each.

A page is built the first time it is shown (a page never shown costs nothing).  Its class
takes `(client: HqDeskClient, user: DeskUser)` and may define `refresh()` (F5).  A feature
adds one HqPage here.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

ALL_ROLES = frozenset({"admin", "staff", "bureau"})


@dataclass(frozen=True)
class DeskUser:
    """Who is signed in (from GET /v1/admin/me), and where."""

    name: str
    role: str
    role_label: str
    server: str


@dataclass(frozen=True)
class HqPage:
    key: str
    title: str  # Chinese source text, translated with tr("HqPages", …)
    module: str
    class_name: str
    roles: frozenset[str] = ALL_ROLES


def _tr(text: str) -> str:
    return QCoreApplication.translate("HqPages", text)


# The Chinese titles are listed for lupdate through QT_TRANSLATE_NOOP-style calls below.
HQ_PAGES: list[HqPage] = [
    HqPage("network", "站点网络", "app.ui.hq.network.page", "NetworkPage"),
    HqPage("inbox", "报送审阅", "app.ui.hq.inbox.page", "InboxPage"),
    HqPage("libraries", "资源库", "app.ui.hq.libraries.page", "LibrariesPage"),
    HqPage("cityreports", "全市汇总", "app.ui.hq.cityreports.page", "CityReportsPage"),
    HqPage("accounts", "用户与服务站", "app.ui.hq.accounts.page", "AccountsPage"),  # writes: admin only
    HqPage("audit", "操作日志", "app.ui.hq.audit.page", "AuditPage"),
]


def title_of(page: HqPage) -> str:
    return _tr(page.title)


def pages_for(role: str) -> list[HqPage]:
    return [p for p in HQ_PAGES if role in p.roles and importlib.util.find_spec(p.module) is not None]


def page_factory(page: HqPage) -> Callable[..., QWidget]:
    factory: Callable[..., QWidget] = getattr(importlib.import_module(page.module), page.class_name)
    return factory


def _titles_for_lupdate() -> None:  # never called: lupdate reads these literal calls
    QCoreApplication.translate("HqPages", "操作日志")
    QCoreApplication.translate("HqPages", "站点网络")
    QCoreApplication.translate("HqPages", "报送审阅")
    QCoreApplication.translate("HqPages", "资源库")
    QCoreApplication.translate("HqPages", "全市汇总")
    QCoreApplication.translate("HqPages", "用户与服务站")
