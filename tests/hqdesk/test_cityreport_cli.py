"""`station-desk-hq report annual|key-info` (app.hqdesk.cli), and the old commands through it."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from app.hq import cli as hq_cli
from app.hq.db import DB_ENV
from app.hqdesk.cli import main
from tests.hqdesk.cityreport_data import app_client, hq_engine, hq_url, sample_network  # noqa: F401
from tests.reports.conftest import pdf_text


@pytest.fixture(scope="module")
def network(hq_engine, app_client):  # noqa: F811
    return sample_network(hq_engine, app_client)


def test_annual_pdf_and_excel(hq_url, network, tmp_path, capsys) -> None:  # noqa: F811
    pdf, xlsx = tmp_path / "年度.pdf", tmp_path / "年度.xlsx"
    assert main(["report", "annual", "--year", "2026", "--db", hq_url, "--out", str(pdf), "--excel", str(xlsx)]) == 0
    out = capsys.readouterr().out
    assert "已生成《关于2026年度服务站建设整体工作情况和2027年度服务工作计划的报告》" in out and "页" in out
    assert "报送单位（盖章）" in "".join(pdf_text(pdf).split())
    stations = {row[0] for row in load_workbook(xlsx, read_only=True)["各服务站"].iter_rows(min_row=3, values_only=True)}
    assert stations == {"CR-A", "CR-B", "CR-C"}


def test_key_info_by_extension(hq_url, network, tmp_path, capsys, monkeypatch) -> None:  # noqa: F811
    monkeypatch.setenv(DB_ENV, hq_url)
    out = tmp_path / "q4.xlsx"
    assert main(["report", "key-info", "--period", "2026-Q4", "--out", str(out)]) == 0
    assert "2026年第四季度" in capsys.readouterr().out
    assert load_workbook(out, read_only=True)["本期概况"]["B3"].value == 4


@pytest.mark.parametrize(("args", "message"), [
    (["key-info", "--period", "2026-13", "--out", "x.pdf"], "报送期间"),
    (["key-info", "--period", "2026", "--out", "x.pdf"], "2026-Q3"),
    (["annual", "--year", "1800", "--out", "x.pdf"], "年度"),
    (["annual", "--year", "2026", "--out", "x.docx"], ".pdf 或 .xlsx"),
    (["annual", "--year", "2026", "--excel", "x.pdf"], ".xlsx"),
    (["annual", "--year", "2026"], "--out"),
    (["annual", "--year", "2026", "--out", "no/such/folder/x.pdf"], "不存在"),
])
def test_bad_input_is_one_chinese_line(hq_url, network, tmp_path, capsys, monkeypatch, args, message) -> None:  # noqa: F811
    monkeypatch.chdir(tmp_path)
    code = main(["report", *args, "--db", hq_url])
    err = capsys.readouterr().err
    assert code == hq_cli.EXIT_USAGE
    assert err.startswith("错误：") and message in err and err.count("\n") == 1
    assert not list(tmp_path.rglob("x.*"))


def test_without_a_database(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.delenv(DB_ENV, raising=False)
    assert main(["report", "annual", "--year", "2026", "--out", str(tmp_path / "a.pdf")]) == hq_cli.EXIT_USAGE
    assert DB_ENV in capsys.readouterr().err


def test_unreachable_database(tmp_path, capsys) -> None:
    url = "postgresql://postgres@127.0.0.1:1/none"
    assert main(["report", "annual", "--year", "2026", "--db", url, "--out", str(tmp_path / "a.pdf")]) == 1
    assert "无法连接" in capsys.readouterr().err
    assert not (tmp_path / "a.pdf").exists()


def test_old_commands_pass_through(hq_url, network, capsys) -> None:  # noqa: F811
    assert main(["list-stations", "--db", hq_url]) == 0
    assert "CR-A" in capsys.readouterr().out
    assert hq_cli.main(["list-stations", "--db", hq_url]) == 0  # python -m app.hq.cli still works
    assert main([]) == hq_cli.EXIT_USAGE
    assert "report" in capsys.readouterr().out
