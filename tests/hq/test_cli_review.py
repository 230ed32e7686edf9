"""`station-desk-hq reports / review-report / conflicts / rejected` against real stations
that sync with the real HQ service code on the real PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.hq import push as hq_push
from app.hq.cli import main
from app.hq.db import DB_ENV
from app.hq.hq_edits import hq_edit
from app.hq.push import now_ms
from app.models import AnnualReport, Enterprise
from app.models.types import utcnow
from app.sync.engine import sync
from tests.hq.factories import report
from tests.sync.conftest import hq_http, make_station  # noqa: F401 (fixtures: real enrolled stations)

REPO = Path(__file__).resolve().parents[2]


def _hq(capsys: pytest.CaptureFixture[str], *args: str, db: str) -> tuple[int, str, str]:
    code = main([*args, "--db", db])
    out, err = capsys.readouterr()
    return code, out, err


def _submitted(station, year: int, kind: str) -> uuid.UUID:  # type: ignore[no-untyped-def]
    with station.db.begin() as s:
        row = AnnualReport(year=year, kind=kind, status="submitted", narrative={"总结": "全年服务企业 120 家"},
                           submitted_at=utcnow(), station_id=station.station_id)
        s.add(row)
        s.flush()
        rid = row.id
    assert sync(station.db, station.client()).completed
    return rid


def test_hq_returns_a_report_with_a_comment_and_the_station_sees_it(make_station, hq_url: str, capsys) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    a = make_station("GZ-REV-A")
    rid = _submitted(a, 2026, "summary")
    code, out, _ = _hq(capsys, "reports", "--status", "submitted", db=hq_url)
    assert code == 0
    [line] = [x for x in out.splitlines() if "GZ-REV-A" in x]
    station, year, kind, status, submitted, _comment, listed_id = line.split("\t")
    assert (station, year, kind, status, listed_id) == ("GZ-REV-A", "2026", "总结", "已提交", str(rid))
    assert submitted.startswith(str(datetime.now().year))

    code, _, err = _hq(capsys, "review-report", "--station", "GZ-REV-A", "--year", "2026", "--kind", "summary", "--return", db=hq_url)
    assert code != 0 and "退回意见" in err and "Traceback" not in err  # a return needs a comment
    code, out, _ = _hq(capsys, "review-report", "--station", "GZ-REV-A", "--year", "2026", "--kind", "summary",
                       "--return", "--comment", "请补充服务企业名单", db=hq_url)
    assert code == 0 and "已退回" in out

    assert sync(a.db, a.client()).completed
    with a.db.sessions() as s:
        row = s.get(AnnualReport, rid)
        assert (row.status, row.review_comment) == ("returned", "请补充服务企业名单")
    code, out, _ = _hq(capsys, "reports", "--station", "GZ-REV-A", db=hq_url)
    assert "已退回\t" in out and "请补充服务企业名单" in out
    assert "GZ-REV-A" not in _hq(capsys, "reports", "--status", "submitted", db=hq_url)[1]

    # only a submitted report can be reviewed: returned → accepted / returned is refused
    for move in (["--accept"], ["--return", "--comment", "再退一次"]):
        code, _, err = _hq(capsys, "review-report", "--station", "GZ-REV-A", "--year", "2026", "--kind", "summary", *move, db=hq_url)
        assert code != 0 and "不能从“已退回”改为" in err, err


def test_hq_accepts_a_plan_and_refuses_what_it_cannot_review(make_station, hq_url: str, capsys) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    b = make_station("GZ-REV-B")
    rid = _submitted(b, 2027, "plan")
    code, out, _ = _hq(capsys, "review-report", "--station", "GZ-REV-B", "--year", "2027", "--kind", "plan", "--accept", db=hq_url)
    assert code == 0 and "已通过" in out and "年度计划" in out
    assert sync(b.db, b.client()).completed
    with b.db.sessions() as s:
        assert s.get(AnnualReport, rid).status == "accepted"
    code, _, err = _hq(capsys, "review-report", "--station", "GZ-REV-B", "--year", "2027", "--kind", "plan", "--accept", db=hq_url)
    assert code != 0 and "不能从“已通过”改为“已通过”" in err

    with b.db.begin() as s:  # a draft was never submitted: nothing to review
        s.add(AnnualReport(year=2027, kind="summary", status="draft", station_id=b.station_id))
    assert sync(b.db, b.client()).completed
    code, _, err = _hq(capsys, "review-report", "--station", "GZ-REV-B", "--year", "2027", "--kind", "summary", "--accept", db=hq_url)
    assert code != 0 and "不能从“草稿”改为“已通过”" in err
    code, _, err = _hq(capsys, "review-report", "--station", "GZ-REV-B", "--year", "2020", "--kind", "plan", "--accept", db=hq_url)
    assert code != 0 and "没有 2020 年度计划" in err
    code, _, err = _hq(capsys, "review-report", "--station", "NOPE", "--year", "2027", "--kind", "plan", "--accept", db=hq_url)
    assert code != 0 and "没有编号为 NOPE 的服务站" in err
    code, _, err = _hq(capsys, "reports", "--station", "NOPE", db=hq_url)
    assert code != 0 and "没有编号为 NOPE" in err


def test_conflicts_and_rejected_writes_are_listed(make_station, hq_url: str, hq_engine: Engine, capsys) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    a, b = make_station("GZ-LOG-A"), make_station("GZ-LOG-B")
    with a.db.begin() as s:
        e = Enterprise(name="广州审核示例科技有限公司", contact_phone="020-11111111", station_id=a.station_id)
        s.add(e)
        s.flush()
        eid = e.id
    assert sync(a.db, a.client()).completed
    with a.db.begin() as s:  # A edits offline; HQ's later edit of the same field wins
        s.get(Enterprise, eid).contact_phone = "020-22222222"
    with hq_engine.begin() as conn:
        hq_edit(conn, "enterprise", eid, {"contact_phone": "020-33333333"}, at_ms=now_ms() + 60_000)
    assert sync(a.db, a.client()).conflicts == 1
    code, out, _ = _hq(capsys, "conflicts", "--station", "GZ-LOG-A", db=hq_url)
    assert code == 0
    lines = [x for x in out.splitlines() if str(eid) in x]
    assert len(lines) == 2, out  # HQ's edit overwrote A's first value too; newest first
    line = lines[0]
    assert lines[1].split("\t")[4:6] == ["020-11111111", "020-33333333"]
    assert line.split("\t")[1:] == ["enterprise", str(eid), "联系电话(contact_phone)", "020-22222222", "020-33333333",
                                    "GZ-LOG-A", "服务总站"]
    assert str(eid) not in _hq(capsys, "conflicts", "--station", "GZ-LOG-B", db=hq_url)[1]

    with hq_engine.begin() as conn:  # a station may never accept its own report
        hq_push.apply_push(conn, b.station_id, uuid.uuid4(), [report(b.station_id, "accepted")])
    code, out, _ = _hq(capsys, "rejected", "--station", "GZ-LOG-B", "--limit", "5", db=hq_url)
    assert code == 0
    [line] = [x for x in out.splitlines() if "report_transition" in x]
    assert line.split("\t")[1:3] == ["GZ-LOG-B", "annual_report"]
    assert "共 1 条" in out
    assert "共 0 条" in _hq(capsys, "rejected", "--station", "GZ-LOG-A", db=hq_url)[1]
    code, _, err = _hq(capsys, "rejected", "--limit", "0", db=hq_url)
    assert code == 2 and "--limit" in err


def test_the_commands_read_the_database_from_the_environment(hq_url: str) -> None:
    done = subprocess.run([sys.executable, "-m", "app.hq.cli", "conflicts", "--limit", "3"], cwd=REPO,
                          env=dict(os.environ, **{DB_ENV: hq_url}, PYTHONIOENCODING="utf-8"), capture_output=True,
                          text=True, encoding="utf-8", timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("时间\t表\t记录\t字段\t被覆盖的值\t生效的值")
