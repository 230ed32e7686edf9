"""Window geometry and dock/toolbar state, remembered per Qt version.

A geometry blob written by one Qt version can restore badly under another (Anki keys
its saveGeom entries by Qt version for this reason), so each option holds a dict
{qt_version: base64} and only the running version's entry is read.
"""

from __future__ import annotations

import base64
import binascii
import logging

from PySide6.QtCore import QByteArray, qVersion
from PySide6.QtWidgets import QMainWindow

from app.settings import MAIN_WINDOW_GEOMETRY, MAIN_WINDOW_STATE, Option, Settings

log = logging.getLogger(__name__)


def _versions(settings: Settings, option: Option[str]) -> dict[str, str]:
    value = settings.get_raw(option.section, option.key, {})
    return dict(value) if isinstance(value, dict) else {}  # an old plain string is ignored


def encode(data: QByteArray) -> str:
    """A Qt state blob as text for the settings file."""
    return base64.b64encode(bytes(data.data())).decode("ascii")


def decode(text: object, what: str) -> QByteArray | None:
    """`encode`'s text back; None (logged) when it is not that."""
    if not isinstance(text, str) or not text:
        return None
    try:
        return QByteArray(base64.b64decode(text, validate=True))
    except (binascii.Error, ValueError):
        log.warning("ignoring unreadable %s", what)
        return None


def _load(settings: Settings, option: Option[str]) -> QByteArray | None:
    return decode(_versions(settings, option).get(qVersion()), option.key)


def _store(settings: Settings, option: Option[str], data: QByteArray) -> None:
    versions = _versions(settings, option)
    versions[qVersion()] = encode(data)
    settings.set_raw(option.section, option.key, versions)


def save_main_window(window: QMainWindow, settings: Settings,
                     keys: tuple[Option[str], Option[str]] = (MAIN_WINDOW_GEOMETRY, MAIN_WINDOW_STATE)) -> None:
    """`keys`: the geometry and state options (the HQ-mode window has its own)."""
    _store(settings, keys[0], window.saveGeometry())
    _store(settings, keys[1], window.saveState())


def restore_main_window(window: QMainWindow, settings: Settings,
                        keys: tuple[Option[str], Option[str]] = (MAIN_WINDOW_GEOMETRY, MAIN_WINDOW_STATE)) -> bool:
    """True when a saved geometry was applied (else the caller picks a default size)."""
    geometry = _load(settings, keys[0])
    restored = geometry is not None and window.restoreGeometry(geometry)
    state = _load(settings, keys[1])
    if state is not None:
        window.restoreState(state)
    return restored
