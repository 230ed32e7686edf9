"""Translators: Qt's own Chinese for standard dialogs, our .qm for English.

Source strings are Simplified Chinese, so Chinese needs only `qtbase_zh_CN` (buttons of
QMessageBox, QWizard, context menus); English needs our `station_desk_en.qm`.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app import paths

log = logging.getLogger(__name__)

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = {CHINESE: "简体中文", ENGLISH: "English"}
CATALOGUE = "station_desk_en"


def _lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease")


def ensure_english_qm(folder: Path | None = None) -> Path | None:
    """The compiled English catalogue; built from the .ts when only that is present, or when the .ts
    is newer (a developer's edit); an older .qm is still used when it cannot be rebuilt."""
    folder = folder or paths.translations_dir()
    qm, ts = folder / f"{CATALOGUE}.qm", folder / f"{CATALOGUE}.ts"
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    tool = _lrelease()
    if not ts.exists() or tool is None:
        log.warning("English translation %s missing or stale (and no .ts or lrelease to build it)", qm)
        return qm if qm.exists() else None
    try:
        subprocess.run([tool, str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not build %s: %s", qm, exc)
    return qm if qm.exists() else None


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Install translators for `language`; keep the returned list alive as long as the app."""
    installed: list[QTranslator] = []
    if language == ENGLISH:
        qm = ensure_english_qm()
        translator = QTranslator(app)
        if qm is not None and translator.load(str(qm)):
            app.installTranslator(translator)
            installed.append(translator)
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        else:
            log.warning("falling back to Chinese: English catalogue unavailable")
        return installed
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load("qtbase_zh_CN", qt_dir):
        app.installTranslator(translator)
        installed.append(translator)
    else:
        log.info("qtbase_zh_CN not found in %s; standard dialogs stay in English", qt_dir)
    return installed
