"""PySide6 must not keep the source of every imported module in memory (issue 14: ~20 MB)."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

import app.ui  # noqa: F401 - installs the cheaper check


def _import_fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    exec(f"import {name}", {})  # an import statement: PySide6 hooks __import__, not importlib
    monkeypatch.delitem(sys.modules, name)
    return path


def test_an_imported_module_leaves_no_lines_in_linecache(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = _import_fresh(tmp_path, monkeypatch, "sd_plain_module", "VALUE = 1\n" * 2000)
    assert str(path) not in linecache.cache


def test_pyside_still_learns_which_modules_mention_it(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shibokensupport.feature as feature  # type: ignore[import-not-found]

    _import_fresh(tmp_path, monkeypatch, "sd_qt_module", "from PySide6.QtCore import QObject\n")
    _import_fresh(tmp_path, monkeypatch, "sd_other_module", "VALUE = 2\n")
    assert feature.pyside_feature_dict["sd_qt_module"] == 0
    assert feature.pyside_feature_dict["sd_other_module"] == -1
