"""The city-wide reports as Excel workbooks: one sheet per table of the PDF, figures as numbers."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.domain.report_sections import PLAN_INDICATORS, PLAN_SECTIONS
from app.domain.sheet_text import text_cells
from app.hq.cityreport.model import HQ_NAME, AnnualCityReport, Breakdown, KeyInfoReport
from app.hqdesk.cityreports import numbers as N
from app.reports import labels as L

Row = Sequence[Any]


def _sheet(book: Any, name: str, headers: Row, rows: Sequence[Row], heading: str) -> None:
    from openpyxl.styles import Font, PatternFill

    sheet = book.create_sheet(name)
    sheet.append([heading])
    sheet.append(list(headers))
    for row in rows:
        sheet.append(text_cells(sheet, row))
    sheet["A1"].font = Font(bold=True)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EEF5")
    sheet.freeze_panes = "A3"
    for index, header in enumerate(headers, 1):
        width = max([len(str(header))] + [len(str(r[index - 1])) for r in rows if index - 1 < len(r)]) + 4
        sheet.column_dimensions[sheet.cell(2, index).column_letter].width = min(60, width * 1.6)


def _save(book: Any, out: Path) -> None:
    handle, temp = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".xlsx.tmp", dir=out.parent)
    os.close(handle)
    try:
        book.save(temp)
        os.chmod(temp, 0o644)
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _book() -> Any:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    return book


def annual_workbook(r: AnnualCityReport, out: Path, title: str) -> None:
    book = _book()
    head = f"{title}　统计期间：{r.span}　数据截至：{r.cutoff:%Y-%m-%d %H:%M}　报送单位：{HQ_NAME}"
    figure_headers = [label for _, label in N.FIGURE_COLUMNS] + ["已评价（次）", "满意（次）", "满意率"]

    def cells(f: Any) -> list[Any]:
        return [*N.figure_cells(f), f.rated, f.satisfied, None if f.satisfied_share is None else round(f.satisfied_share, 1)]

    _sheet(book, "全市合计", ["范围", *figure_headers], [["全市", *cells(r.total)]], head)
    _sheet(book, "分区", ["所在区", "服务站数", "符合规范", *figure_headers],
           [[L.district_label(d.district), d.stations, d.compliant, *cells(d.figures)] for d in r.districts], head)
    _sheet(book, "各服务站", ["服务站编号", "服务站", "所在区", "状态", *figure_headers],
           [[s.code, s.name, s.district, N.STATION_STATUS.get(s.status, s.status), *cells(s.figures)] for s in r.stations],
           head)
    _sheet(book, "规范建设", ["服务站编号", "服务站", "专职人员", "挂牌日期", "工作制度备案日期", "年度总结", "总结按时",
                          "年度计划", "计划按时", "信息应报（季度）", "信息按时（季度）", "规范"],
           [[s.code, s.name, c.full_time_staff, c.signage_hung_on, c.work_rules_filed_on, N.report_status(c.summary_status),
             N.yes_no(c.summary_on_time), N.report_status(c.plan_status), N.yes_no(c.plan_on_time), c.info_due,
             c.info_on_time, "符合" if c.ok else "未符合"] for s in r.stations if (c := s.compliance)], head)
    _sheet(book, "工作亮点", ["服务站编号", "服务站", "所在区", "工作亮点与典型案例", "主要工作开展情况"],
           [[e.code, e.name, e.district, e.sections.get("highlights", ""), e.sections.get("work_done", "")]
            for e in r.highlights], head)
    p = r.plan
    keys = [k for k in PLAN_INDICATORS if k in p.targets]
    _sheet(book, f"{p.year}年计划指标", ["服务站编号", "服务站", "所在区", *[N.indicator(k) for k in keys], "计划活动（场）"],
           [[x.code, x.name, x.district, *[x.targets.get(k) for k in keys], x.planned_events] for x in p.lines]
           + [["合计", "", "", *[p.targets[k] for k in keys], len(p.events)]], head)
    _sheet(book, f"{p.year}年计划活动", ["月份", "服务站编号", "服务站", "活动类型", "活动名称"],
           [[e.month, e.code, e.station, L.event_type_label(e.event_type), e.title] for e in p.events], head)
    _sheet(book, f"{p.year}年计划要点", ["服务站编号", "服务站", "所在区", *PLAN_SECTIONS.values()],
           [[e.code, e.name, e.district, *[e.sections.get(k, "") for k in PLAN_SECTIONS]] for e in p.texts], head)
    _save(book, out)


def _breakdown_rows(lines: list[Breakdown], label: Any) -> list[Row]:
    return [[label(b.key), b.enterprises_served, b.service_records, b.demands_received, b.demands_finished,
             b.demands_overdue] for b in lines]


def key_info_workbook(r: KeyInfoReport, out: Path, title: str) -> None:
    book = _book()
    head = f"{title}　统计期间：{r.span}　数据截至：{r.cutoff:%Y-%m-%d %H:%M}　报送单位：{HQ_NAME}"
    columns = ["服务企业（家）", "服务记录（次）", "受理需求（项）", "已办结（项）", "逾期未办结（项）"]
    t = r.total
    _sheet(book, "本期概况", ["范围", *columns, "服务站数", "已报送服务站"],
           [["全市", t.enterprises_served, t.service_records, t.demands_received, t.demands_finished, t.demands_overdue,
             r.stations_total, r.stations_reporting]], head)
    _sheet(book, "按行业", ["行业门类", *columns], _breakdown_rows(r.by_industry, L.section_label), head)
    _sheet(book, "按区", ["所在区", *columns], _breakdown_rows(r.by_district, L.district_label), head)
    _sheet(book, "按规模", ["企业规模", *columns], _breakdown_rows(r.by_size, L.size_label), head)
    _sheet(book, "重点企业", ["企业名称", "行业", "所在区", "规模", "服务记录（次）", "服务站数", "受理需求（项）"],
           [[k.name, L.section_label(k.industry_section), L.district_label(k.district), L.size_label(k.size),
             k.service_records, k.stations, k.demands_received] for k in r.key_enterprises], head)
    _sheet(book, "需求类别", ["需求类别", "受理", "已办结", "逾期未办结"],
           [[L.pick(r.category_labels, c.category), c.received, c.finished, c.overdue] for c in r.demand_categories], head)
    _sheet(book, "服务站报送摘要", ["服务站编号", "服务站", "所在区", "重点产业", "重点企业", "服务需求"],
           [[e.code, e.name, e.district, e.sections.get("key_industries", ""), e.sections.get("key_enterprises", ""),
             e.sections.get("demands", "")] for e in r.notes], head)
    _save(book, out)
