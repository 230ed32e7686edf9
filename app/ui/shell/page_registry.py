"""Which class builds each section's page.  Pages are imported when the main window is
built; each takes the open `Database` (and nothing else) and keeps its own state."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.models.database import Database

# section key → (module, class).  home, enterprises, records, demands and sync are built by
# the main window itself (they need more than the database).
PAGES: dict[str, tuple[str, str]] = {
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
