"""Typed settings and the one paths module."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import paths, settings


def test_home_override_moves_everything(station_home: Path) -> None:
    assert paths.data_home() == station_home
    assert paths.log_dir() == station_home / "logs"
    assert paths.settings_file().parent == station_home
    assert paths.database_file("default") == station_home / "profiles" / "default" / "station.db"


def test_profile_names_cannot_escape_the_home() -> None:
    for bad in ("../x", "a/b", "", "x" * 65, "中文"):
        with pytest.raises(ValueError):
            paths.profile_dir(bad)


def test_defaults_when_nothing_is_stored() -> None:
    store = settings.Settings()
    assert store.get(settings.LANGUAGE) == "zh_CN"
    assert store.get(settings.LOCK_DAYS_AFTER_MONTH_END) == 10


def test_values_survive_a_new_instance_and_keep_their_type() -> None:
    store = settings.Settings()
    store.set(settings.LANGUAGE, "en")
    store.set(settings.LOCK_DAYS_AFTER_MONTH_END, 15)
    again = settings.Settings()
    assert again.get(settings.LANGUAGE) == "en"
    assert again.get(settings.LOCK_DAYS_AFTER_MONTH_END) == 15


def test_bad_stored_value_falls_back_to_default() -> None:
    paths.settings_file().write_text(json.dumps({"setting": {"lock_days_after_month_end": "lots"}}), "utf-8")
    assert settings.Settings().get(settings.LOCK_DAYS_AFTER_MONTH_END) == 10


def test_unreadable_file_gives_defaults_not_a_crash() -> None:
    paths.settings_file().write_text("{not json", "utf-8")
    assert settings.Settings().get(settings.ACTIVE_PROFILE) == paths.DEFAULT_PROFILE


def test_every_option_is_declared_once() -> None:
    keys = [(o.section, o.key) for o in settings.declared()]
    assert len(keys) == len(set(keys))


def test_two_settings_objects_never_undo_each_others_changes(tmp_path: Path) -> None:
    """The window holds one Settings from start-up; 锁定期限, the Excel column memory and the current
    staff each open their own. Each write merges into the file as it is now, and each read sees the
    file as it is now: closing the window (which saves its geometry) must not put the lock days back."""
    from app.settings import LAST_PAGE, LOCK_DAYS_AFTER_MONTH_END, Settings

    path = tmp_path / "settings.json"
    window = Settings(path)
    window.set(LAST_PAGE, "enterprises")
    Settings(path).set(LOCK_DAYS_AFTER_MONTH_END, 3)  # 设置 → 锁定期限, its own object
    assert window.get(LOCK_DAYS_AFTER_MONTH_END) == 3
    window.set(LAST_PAGE, "sync")  # the window closes
    again = Settings(path)
    assert again.get(LOCK_DAYS_AFTER_MONTH_END) == 3 and again.get(LAST_PAGE) == "sync"
