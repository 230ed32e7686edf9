"""`station-desk-hq requests / requests decide / merges / unmerge` with real stations that
sync with the real HQ service code on the real PostgreSQL (issue 10, finding 7)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from app.hq.cli import main
from app.models import Enterprise
from app.sync.engine import sync
from tests.sync.conftest import hq_http, make_station  # noqa: F401 (fixtures: real enrolled stations)


def _hq(capsys: pytest.CaptureFixture[str], *args: str, db: str) -> tuple[int, str, str]:
    code = main([*args, "--db", db])
    out, err = capsys.readouterr()
    return code, out, err


def _enterprise(station, name: str, code: str | None = None) -> uuid.UUID:  # type: ignore[no-untyped-def]
    with station.db.begin() as s:
        e = Enterprise(name=name, station_id=station.station_id, credit_code=code, district="天河区")
        s.add(e)
        s.flush()
        return e.id


def _local(station, eid: uuid.UUID) -> Enterprise:  # type: ignore[no-untyped-def]
    with station.db.begin() as s:
        row = s.execute(select(Enterprise).where(Enterprise.id == eid)).scalar_one()
        s.expunge(row)
        return row


def _synced(station) -> None:  # type: ignore[no-untyped-def]
    result = sync(station.db, station.client())
    assert result.completed, result.message


def test_a_station_deleting_anothers_enterprise_gets_it_back_and_hq_decides(make_station, hq_url, capsys) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    a, b = make_station("GZ-RQ-A"), make_station("GZ-RQ-B")
    eid = _enterprise(a, "广州请求测试有限公司")
    _synced(a)
    _synced(b)
    with b.db.begin() as s:
        s.execute(select(Enterprise).where(Enterprise.id == eid)).scalar_one().deleted = True
    result = sync(b.db, b.client())
    assert result.completed and result.rejected == 1
    assert not _local(b, eid).deleted  # the same sync's pull brought HQ's row back
    with b.db.engine.connect() as conn:
        [message] = [m for (m,) in conn.exec_driver_sql("SELECT reason FROM sync_rejection")]
    assert "已提交服务总站审核" in message

    code, out, _ = _hq(capsys, "requests", db=hq_url)
    assert code == 0 and "GZ-RQ-B\t删除\t广州请求测试有限公司" in out and "共 1 条待处理的申请" in out
    request_id = out.splitlines()[1].split("\t")[0]
    code, out, _ = _hq(capsys, "requests", "decide", request_id, "--approve", "--by", "王审核", db=hq_url)
    assert code == 0 and "已删除企业“广州请求测试有限公司”" in out
    code, _, err = _hq(capsys, "requests", "decide", request_id, "--reject", "--by", "王审核", db=hq_url)
    assert code == 1 and "不能再次处理" in err
    code, out, _ = _hq(capsys, "requests", "--status", "all", db=hq_url)
    assert "已批准\t王审核" in out
    for station in (a, b):
        _synced(station)
        assert _local(station, eid).deleted


def test_a_merge_is_listed_and_undone_from_the_command_line(make_station, hq_url, capsys) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    a, b = make_station("GZ-UM-A"), make_station("GZ-UM-B")
    code_value = "91440101MA5C0C0001"
    first = _enterprise(a, "先登记的企业", code_value)
    _synced(a)
    second = _enterprise(b, "后登记的同一家", code_value)
    _synced(b)
    assert _local(b, second).deleted  # merged into A's at HQ
    code, out, _ = _hq(capsys, "merges", db=hq_url)
    assert code == 0 and code_value in out and "有效" in out
    code, out, _ = _hq(capsys, "unmerge", str(second), "--by", "王审核", db=hq_url)
    assert code == 0 and "已撤销合并" in out
    code, _, err = _hq(capsys, "unmerge", str(second), db=hq_url)
    assert code == 1 and "没有可撤销的合并" in err
    for station in (a, b):
        _synced(station)
        assert not _local(station, first).deleted and not _local(station, second).deleted
    assert _local(a, second).name == "后登记的同一家"
