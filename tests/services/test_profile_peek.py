"""The plain-sqlite3 look at a profile that the window's frame is painted from (issue 14): it
names a station only when the full start would open that station's window, reads nothing
else, and writes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from app import paths
from app.migrations.revisions import head_revision
from app.models import ProfileMeta
from app.models.database import Database
from app.services.station import enrolment_state, identity
from app.services.station.identity import NewStation, StationInfo, create_station, current_station
from app.services.station.profile_peek import DEMO_KEY, HQ_MODE, MODE_KEY, STATION_KEY, peek_station


def database() -> Path:
    return paths.database_file(paths.DEFAULT_PROFILE)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_keys_are_those_the_orm_side_uses() -> None:
    assert (STATION_KEY, DEMO_KEY) == (identity.STATION_KEY, identity.DEMO_KEY)
    assert (MODE_KEY, HQ_MODE) == (enrolment_state.MODE_KEY, enrolment_state.HQ_MODE)


def test_a_set_up_station_reads_as_the_orm_reads_it(db: Database) -> None:
    with db.begin() as session:
        create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "天河区工商联", "陈晓明",
                                           address="天河路 1 号", phone="020-1234"))
        expected = current_station(session)
    db.dispose()  # the database is checkpointed: the digest below sees the whole file
    before = digest(database())
    peeked = peek_station(database())
    assert isinstance(peeked, StationInfo) and peeked == expected
    assert digest(database()) == before


def test_the_demo_flag_is_read(db: Database) -> None:
    with db.begin() as session:
        create_station(session, NewStation("DEMO-01", "演示服务站", "越秀区", manager_name="演示"), demo=True)
    peeked = peek_station(database())
    assert peeked is not None and peeked.is_demo


@pytest.mark.parametrize("case", ["no file", "empty file", "garbage", "no station yet", "hq profile",
                                  "older schema", "newer schema", "station row missing", "not ours"])
def test_anything_but_a_station_window_to_open_is_left_to_the_full_start(db: Database, case: str) -> None:
    with db.begin() as session:
        create_station(session, NewStation("GZ-TH-001", "天河区服务站", "天河区", manager_name="陈晓明"))
    with db.begin() as session:
        if case == "no station yet":
            session.execute(text("DELETE FROM profile_meta WHERE key = :k"), {"k": STATION_KEY})
        elif case == "hq profile":
            session.add(ProfileMeta(key=MODE_KEY, value=HQ_MODE))
        elif case == "older schema":
            session.execute(text("UPDATE alembic_version SET version_num = '0009'"))
        elif case == "newer schema":
            session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        elif case == "station row missing":
            session.execute(text("UPDATE profile_meta SET value = :v WHERE key = :k"),
                            {"k": STATION_KEY, "v": "01a24f16-dbdf-7264-97b5-d4856574f02c"})
        elif case == "not ours":
            session.execute(text("DROP TABLE alembic_version"))
    db.dispose()
    target = database()
    if case == "no file":
        target.unlink()
    elif case == "empty file":
        target.write_bytes(b"")
    elif case == "garbage":
        target.write_bytes(b"this is not a database" * 100)
    assert head_revision() != "0009"
    before = files_in(target.parent)
    assert peek_station(target) is None
    assert files_in(target.parent) == before  # nothing written, nothing created but SQLite's own WAL index


def files_in(folder: Path) -> dict[str, str]:
    """Each file's digest; a WAL database's -wal and -shm, which any reader may create, left out."""
    return {p.name: digest(p) for p in folder.iterdir() if p.is_file() and not p.name.endswith(("-wal", "-shm"))}
