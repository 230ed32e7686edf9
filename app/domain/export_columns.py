"""Columns of the enterprise Excel export, shared by the station's export and HQ's
(`station-desk-hq export enterprises`), so both files can be compared cell by cell."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.catalogue import ENTERPRISE_STATUSES
from app.domain.enterprise_size import SIZE_LABELS, Size

# (header, field of the enterprise row)
ENTERPRISE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("统一社会信用代码", "credit_code"),
    ("企业名称", "name"),
    ("行业门类", "industry_section"),
    ("行业代码", "industry_code"),
    ("所在区", "district"),
    ("地址", "address"),
    ("法定代表人", "legal_representative"),
    ("联系人", "contact_name"),
    ("联系电话", "contact_phone"),
    ("从业人员", "employees"),
    ("营业收入（万元）", "revenue"),
    ("资产总额（万元）", "assets"),
    ("数据年份", "size_year"),
    ("企业规模", "size"),
    ("状态", "status"),
)
ENTERPRISE_HEADERS: tuple[str, ...] = tuple(header for header, _ in ENTERPRISE_COLUMNS)
_SIZE_BY_CODE = {size.value: label for size, label in SIZE_LABELS.items()}
_DECIMALS = frozenset({"revenue", "assets"})


def enterprise_cells(row: Mapping[str, Any]) -> list[Any]:
    """One export row from an enterprise as a mapping of field → value (a station ORM
    row's attributes or HQ's JSON data): size and status as Chinese labels, money as
    Decimal, empty text for missing values."""
    cells: list[Any] = []
    for _, name in ENTERPRISE_COLUMNS:
        value = row.get(name)
        if name == "size":
            code = value.value if isinstance(value, Size) else value
            value = _SIZE_BY_CODE.get(code, code) if isinstance(code, str) else code
        elif name == "status":
            value = ENTERPRISE_STATUSES.get(value, value) if isinstance(value, str) else value
        elif name in _DECIMALS and value not in (None, ""):
            try:
                value = Decimal(str(value))
            except InvalidOperation:
                value = str(value)
        cells.append("" if value is None else value)
    return cells
