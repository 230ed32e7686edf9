"""SME size standard (中小企业划型标准, 工信部联企业〔2011〕300号).

Large, medium and small must meet *every* listed lower bound of their level
(``>=``: exactly at the bound qualifies), otherwise they drop a level; micro is
whatever is left, i.e. any one indicator below its small bound.  Employees are persons;
revenue and assets are in 万元.  Raw inputs are stored; the label is derived.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from app.domain.industries import section_of
from app.domain.industry_data import SECTIONS
from app.domain.messages import Msg
from app.domain.text_normalise import tidy_text


class Size(enum.Enum):
    LARGE = "large"
    MEDIUM = "medium"
    SMALL = "small"
    MICRO = "micro"

    @property
    def label(self) -> str:
        return SIZE_LABELS[self]


SIZE_LABELS = {Size.LARGE: "大型", Size.MEDIUM: "中型", Size.SMALL: "小型", Size.MICRO: "微型"}
LABEL_TO_SIZE = {label: size for size, label in SIZE_LABELS.items()}


@dataclass(frozen=True)
class Row:
    name: str
    # indicator -> (large, medium, small) lower bounds
    bounds: dict[str, tuple[int, int, int]]


E, R, A = "employees", "revenue", "assets"

# The standard's 16 rows, copied from ../shared/reference/domain-facts.md.
STANDARD: dict[str, Row] = {
    "agriculture": Row("农、林、牧、渔业", {R: (20000, 500, 50)}),
    "industry": Row("工业", {E: (1000, 300, 20), R: (40000, 2000, 300)}),
    "construction": Row("建筑业", {R: (80000, 6000, 300), A: (80000, 5000, 300)}),
    "wholesale": Row("批发业", {E: (200, 20, 5), R: (40000, 5000, 1000)}),
    "retail": Row("零售业", {E: (300, 50, 10), R: (20000, 500, 100)}),
    "transport": Row("交通运输业", {E: (1000, 300, 20), R: (30000, 3000, 200)}),
    "warehousing": Row("仓储业", {E: (200, 100, 20), R: (30000, 1000, 100)}),
    "postal": Row("邮政业", {E: (1000, 300, 20), R: (30000, 2000, 100)}),
    "accommodation": Row("住宿业", {E: (300, 100, 10), R: (10000, 2000, 100)}),
    "catering": Row("餐饮业", {E: (300, 100, 10), R: (10000, 2000, 100)}),
    "information_transmission": Row("信息传输业", {E: (2000, 100, 10), R: (100000, 1000, 100)}),
    "software": Row("软件和信息技术服务业", {E: (300, 100, 10), R: (10000, 1000, 50)}),
    "real_estate": Row("房地产开发经营", {R: (200000, 1000, 100), A: (10000, 5000, 2000)}),
    "property_management": Row("物业管理", {E: (1000, 300, 100), R: (5000, 1000, 500)}),
    "leasing": Row("租赁和商务服务业", {E: (300, 100, 10), A: (120000, 8000, 100)}),
    "other": Row("其他未列明行业", {E: (300, 100, 10)}),
}


@lru_cache(maxsize=4096)  # a pure function of two short texts, asked once per row of an import
def standard_row(section: str | None, code: str | None = None) -> str | None:
    """Which row of the standard a GB/T 4754 section and/or code falls under.

    None when the industry is unknown, inconsistent (code outside the section),
    or too coarse to tell: F, G, I without the division, K/70 without 701x/702x.
    """
    code = tidy_text(code).upper()
    derived = section_of(code) if code else None
    section = tidy_text(section).upper() or derived or ""
    if section not in SECTIONS or (code and derived != section):
        return None
    division = code[:2]
    if section == "A":
        return "agriculture"
    if section in {"B", "C", "D"}:
        return "industry"
    if section == "E":
        return "construction"
    if section == "F":
        return {"51": "wholesale", "52": "retail"}.get(division)
    if section == "G":
        # Rail (53) is excluded from the transport row; like the other unlisted
        # industries it falls to "other" (see domain-facts.md).
        rows = {"53": "other", "59": "warehousing", "60": "postal"}
        return rows.get(division, "transport") if division else None
    if section == "H":
        return "catering" if division == "62" else "accommodation"  # identical bounds
    if section == "I":
        return {"63": "information_transmission", "64": "information_transmission", "65": "software"}.get(division)
    if section == "K":
        if code.startswith("701"):
            return "real_estate"
        if code.startswith("702"):
            return "property_management"
        return "other" if len(code) > 2 else None  # 703 中介, 704, 709 → other
    if section == "L":
        return "leasing"
    return "other"


def _number(name: str, value: object) -> Decimal:
    # A Decimal or int (what the form and an import hand over) is exact as it is; str()
    # only matters for floats (0.1 as typed, not its binary expansion).
    number = value if value.__class__ is Decimal else Decimal(value) if value.__class__ is int else Decimal(str(value))
    if not number.is_finite() or number < 0:
        raise ValueError(f"{name} must be a non-negative number, got {value!r}")
    return number


def classify(
    row: str | None,
    employees: int | None = None,
    revenue: Decimal | float | int | None = None,
    assets: Decimal | float | int | None = None,
) -> Size | None:
    """The size for the given inputs, or None when the row or an indicator it needs is missing."""
    if row is None:
        return None
    values = {E: employees, R: revenue, A: assets}
    bounds = STANDARD[row].bounds
    if any(values[ind] is None for ind in bounds):
        return None
    # The size is the level every indicator reaches: the lowest of the levels each reaches
    # alone (0 large … 3 micro), one pass instead of up to three over all indicators.
    reached = 0
    for ind, (large, medium, small) in bounds.items():
        number = _number(ind, values[ind])
        level = 0 if number >= large else 1 if number >= medium else 2 if number >= small else 3
        if level > reached:
            reached = level
    return _BY_LEVEL[reached]


_BY_LEVEL = (Size.LARGE, Size.MEDIUM, Size.SMALL, Size.MICRO)


def size_for(
    section: str | None,
    code: str | None,
    employees: int | None,
    revenue: Decimal | float | int | None,
    assets: Decimal | float | int | None,
) -> Size | None:
    """Size straight from the stored raw inputs (None = cannot be computed yet)."""
    return classify(standard_row(section, code), employees, revenue, assets)


def missing_inputs(row: str | None, employees: object, revenue: object, assets: object) -> list[str]:
    """Names (Chinese) of the inputs this row needs that are still empty."""
    if row is None:
        return [Msg("所属行业（需细到大类）")]
    names = {E: Msg("从业人员"), R: Msg("营业收入"), A: Msg("资产总额")}
    values = {E: employees, R: revenue, A: assets}
    return [names[ind] for ind in STANDARD[row].bounds if values[ind] is None]
