"""Every place Station Desk reads or writes on disk, in one module.

`STATION_DESK_HOME` moves everything (data, logs, settings) under one folder;
tests and admins use it.  Without it the per-user platform directories apply.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

from app import APP_NAME

ENV_HOME = "STATION_DESK_HOME"
DEFAULT_PROFILE = "default"
DEMO_PROFILE = "demo"
_PROFILE_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


def _override() -> Path | None:
    value = os.environ.get(ENV_HOME, "").strip()
    return Path(value).expanduser() if value else None


def data_home() -> Path:
    """Root of profiles and settings."""
    root = _override() or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    root.mkdir(parents=True, exist_ok=True)
    return root


def log_dir() -> Path:
    root = _override()
    path = root / "logs" if root else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings_file() -> Path:
    return data_home() / "settings.json"


def profiles_dir() -> Path:
    path = data_home() / "profiles"
    path.mkdir(parents=True, exist_ok=True)
    return path


def profile_dir(name: str) -> Path:
    if not _PROFILE_NAME.match(name):
        raise ValueError(f"invalid profile name: {name!r}")
    path = profiles_dir() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_file(profile: str) -> Path:
    return profile_dir(profile) / "station.db"


def backups_dir(profile: str) -> Path:
    path = profile_dir(profile) / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def attachments_dir(profile: str) -> Path:
    path = profile_dir(profile) / "attachments"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """`resources/` beside the package (source checkout or installed tree)."""
    return Path(__file__).resolve().parent.parent / "resources"


def cjk_font_file() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def translations_dir() -> Path:
    return resources_dir() / "translations"
