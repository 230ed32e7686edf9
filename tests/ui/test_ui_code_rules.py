"""Two rules of app/ui checked on the source: only app/ui/db_operations.py opens database
sessions, and only app/ui/theme.py spells a colour as hex."""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "app" / "ui"

SESSION = re.compile(r"(?<!painter)\.begin\(|\bSession\b|\.sessions\(|sessionmaker")
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![0-9a-fA-F])")


def offenders(pattern: re.Pattern[str], allowed: set[str], root: Path = UI) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        name = path.relative_to(root).as_posix()
        if name in allowed:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                found.append(f"app/ui/{name}:{number}: {line.strip()}")
    return found


def test_only_the_helper_opens_sessions() -> None:
    found = offenders(SESSION, {"db_operations.py"})
    assert not found, "open sessions through app.ui.db_operations instead:\n" + "\n".join(found)


def test_colours_come_from_the_theme() -> None:
    found = offenders(HEX_COLOUR, {"theme.py"})
    assert not found, "name the colour in app/ui/theme.py instead:\n" + "\n".join(found)


def test_the_checks_see_what_they_forbid(tmp_path: Path) -> None:
    (tmp_path / "page.py").write_text(
        "with db.begin() as s: pass\nfrom sqlalchemy.orm import Session\nwith self._db.sessions() as s: pass\n"
        "painter.begin(printer)\nstyle = 'color: #c0392b;'\nother = 'color: #fff;'\n",
        encoding="utf-8",
    )
    assert len(offenders(SESSION, set(), tmp_path)) == 3
    assert len(offenders(HEX_COLOUR, set(), tmp_path)) == 2
    assert offenders(SESSION, {"page.py"}, tmp_path) == []
