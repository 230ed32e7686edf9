"""`station-desk-hq` commands: accounts, publish, export (in-process; one real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from app.domain.export_columns import ENTERPRISE_HEADERS
from app.hq import push as hq_push
from app.hq.cli import main
from app.hq.db import DB_ENV
from app.models.types import uuid7
from tests.hq.factories import enterprise, hlc, service_record

REPO = Path(__file__).resolve().parents[2]


def test_a_station_needs_a_guangzhou_district(hq_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The district is published in the station's `station` row, whose row rules require one: a
    station added without it could never take its own profile (it did before this check)."""
    assert main(["add-station", "C-ND-001", "无区站", "--db", hq_url]) == 1
    assert "所在区不能为空" in capsys.readouterr().err
    assert main(["add-station", "C-ND-002", "外地站", "--district", "朝阳区", "--db", hq_url]) == 1
    assert "“朝阳区”不是广州的区" in capsys.readouterr().err
    assert main(["add-station", "C-ND-003", "简称站", "--district", "天河", "--db", hq_url]) == 0
    capsys.readouterr()
    assert main(["list-stations", "--db", hq_url]) == 0
    listing = capsys.readouterr().out
    assert "C-ND-001" not in listing and "C-ND-002" not in listing
    assert "C-ND-003\t简称站\t天河区" in listing  # the official name, as the row rules want it


def test_add_station_prints_the_code_last_and_enrols(hq_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app.hq.cli", "add-station", "C-TH-001", "天河区服务站", "--district", "天河区"],
        cwd=REPO, env=dict(os.environ, **{DB_ENV: hq_url}), capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    code = result.stdout.strip().splitlines()[-1]
    assert len(code) == 23 and code.count("-") == 3
    assert main(["add-station", "C-TH-001", "重复", "--district", "天河区", "--db", hq_url]) == 1
    assert "已存在" in capsys.readouterr().err
    assert main(["list-stations", "--db", hq_url]) == 0
    listing = capsys.readouterr().out
    assert "C-TH-001" in listing and "正常" in listing
    assert main(["revoke-station", "C-TH-001", "--db", hq_url]) == 0
    assert main(["list-stations", "--db", hq_url]) == 0
    assert "已撤销" in capsys.readouterr().out
    assert main(["revoke-station", "NOPE", "--db", hq_url]) == 1
    assert "没有编号" in capsys.readouterr().err


def test_missing_database_is_a_chinese_usage_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv(DB_ENV, raising=False)
    assert main(["list-stations"]) == 2
    assert DB_ENV in capsys.readouterr().err
    assert main(["list-stations", "--db", "postgresql://postgres@127.0.0.1:1/none"]) == 1
    assert "无法连接" in capsys.readouterr().err


def test_publish_from_json_file(hq_url: str, hq_engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "ref.json"
    pid = str(uuid7())
    source.write_text(json.dumps({"policy": [{"id": pid, "title": "研发费用加计扣除", "category": "tax"}],
                                  "expert": [{"name": "李专家", "fields": "finance_tax"}]}, ensure_ascii=False))
    assert main(["publish", str(source), "--db", hq_url]) == 0
    assert "policy：已发布 1 条" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"service_record": [{"summary": "x"}]}))
    assert main(["publish", str(bad), "--db", hq_url]) == 1
    assert "不是服务总站发布的参考数据" in capsys.readouterr().err
    with hq_engine.connect() as conn:
        assert conn.execute(text("SELECT data->>'title' FROM replica_row WHERE id = :i"), {"i": pid}).scalar() == "研发费用加计扣除"


def test_export_enterprises_all_and_by_station(hq_url: str, hq_engine, enrol, tmp_path: Path) -> None:
    a, b = enrol("C-A1"), enrol("C-B1")
    created = enterprise(a.station_id, hlc(0), credit_code="91440101MA5C000009", size="small", status="active",
                         employees=35, revenue="1200.50", size_year=2025)
    served = enterprise(b.station_id, hlc(0), name="乙公司", size="micro")
    other = enterprise(b.station_id, hlc(0), name="丙公司")
    with hq_engine.begin() as conn:
        hq_push.apply_push(conn, a.station_id, uuid.uuid4(), [created])
        hq_push.apply_push(conn, b.station_id, uuid.uuid4(), [served, other])
        hq_push.apply_push(conn, a.station_id, uuid.uuid4(), [service_record(a.station_id, served["id"])])
    everything, mine = tmp_path / "all.xlsx", tmp_path / "a.xlsx"
    assert main(["export", "enterprises", "--out", str(everything), "--db", hq_url]) == 0
    assert main(["export", "enterprises", "--out", str(mine), "--station", "C-A1", "--db", hq_url]) == 0
    rows = list(load_workbook(mine).active.iter_rows(values_only=True))
    assert rows[0] == ENTERPRISE_HEADERS
    by_name = {r[1]: r for r in rows[1:]}
    assert set(by_name) == {"广州示例科技有限公司", "乙公司"}  # created by A, or served by A
    first = by_name["广州示例科技有限公司"]
    assert first[0] == "91440101MA5C000009" and first[9] == 35 and float(first[10]) == 1200.5
    assert first[13] == "小型" and first[14] == "正常" and by_name["乙公司"][13] == "微型"
    assert len(list(load_workbook(everything).active.iter_rows())) == 4


def test_export_writes_a_text_that_looks_like_a_formula_as_text(hq_url: str, hq_engine, enrol, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A station's text beginning with "=" (openpyxl's sign of a formula) stays text in HQ's
    export: a name =HYPERLINK(…) must not be a live link, a contact =1+1 not a sum."""
    a = enrol("C-F1")
    hostile = '=HYPERLINK("http://example.invalid/x","点我查看")'
    row = enterprise(a.station_id, hlc(0), name=hostile, contact_name="=1+1", address="=cmd|' /C calc'!A0")
    with hq_engine.begin() as conn:
        hq_push.apply_push(conn, a.station_id, uuid.uuid4(), [row])
    out = tmp_path / "all.xlsx"
    assert main(["export", "enterprises", "--out", str(out), "--db", hq_url]) == 0
    cells = [c for row in load_workbook(out).active.iter_rows(min_row=2) for c in row]
    got = {c.value: c.data_type for c in cells if isinstance(c.value, str) and c.value.startswith("=")}
    assert got == {hostile: "s", "=1+1": "s", "=cmd|' /C calc'!A0": "s"}
