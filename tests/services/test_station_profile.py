"""本站信息: reading and saving the station's profile, files copied into the content-addressed store
(files/<sha256><suffix>) and queued for HQ."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import pytest

from app import paths
from app.domain.errors import UserError, ValidationError
from app.domain.periods import china_today
from app.services.station import profile as station_profile
from app.services.station.identity import NewStation, create_station
from app.services.station.profile import MAX_FILE_BYTES, ProfileInput

PROFILE = "default"  # the `db` fixture's profile
PNG = b"\x89PNG\r\n\x1a\n a photo"


@pytest.fixture
def station(db):  # type: ignore[no-untyped-def]
    with db.begin() as session:
        return create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "天河区科技园", "陈晓明"))


def full(photo: Path | None = None, rules: Path | None = None, **changes: object) -> ProfileInput:
    values: dict[str, object] = dict(
        name="天河区中小企业服务站", host_organisation="广州天河科技园管理委员会", address="天河区天河北路 233 号 5 楼",
        phone="020 3888 1380", contact_person="陈晓明", premises="独立办公场地 120 平方米，含洽谈室一间",
        equipment="电脑 4 台、打印机、投影仪", signage_hung_on=date(2025, 9, 1), work_rules_filed_on=date(2025, 10, 8),
        signage_file=photo, work_rules_file=rules,
    )
    values.update(changes)
    return ProfileInput(**values)  # type: ignore[arg-type]


def test_save_copies_files_into_the_profile(db, station, tmp_path) -> None:  # type: ignore[no-untyped-def]
    photo = tmp_path / "挂牌.JPG"
    photo.write_bytes(b"\xff\xd8\xff a photo")
    rules = tmp_path / "工作制度.pdf"
    rules.write_bytes(b"%PDF-1.4 rules")
    with db.sessions() as s:
        before = station_profile.read(s)
    assert (before.name, before.host_organisation, before.signage_photo) == ("天河区中小企业服务站", "天河区科技园", None)
    with db.begin() as s:
        saved = station_profile.update(s, PROFILE, full(photo, rules), before.version)
    assert (saved.phone, saved.contact_person, saved.version) == ("020-38881380", "陈晓明", before.version + 1)
    assert saved.signage_photo == f"files/{hashlib.sha256(photo.read_bytes()).hexdigest()}.jpg"
    stored = station_profile.stored_path(PROFILE, saved.signage_photo)
    assert stored is not None and stored.read_bytes() == b"\xff\xd8\xff a photo"
    assert stored.parent == paths.profile_dir(PROFILE) / "files"
    rules_copy = station_profile.stored_path(PROFILE, saved.work_rules_document)
    assert rules_copy is not None and rules_copy.read_bytes() == b"%PDF-1.4 rules"
    photo.unlink()  # the original may go away: the profile keeps its copy
    with db.begin() as s:  # saving again without picking a file keeps the stored one
        again = station_profile.update(s, PROFILE, full(equipment="电脑 6 台"), saved.version)
    assert (again.signage_photo, again.equipment) == (saved.signage_photo, "电脑 6 台")
    with db.begin() as s, pytest.raises(UserError, match="刚被修改过"):
        station_profile.update(s, PROFILE, full(), saved.version)


def test_too_big_or_wrong_files_are_refused_and_nothing_is_copied(db, station, tmp_path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.png"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ")
    cases = [
        (full(photo=big), "signage_photo", "超过 20 MB"),
        (full(photo=exe), "signage_photo", "不支持“.exe”"),
        (full(rules=tmp_path / "missing.pdf"), "work_rules_document", "找不到文件"),
        (full(name=" "), "name", "服务站名称：不能为空"),
        (full(phone="电话"), "phone", "联系电话"),
        (full(signage_hung_on=china_today() + timedelta(days=3)), "signage_hung_on", "不能晚于今天"),
    ]
    for data, field, words in cases:
        with db.begin() as s, pytest.raises(ValidationError) as caught:
            station_profile.update(s, PROFILE, data, None)
        assert caught.value.field == field and words in caught.value.message
    assert list(station_profile.files_dir(PROFILE).iterdir()) == []
    with db.sessions() as s:
        assert station_profile.read(s).address == ""


def test_a_failed_save_removes_the_copied_file(db, station, tmp_path) -> None:  # type: ignore[no-untyped-def]
    photo = tmp_path / "photo.png"
    photo.write_bytes(PNG)
    with db.begin() as s, pytest.raises(UserError, match="刚被修改过"):
        station_profile.update(s, PROFILE, full(photo), expected_version=999)
    assert list(station_profile.files_dir(PROFILE).iterdir()) == []


def test_enrolled_station_reports_its_facts_but_the_name_is_hqs(db, station, mark_enrolled, tmp_path) -> None:  # type: ignore[no-untyped-def]
    mark_enrolled()
    with db.sessions() as s:
        before = station_profile.read(s)
    assert before.editable and before.hq_fields_locked
    photo = tmp_path / "signage.png"
    photo.write_bytes(PNG)
    with db.begin() as s:
        saved = station_profile.update(s, PROFILE, full(photo, name=""), before.version)  # an empty name is not an error
    assert saved.name == "天河区中小企业服务站" and saved.address == "天河区天河北路 233 号 5 楼"
    assert saved.signage_hung_on == date(2025, 9, 1) and saved.signage_photo and saved.version == before.version + 1
    with db.begin() as s:
        renamed = station_profile.update(s, PROFILE, full(name="本站自己起的名字", premises="两间办公室"), saved.version)
    assert renamed.name == "天河区中小企业服务站" and renamed.premises == "两间办公室"
    with db.begin() as s, pytest.raises(ValidationError, match="挂牌日期：不能晚于今天"):
        station_profile.update(s, PROFILE, full(signage_hung_on=china_today() + timedelta(days=1)), renamed.version)


def test_editing_only_a_file_is_not_a_sync_change(db, station, mark_enrolled, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The files are local-only columns (app.sync.protocol.LOCAL_ONLY_COLUMNS): choosing one
    neither queues the station row nor moves its version."""
    mark_enrolled()
    with db.begin() as s:
        saved = station_profile.update(s, PROFILE, full(), None)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM sync_outbox")
    rules = tmp_path / "rules.pdf"
    rules.write_bytes(b"%PDF-1.4")
    with db.begin() as s:
        again = station_profile.update(s, PROFILE, full(rules=rules), saved.version)
    assert again.work_rules_document and again.version == saved.version
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one() == 0
        # ... but the file itself is queued for HQ through the file channel (app/sync/files.py)
        queued = conn.exec_driver_sql("SELECT purpose, state FROM outbound_file").all()
    assert queued == [("work_rules_document", "pending")]


def test_a_file_whose_bytes_are_not_its_type_is_refused(db, station, tmp_path) -> None:  # type: ignore[no-untyped-def]
    fake = tmp_path / "rules.pdf"
    fake.write_bytes(b"MZ\x90\x00 not a pdf at all")
    with db.begin() as s, pytest.raises(ValidationError, match="工作制度文件：文件内容不是") as caught:
        station_profile.update(s, PROFILE, full(rules=fake), None)
    assert caught.value.field == "work_rules_document"
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbound_file").scalar_one() == 0
