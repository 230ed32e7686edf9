"""HQ-mode window tests: the real HQ service on a fresh PostgreSQL database (tests/hqdesk/conftest.py)
and HqWindow over HqDeskClient (no network, starlette's TestClient)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from app.hqdesk.client import HqDeskClient
from tests.hq.conftest import app_client, enrol, hq_engine, hq_url  # noqa: F401 - fixtures
from tests.hqdesk.conftest import desk, hq_app, hq_users, new_user  # noqa: F401 - fixtures


@pytest.fixture
def hq_window(qtbot: Any, desk: dict[str, HqDeskClient]) -> Iterator[Callable[[str], Any]]:  # noqa: F811
    """hq_window(role) -> a shown HqWindow signed in as that role's user."""
    from app.ui.hq.pages import DeskUser
    from app.ui.hq.window import HqWindow

    made: list[Any] = []

    def make(role: str) -> Any:
        me = desk[role].get_json("/me")
        window = HqWindow(_Unclosed(desk[role]), DeskUser(me["name"], me["role"], me["role_label"], "https://hq.test"))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.activateWindow()  # keyboard shortcuts only reach the active window
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        made.append(window)
        return window

    yield make


class _Unclosed(HqDeskClient):
    """The module's shared client: closing a window must not close it for the next test."""

    def __init__(self, inner: HqDeskClient) -> None:
        self.__dict__.update(inner.__dict__)
        self._owned = False
