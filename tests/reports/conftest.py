"""Demo databases for the report tests, and poppler helpers to read the PDFs back."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.demo.data import generate
from app.models.database import Database, open_database
from app.services.station import identity as station_service

ENTERPRISES, RECORDS = 200, 2500


def poppler(tool: str, *args: str) -> str:
    assert shutil.which(tool), f"{tool} (poppler-utils) is installed by installer/setup.sh --test"
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True, timeout=120).stdout


def pdf_text(path: Path, *, layout: bool = True) -> str:
    """The text; without `layout`, in reading order per block (a wrapped cell stays together)."""
    return poppler("pdftotext", *(["-layout"] if layout else []), str(path), "-")


def pdf_pages(path: Path) -> int:
    info = poppler("pdfinfo", str(path))
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_fonts(path: Path) -> list[tuple[str, str]]:
    """(font name, emb yes/no) of every font the PDF uses."""
    lines = poppler("pdffonts", str(path)).splitlines()[2:]
    result = []
    for line in lines:
        parts = line.split()
        # name type [type…] encoding emb sub uni object ID: emb is the 5th field from the end
        result.append((parts[0], parts[-5]))
    return result


def assert_only_embedded_cjk_font(path: Path) -> None:
    fonts = pdf_fonts(path)
    assert fonts, "no fonts at all"
    assert all("WenQuanYiMicroHei" in name and emb == "yes" for name, emb in fonts), fonts


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A station with a small, realistic year of demo data (one per test module)."""
    db = open_database(tmp_path_factory.mktemp("reports") / "station.db")
    generate(db, enterprises=ENTERPRISES, records=RECORDS)
    yield db
    db.dispose()


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    """A station that has been set up and has recorded nothing yet."""
    db = open_database(tmp_path / "empty.db")
    with db.begin() as session:
        station_service.create_station(
            session, station_service.NewStation(code="GZ-TH-009", name="天河区测试服务站", district="天河区",
                                                manager_name="王小明"))
    yield db
    db.dispose()
