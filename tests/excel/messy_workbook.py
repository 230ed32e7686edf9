"""Deliberately messy workbooks, built by code, as offices really send them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

from app.domain.credit_code import make_code

CODES = [make_code(f"9144010{n:010d}") for n in range(1, 12)]
BAD_CHECK = CODES[6][:17] + ("0" if CODES[6][17] != "0" else "1")
FULL_WIDTH = str.maketrans("0123456789ABCDEFGHJKLMNPQRTUWXY", "０１２３４５６７８９ＡＢＣＤＥＦＧＨＪＫＬＭＮＰＱＲＴＵＷＸＹ")
HEADERS = ["序号", " 单位名称 ", "信用代码", "行业", "区域", "员工人数", "营收（万元）", "资产总额(万元)", "联系人", "手机", "法人"]

# (name, code, industry, district, employees, revenue, assets, phone); None rows are special
ENTERPRISE_ROWS: list[list[object]] = [
    ["广州甲科技有限公司", CODES[0], "制造业", "天河", "１２０", "3,500", 2000, "138 0013 8000"],
    ["  广州乙商贸有限公司  ", CODES[1], "零售业", "海珠区", 8, "450.5", "300", 13800138001],
    ["广州丙软件有限公司", CODES[2], "软件和信息技术服务业", "广州市越秀区", "35", 800, 600, "020-87654321"],
    ["广州丁制品有限公司", CODES[3], "C", "番禺", 260, 12000, 9000, ""],
    ["广州戊便利店", CODES[4], 52, "荔湾", 6, 90, 40, ""],
    ["广州甲科技有限公司", CODES[0], "制造业", "天河", "１２０", "3,500", 2000, "138 0013 8000"],  # exact repeat
    ["广州己电子有限公司", BAD_CHECK, "C39", "黄埔区", 50, 3000, 1000, ""],  # check-character warning
    ["广州庚贸易有限公司", CODES[7][:17], "批发业", "南沙", 5, 100, 50, ""],  # wrong shape
    ["", CODES[8], "零售业", "天河", 5, 100, 50, ""],  # missing name
    ["广州辛餐饮有限公司", CODES[9], "餐饮业", "天河", "-5", 100, 50, ""],  # negative number
    ["广州壬咨询有限公司", CODES[10].translate(FULL_WIDTH), "L", "增城", 12, 200, 100, ""],  # full-width code
    ["广州癸物流有限公司", make_code("91440100MA0000001"), "G", "白云区", 30, 500, 400, ""],  # district merged down
    ["广州子物流有限公司", make_code("91440100MA0000002"), "G", None, 31, 510, 410, ""],
]
EXPECTED = {"imported": 8, "warnings": 1, "rejected": 3, "duplicates_in_file": 1}


def build_enterprises(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "企业名单"
    sheet.append(["2024年天河区中小企业服务站服务企业名单"])
    sheet.merge_cells("A1:K1")
    sheet.append(["填报单位：天河区中小企业服务站", None, None, None, None, None, None, None, "填报日期：2024年3月5日"])
    sheet.append([])
    sheet.append(HEADERS)
    for n, (name, code, industry, district, employees, revenue, assets, phone) in enumerate(ENTERPRISE_ROWS, 1):
        sheet.append([n, name, code, industry, district, employees, revenue, assets, "张三", phone, "李四"])
    last = sheet.max_row
    sheet.merge_cells(f"E{last - 1}:E{last}")  # 区域 merged over the last two rows
    book.save(path)
    return path


def serial(day: date) -> int:
    return (day - date(1899, 12, 30)).days


RECORD_HEADERS = ["企业名称", "服务日期", "服务类别", "服务方式", "服务时长(分钟)", "收费方式", "金额", "服务人员", "服务内容", "满意度"]


def build_records(path: Path, enterprise: str, staff: str) -> Path:
    """Five good rows (four date forms), one repeat, one unknown enterprise, one bad date."""
    book = Workbook()
    sheet = book.active
    sheet.append(["服务记录台账"])
    sheet.merge_cells("A1:J1")
    sheet.append(RECORD_HEADERS)
    rows = [
        [enterprise, "2026年11月3日", "政策咨询", "来访", "30", "免费", None, staff, "申报政策", 5],
        [enterprise, "2026/11/4", "财税服务", "电话", "１５", "", None, staff, "咨询税务", "4"],
        [enterprise, serial(date(2026, 11, 2)), "法律服务", "线上", 20, "有偿", "200", staff, "合同审查", None],
        [f" {enterprise} ", datetime(2026, 10, 20, 9, 30), "知识产权", "上门", "45分钟", "免费", None, staff, "商标", 5],
        [enterprise, "2026年11月3日", "政策咨询", "来访", "30", "免费", None, staff, "申报政策", 5],  # repeat
        ["不存在的公司", "2026/11/4", "政策咨询", "来访", 10, "免费", None, staff, "", None],
        [enterprise, "2026/13/4", "政策咨询", "来访", 10, "免费", None, staff, "", None],
    ]
    for row in rows:
        sheet.append(row)
    sheet.cell(row=5, column=2).number_format = "0"  # the serial stays a plain number
    book.save(path)
    return path


RECORDS_EXPECTED = {"imported": 4, "warnings": 0, "rejected": 2, "duplicates_in_file": 1}
