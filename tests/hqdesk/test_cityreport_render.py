"""Both city-wide reports as PDF (pdftotext: submission block, period, cut-off, key figures) and
as Excel (openpyxl reads back the same figures); JSON round trip; bad output paths."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.errors import ValidationError
from app.hq.cityreport import codec, model
from app.hq.cityreport.annual import annual_report
from app.hq.cityreport.key_info import key_info_report
from app.hq.readmodel import pending
from app.hqdesk.cityreports.render import render
from tests.hqdesk.cityreport_data import app_client, hq_engine, hq_url, sample_network  # noqa: F401
from tests.reports.conftest import assert_only_embedded_cjk_font, pdf_text

CUTOFF = datetime(2027, 1, 20, 1, 0, tzinfo=UTC)  # 09:00 in Guangzhou
KEEP = Path("/tmp/cityreport-render")  # the last rendering, to look at


@pytest.fixture(scope="module")
def reports(hq_engine, app_client):  # noqa: F811
    sample_network(hq_engine, app_client)
    pending.catch_up(hq_engine)  # as every reader of the read models does
    with hq_engine.begin() as conn:
        return annual_report(conn, 2026, now=CUTOFF), key_info_report(conn, "2026-Q4", now=CUTOFF)


def keep(path: Path) -> None:
    KEEP.mkdir(exist_ok=True)
    shutil.copy(path, KEEP / path.name)


def squeeze(text: str) -> str:
    return "".join(text.split())


def test_json_round_trip(reports) -> None:
    annual, key_info = reports
    assert codec.from_json(model.AnnualCityReport, codec.to_json(annual)) == annual
    assert codec.from_json(model.KeyInfoReport, codec.to_json(key_info)) == key_info


def test_annual_pdf_carries_block_period_cutoff_and_figures(reports, tmp_path) -> None:
    annual, _ = reports
    done = render(annual, tmp_path / "annual.pdf")
    keep(done.path)
    assert_only_embedded_cjk_font(done.path)
    text = squeeze(pdf_text(done.path))
    assert done.pages >= 2
    for expected in ("广州市工业和信息化局：", "关于2026年度服务站建设整体工作情况和2027年度服务工作计划的报告",
                     "统计期间：2026年1月1日—2026年12月31日", "数据截至：2027-01-2009:00", "报送单位（盖章）",
                     "广州市民营和中小企业服务总站", "负责人（签字）", "填报人", "报送日期", "特此报告。",
                     "首创“政策直通车”", "服务企业120家", "CR-A服务站", "越秀区"):
        assert expected in text, expected
    t = annual.total
    assert f"共服务企业{t.enterprises_served}家，记录服务{t.service_records}次" in text
    assert "草稿不应出现" not in text  # a draft summary is not quoted


def test_key_info_pdf_carries_block_period_cutoff_and_figures(reports, tmp_path) -> None:
    _, key_info = reports
    done = render(key_info, tmp_path / "key-info.pdf")
    keep(done.path)
    text = squeeze(pdf_text(done.path))
    for expected in ("广州市工业和信息化局：", "2026年第四季度全市民营和中小企业重点信息报送",
                     "统计期间：2026年10月1日—2026年12月31日", "数据截至：2027-01-2009:00", "报送单位（盖章）",
                     "广州市民营和中小企业服务总站", "广州甲科技有限公司", "融资需求集中", "特此报送。",
                     "数字化转型诊断", "投融资"):
        assert expected in text, expected
    t = key_info.total
    assert f"共服务企业{t.enterprises_served}家，记录服务{t.service_records}次" in text


def test_annual_workbook_reads_back(reports, tmp_path) -> None:
    annual, _ = reports
    done = render(annual, tmp_path / "annual.xlsx")
    keep(done.path)
    book = load_workbook(done.path, read_only=True)
    assert "2026-01-20" not in str(book["全市合计"]["A1"].value)
    assert "2027-01-20 09:00" in str(book["全市合计"]["A1"].value)
    total = [c.value for c in book["全市合计"][3]]
    t = annual.total
    assert total[1:8] == [t.enterprises_served, t.service_records, t.events_held, t.attendees_people,
                          t.attendee_enterprises, t.demands_received, t.demands_closed]
    stations = {row[0]: row for row in book["各服务站"].iter_rows(min_row=3, values_only=True)}
    for s in annual.stations:
        assert stations[s.code][4:11] == (s.figures.enterprises_served, s.figures.service_records, s.figures.events_held,
                                          s.figures.attendees_people, s.figures.attendee_enterprises,
                                          s.figures.demands_received, s.figures.demands_closed)
    districts = {row[0]: row for row in book["分区"].iter_rows(min_row=3, values_only=True)}
    assert {d: row[3] for d, row in districts.items()} == {
        d.district: d.figures.enterprises_served for d in annual.districts}
    compliance = {row[0]: row for row in book["规范建设"].iter_rows(min_row=3, values_only=True)}
    assert compliance["CR-A"][2] == 2 and compliance["CR-A"][9:11] == (4, 1)
    plan = list(book["2027年计划指标"].iter_rows(min_row=3, values_only=True))
    assert plan[-1][0] == "合计" and plan[-1][3] == 200


def test_key_info_workbook_reads_back(reports, tmp_path) -> None:
    _, key_info = reports
    done = render(key_info, tmp_path / "key-info.xlsx")
    keep(done.path)
    book = load_workbook(done.path, read_only=True)
    t = key_info.total
    assert [c.value for c in book["本期概况"][3]][1:6] == [t.enterprises_served, t.service_records, t.demands_received,
                                                         t.demands_finished, t.demands_overdue]
    by_district = [row for row in book["按区"].iter_rows(min_row=3, values_only=True)]
    assert [row[1:] for row in by_district] == [(b.enterprises_served, b.service_records, b.demands_received,
                                                 b.demands_finished, b.demands_overdue) for b in key_info.by_district]
    top = [row for row in book["重点企业"].iter_rows(min_row=3, values_only=True)]
    assert [(r[0], r[4]) for r in top] == [(k.name, k.service_records) for k in key_info.key_enterprises]


@pytest.mark.parametrize("name", ["report.docx", "report", "missing/report.pdf"])
def test_bad_output_path_is_refused(reports, tmp_path, name) -> None:
    annual, _ = reports
    with pytest.raises(ValidationError) as caught:
        render(annual, tmp_path / name)
    assert caught.value.field == "out"
    assert not (tmp_path / name).exists()
