"""Which class builds each section's page.  A page's module is imported only when the page is
first built (app/ui/shell/lazy_pages.py), so a section never opened costs neither its import
(reportlab behind 报表, QtPdf behind its preview…) nor its widgets."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.models.database import Database

# section key → (module, class); each class takes the open `Database` (and nothing else).
# sync is built by the main window itself: it needs the window's AutoSyncController.
PAGES: dict[str, tuple[str, str]] = {
    "home": ("app.ui.dashboard.page", "HomePage"),
    "enterprises": ("app.ui.enterprises.page", "EnterprisesPage"),
    "service_records": ("app.ui.records.page", "RecordsPage"),
    "demands": ("app.ui.demands.page", "DemandsPage"),
    "events": ("app.ui.events.page", "EventsPage"),
    "staff": ("app.ui.staff.page", "StaffPage"),
    "institutions": ("app.ui.institutions.page", "InstitutionsPage"),
    "policies": ("app.ui.policies.page", "PoliciesPage"),
    "reports": ("app.ui.reporting.page", "ReportsPage"),
}


def page_factory(key: str) -> Callable[[Database], QWidget] | None:
    """The page class for `key`, or None while that page has not been written."""
    entry = PAGES.get(key)
    if entry is None or importlib.util.find_spec(entry[0]) is None:
        return None
    return getattr(importlib.import_module(entry[0]), entry[1])
