from __future__ import annotations

from pathlib import Path

import pytest

from tests.excel.messy_workbook import build_enterprises
from tests.services import World, make_world


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return make_world(db)


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    return build_enterprises(tmp_path / "企业名单.xlsx")
