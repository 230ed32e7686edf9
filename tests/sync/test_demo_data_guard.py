"""`station-desk demo-data` never writes into a profile enrolled with HQ (the rows would
be captured and pushed on the next sync)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.main import main
from app.models import Enterprise, ProfileMeta
from app.services.station.profiles import open_profile
from app.sync import enrolment


def _enterprises(profile: str) -> int:
    db = open_profile(profile)
    try:
        with db.sessions() as s:
            return int(s.scalar(select(func.count()).select_from(Enterprise)) or 0)
    finally:
        db.dispose()


def test_demo_data_refuses_an_enrolled_profile(capsys: pytest.CaptureFixture[str]) -> None:
    db = open_profile("enrolled")
    with db.begin() as s:  # what enrolment leaves in the profile
        s.add_all([ProfileMeta(key=enrolment.SERVER_KEY, value="https://sync.example.gov.cn"),
                   ProfileMeta(key=enrolment.CODE_KEY, value="GZ-TH-001")])
    db.dispose()
    code = main(["--profile", "enrolled", "demo-data", "--enterprises", "3", "--records", "2"])
    err = capsys.readouterr().err
    assert code != 0
    assert "已登记到服务总站" in err and "--demo" in err
    assert _enterprises("enrolled") == 0


def test_demo_data_still_fills_a_profile_not_enrolled(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--profile", "local", "demo-data", "--enterprises", "3", "--records", "2"]) == 0
    assert "enterprises=3" in capsys.readouterr().out
    assert _enterprises("local") == 3
