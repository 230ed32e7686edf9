"""English catalogue: complete, current with the code, and actually applied."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from app.ui import i18n

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "station_desk_en.ts"


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is not installed (it comes with PySide6)"
    return found


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message
    return found


def test_every_message_has_a_finished_english_translation() -> None:
    unfinished = []
    for (context, source), message in messages(TS).items():
        translation = message.find("translation")
        if translation is None or translation.get("type") in {"unfinished", "obsolete", "vanished"}:
            unfinished.append((context, source))
        elif not (translation.text or "").strip():
            unfinished.append((context, source))
    assert messages(TS), "the catalogue is empty"
    assert unfinished == []


def test_lupdate_finds_no_source_string_missing_from_the_catalogue(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [tool("pyside6-lupdate"), "-extensions", "py", "-locations", "none", "-silent",
         str(REPO / "app" / "ui"), "-ts", str(fresh)],
        check=True, capture_output=True, timeout=120,
    )
    missing = sorted(set(messages(fresh)) - set(messages(TS)))
    assert missing == [], (
        "new strings: run pyside6-lupdate -extensions py -no-obsolete -locations none "
        "app/ui -ts resources/translations/station_desk_en.ts, then translate them"
    )


def test_english_catalogue_is_built_from_ts_and_applies(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(TS, tmp_path / TS.name)
    qm = i18n.ensure_english_qm(tmp_path)  # no .qm yet: built quietly with lrelease
    assert qm is not None and qm.exists()
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        from app.ui.shell.navigation import sections

        assert [s.title for s in sections()][:3] == ["Home", "Enterprises", "Service records"]
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("Navigation", "首页") == "首页"


def test_missing_catalogue_falls_back_to_chinese(tmp_path: Path) -> None:
    assert i18n.ensure_english_qm(tmp_path) is None


def test_a_catalogue_older_than_its_ts_is_rebuilt_and_kept_when_it_cannot_be(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A developer edits the .ts: the next English start uses the new strings, not the stale .qm; with no
    lrelease at hand the old .qm is still better than Chinese."""
    import os

    ts = tmp_path / TS.name
    shutil.copy(TS, ts)
    qm = i18n.ensure_english_qm(tmp_path)
    assert qm is not None
    qm.write_bytes(b"stale")
    os.utime(qm, (ts.stat().st_mtime - 60, ts.stat().st_mtime - 60))
    assert i18n.ensure_english_qm(tmp_path) == qm and qm.read_bytes() != b"stale"
    qm.write_bytes(b"stale")
    os.utime(qm, (ts.stat().st_mtime - 60, ts.stat().st_mtime - 60))
    monkeypatch.setattr(i18n, "_lrelease", lambda: None)
    assert i18n.ensure_english_qm(tmp_path) == qm and qm.read_bytes() == b"stale"
