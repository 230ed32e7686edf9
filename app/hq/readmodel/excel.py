"""站点网络 as an Excel workbook: one sheet of stations, one summary by district.

Chinese headers, the header row frozen and filterable, widths that fit the headers.  The
command line writes it to a file (`station-desk-hq stations --export F.xlsx`); the HQ desk
fetches the same bytes from the admin endpoint, so there is one writer.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from app.domain.obligations import MINIMUM_FULL_TIME
from app.domain.sheet_text import text_cells
from app.hq.readmodel.network import DistrictRow, NetworkRow, china_time

Cell = str | int | float | None
Column = tuple[str, int, Callable[[Any], Cell]]  # header, width in characters, value


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _share(rated: int, satisfied: int) -> float | None:
    return round(satisfied / rated, 4) if rated else None


def _moment(value: datetime | None) -> str:
    return china_time(value) if value else "从未同步"


STATION_COLUMNS: list[Column] = [
    ("编号", 12, lambda r: r.code),
    ("服务站名称", 28, lambda r: r.name),
    ("所在区", 10, lambda r: r.district),
    ("依托单位", 28, lambda r: r.host_organisation),
    ("状态", 8, lambda r: r.status_label),
    ("最近同步", 17, lambda r: _moment(r.last_sync)),
    ("专职人员", 9, lambda r: r.full_time_staff),
    (f"专职达标（≥{MINIMUM_FULL_TIME}）", 13, lambda r: "是" if r.staff_rule_met else "否"),
    ("挂牌日期", 12, lambda r: _day(r.signage_hung_on)),
    ("工作制度备案日期", 16, lambda r: _day(r.work_rules_filed_on)),
    ("应报报告", 9, lambda r: r.reports.due),
    ("已报报告", 9, lambda r: r.reports.submitted),
    ("逾期报告", 9, lambda r: r.reports.late),
    ("服务企业（家）", 13, lambda r: r.figures.enterprises_served),
    ("服务记录（条）", 13, lambda r: r.figures.service_records),
    ("举办活动（场）", 13, lambda r: r.figures.events_held),
    ("参与人次", 9, lambda r: r.figures.attendees_people),
    ("参与企业（家次）", 15, lambda r: r.figures.attendee_enterprises),
    ("受理需求", 9, lambda r: r.figures.demands_received),
    ("办结需求", 9, lambda r: r.figures.demands_closed),
    ("未办结需求", 10, lambda r: r.demands_open),
    ("超期需求", 9, lambda r: r.demands_overdue),
    ("评价数", 8, lambda r: r.figures.rated),
    ("满意率", 8, lambda r: _share(r.figures.rated, r.figures.satisfied)),
]
DISTRICT_COLUMNS: list[Column] = [
    ("所在区", 10, lambda d: d.district),
    ("服务站（个）", 12, lambda d: d.stations),
    ("专职达标（个）", 13, lambda d: d.staff_rule_met),
    ("已挂牌（个）", 12, lambda d: d.signage_hung),
    ("制度已备案（个）", 15, lambda d: d.work_rules_filed),
    ("应报报告", 9, lambda d: d.reports_due),
    ("已报报告", 9, lambda d: d.reports_submitted),
    ("逾期报告", 9, lambda d: d.reports_late),
    ("服务企业（各站合计）", 19, lambda d: d.enterprises_served),
    ("服务记录（条）", 13, lambda d: d.service_records),
    ("举办活动（场）", 13, lambda d: d.events_held),
    ("参与人次", 9, lambda d: d.attendees_people),
    ("未办结需求", 10, lambda d: d.demands_open),
    ("超期需求", 9, lambda d: d.demands_overdue),
    ("满意率", 8, lambda d: _share(d.rated, d.satisfied)),
]


def _sheet(book: Any, title: str, columns: list[Column], items: Sequence[Any], note: str) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.append([header for header, _, _ in columns])
    for item in items:
        sheet.append(text_cells(sheet, [value(item) for _, _, value in columns]))
    for index, (_, width, _) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    share = [i for i, (header, _, _) in enumerate(columns, start=1) if header == "满意率"]
    for row in sheet.iter_rows(min_row=2, min_col=share[0], max_col=share[0]) if share else ():
        for cell in row:
            cell.number_format = "0.0%"
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(items) + 1)}"
    sheet.cell(row=len(items) + 3, column=1, value=note)


def network_workbook(rows: Sequence[NetworkRow], districts: Sequence[DistrictRow], year: int, made_at: str) -> bytes:
    """The workbook as .xlsx bytes."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    note = f"{year}年度数据，截至{made_at}（北京时间）。未办结、超期需求和专职人员按导出当日统计。"
    _sheet(book, "站点网络", STATION_COLUMNS, rows, note)
    _sheet(book, "按区汇总", DISTRICT_COLUMNS, districts,
           note + "服务企业为各站数之和：同一企业在两个服务站接受服务时各计一次。")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
