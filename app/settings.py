"""Typed settings: every option declared once, with its type and default.

Two kinds, after Picard: *settings* are the user's preferences, *persist* is
what the UI remembers about itself (window geometry, column widths, last tab).
Both live in one JSON file under the data home; no Qt here, so services and the
command line read the same values the GUI does.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from app import paths

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Option(Generic[T]):
    section: str  # "setting" or "persist"
    key: str
    default: T
    kind: type

    def coerce(self, value: Any) -> T:
        if value is None:
            return self.default
        try:
            if self.kind is bool and isinstance(value, str):
                return value.lower() in {"1", "true", "yes"}  # type: ignore[return-value]
            return self.kind(value)  # type: ignore[no-any-return]
        except (TypeError, ValueError):
            log.warning("setting %s.%s has a bad value %r; using default", self.section, self.key, value)
            return self.default


_REGISTRY: dict[tuple[str, str], Option[Any]] = {}


def _declare(section: str, key: str, default: T, kind: type | None = None) -> Option[T]:
    option: Option[T] = Option(section, key, default, kind or type(default))
    _REGISTRY[(section, key)] = option
    return option


def setting(key: str, default: T, kind: type | None = None) -> Option[T]:
    return _declare("setting", key, default, kind)


def persist(key: str, default: T, kind: type | None = None) -> Option[T]:
    return _declare("persist", key, default, kind)


# --- preferences -------------------------------------------------------------
LANGUAGE = setting("language", "zh_CN")  # "zh_CN" or "en"
ACTIVE_PROFILE = setting("active_profile", paths.DEFAULT_PROFILE)
LOCK_DAYS_AFTER_MONTH_END = setting("lock_days_after_month_end", 10)
BACKUP_KEEP = setting("backup_keep", 5)
CURRENT_STAFF_ID = setting("current_staff_id", "")

# --- UI memory -------------------------------------------------------------
MAIN_WINDOW_GEOMETRY = persist("main_window_geometry", "")  # base64, keyed by Qt version in the UI
MAIN_WINDOW_STATE = persist("main_window_state", "")
LAST_PAGE = persist("last_page", "home")
HQ_WINDOW_GEOMETRY = persist("hq_window_geometry", "")  # the HQ-mode window's own (app/ui/hq/window.py)
HQ_WINDOW_STATE = persist("hq_window_state", "")
HQ_LAST_PAGE = persist("hq_last_page", "")
PAGE_MEMORY: Option[dict[str, Any]] = persist("page_memory", {}, dict)  # each page's splitters and list sort order (app/ui/shell/page_memory.py)


_FILE_LOCKS: dict[Path, threading.Lock] = {}
_FILE_LOCKS_GUARD = threading.Lock()


def _file_lock(path: Path) -> threading.Lock:
    """One lock per settings file, shared by every Settings object on it in this process."""
    with _FILE_LOCKS_GUARD:
        return _FILE_LOCKS.setdefault(path.resolve(), threading.Lock())


class Settings:
    """A JSON-backed store of the declared options.  Thread-safe, written atomically.

    Several objects may hold the same file (the window keeps one from start-up; a dialog or a
    service opens its own): a read sees the file as it is now (re-read when it changed), and a
    write changes one key in the file as it is now, so no object ever writes back another's
    older values."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.settings_file()
        self._lock = _file_lock(self.path)
        self._data: dict[str, dict[str, Any]] = {"setting": {}, "persist": {}}
        self._stamp: tuple[int, int, int] | None = None
        with self._lock:
            self._load()

    def _file_stamp(self) -> tuple[int, int, int] | None:
        """Which version of the file is there: every write replaces it with a new file (a new inode,
        where the clock's granularity may leave the time the same)."""
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return stat.st_ino, stat.st_mtime_ns, stat.st_size

    def _load(self) -> None:
        self._stamp = self._file_stamp()
        self._data = {"setting": {}, "persist": {}}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            log.warning("settings file %s unreadable; starting from defaults", self.path)
            return
        if not isinstance(raw, dict):
            log.warning("settings file %s is not an object; starting from defaults", self.path)
            return
        for section in ("setting", "persist"):
            if isinstance(raw.get(section), dict):
                self._data[section] = raw[section]

    def _fresh_locked(self) -> None:
        if self._file_stamp() != self._stamp:
            self._load()

    def get(self, option: Option[T]) -> T:
        with self._lock:
            self._fresh_locked()
            return option.coerce(self._data[option.section].get(option.key))

    def get_raw(self, section: str, key: str, default: Any = None) -> Any:
        """For keys computed at run time (e.g. a table's column widths)."""
        with self._lock:
            self._fresh_locked()
            return self._data.get(section, {}).get(key, default)

    def set(self, option: Option[T], value: T) -> None:
        self.set_raw(option.section, option.key, value)

    def set_raw(self, section: str, key: str, value: Any) -> None:
        with self._lock:
            self._load()  # the file as it is now: another object may have written since
            self._data.setdefault(section, {})[key] = value
            self._save_locked()

    def _save_locked(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(self._data, handle, ensure_ascii=False, indent=2)
        os.replace(tmp, self.path)
        self._stamp = self._file_stamp()


def declared() -> list[Option[Any]]:
    return list(_REGISTRY.values())
