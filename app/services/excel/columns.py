"""Which spreadsheet column holds which field: Chinese header synonyms, the suggested
mapping for a header row, and mappings remembered per header signature.

A mapping is ``{target field: column index (0-based)}``.  Header text is compared
after NFKC, with spaces, brackets and units removed, so ``营业收入（万元）``,
``营业收入(万元)`` and ``营业收入`` are one header.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from app import settings
from app.domain.text_normalise import tidy_text

Mapping = dict[str, int]

# field → (label shown in the mapping table, synonyms); the first synonym is the canonical header
ENTERPRISE_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "credit_code": ("统一社会信用代码", ("统一社会信用代码", "信用代码", "社会信用代码", "统一代码", "社会统一信用代码", "组织机构代码")),
    "name": ("企业名称", ("企业名称", "单位名称", "公司名称", "企业", "名称", "单位", "企业全称")),
    "industry_section": ("行业门类", ("行业门类", "门类")),
    "industry_code": ("所属行业", ("所属行业", "行业", "行业代码", "行业类别", "国民经济行业", "行业分类", "所属行业代码")),
    "district": ("所在区", ("所在区", "区域", "行政区", "所属区", "区", "所在区域", "辖区")),
    "address": ("地址", ("地址", "企业地址", "注册地址", "经营地址", "通讯地址")),
    "legal_representative": ("法定代表人", ("法定代表人", "法人", "法人代表", "负责人")),
    "contact_name": ("联系人", ("联系人", "联系人姓名")),
    "contact_phone": ("联系电话", ("联系电话", "电话", "手机", "手机号", "联系方式", "手机号码")),
    "employees": ("从业人员", ("从业人员", "员工人数", "人数", "从业人数", "职工人数", "员工数", "从业人员数")),
    "revenue": ("营业收入（万元）", ("营业收入", "营收", "年营业收入", "主营业务收入", "销售收入")),
    "assets": ("资产总额（万元）", ("资产总额", "总资产", "资产")),
    "size_year": ("数据年份", ("数据年份", "年份", "规模数据年份")),
    "status": ("状态", ("状态", "经营状态", "企业状态")),
    "notes": ("备注", ("备注", "说明")),
}

RECORD_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "enterprise_code": ("统一社会信用代码", ("统一社会信用代码", "信用代码", "社会信用代码")),
    "enterprise_name": ("企业名称", ("企业名称", "单位名称", "公司名称", "企业", "服务对象")),
    "service_date": ("服务日期", ("服务日期", "日期", "服务时间", "接待日期")),
    "category": ("服务类别", ("服务类别", "服务类型", "类别", "服务事项")),
    "channel": ("服务方式", ("服务方式", "方式", "服务渠道", "渠道")),
    "prep_minutes": ("准备时长（分钟）", ("准备时长", "准备时间")),
    "contact_minutes": ("服务时长（分钟）", ("服务时长", "服务时间分钟", "时长", "接待时长")),
    "fee_type": ("收费方式", ("收费方式", "收费类型", "是否收费")),
    "fee": ("金额（元）", ("金额", "收费金额", "费用")),
    "staff": ("服务人员", ("服务人员", "工作人员", "经办人", "接待人员", "服务专员")),
    "summary": ("服务内容", ("服务内容", "内容", "服务摘要", "咨询内容")),
    "outcome": ("服务结果", ("结果", "服务结果", "办理结果", "处理结果")),
    "satisfaction": ("满意度", ("满意度", "满意度评分", "评分")),
    "follow_up_on": ("回访日期", ("回访日期", "回访时间")),
    "institution": ("转介机构", ("转介机构", "服务机构", "转介服务机构", "承接机构")),
    "expert": ("转介专家", ("转介专家", "专家", "服务专家")),
}

FIELDS = {"enterprises": ENTERPRISE_FIELDS, "records": RECORD_FIELDS}
REQUIRED = {"enterprises": ("name",), "records": ("service_date",)}

# spaces, required-field stars, colons, bracketed units: 营业收入（万元）, 从业人员(人)
_NOISE = re.compile(r"[\s*＊:：]|[(（\[【][^)）\]】]*[)）\]】]|(?<=..)(万元|分钟)$")

# "kind:signature" → {field: column}
REMEMBERED: settings.Option[dict[str, dict[str, int]]] = settings.persist("import_mappings", {}, dict)


def column_letters(index: int) -> str:
    """0-based column index → Excel's letters (0 → A, 26 → AA), as the sheet names the column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def header_key(text: object) -> str:
    """Header text as compared: 营业收入（万元） → 营业收入, 从业人员(人) → 从业人员."""
    return _NOISE.sub("", tidy_text(text))


def _index(kind: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for field, (_, words) in FIELDS[kind].items():
        for word in words:
            found.setdefault(header_key(word), field)
    return found


_INDEXES = {kind: _index(kind) for kind in FIELDS}


def field_for(kind: str, header: object) -> str | None:
    return _INDEXES[kind].get(header_key(header))


def header_score(kind: str, cells: Sequence[object]) -> int:
    """How many distinct fields a row's cells name (to find the header row below titles)."""
    return len({f for cell in cells if (f := field_for(kind, cell)) is not None})


def suggest_mapping(kind: str, headers: Sequence[object]) -> Mapping:
    """The remembered mapping for this header row, else one from the synonyms (first column wins)."""
    remembered = settings.Settings().get(REMEMBERED).get(f"{kind}:{signature(headers)}")
    if isinstance(remembered, dict):
        valid = {f: int(c) for f, c in remembered.items() if f in FIELDS[kind] and 0 <= int(c) < len(headers)}
        if valid:
            return valid
    mapping: Mapping = {}
    for column, header in enumerate(headers):
        field = field_for(kind, header)
        if field is not None and field not in mapping:
            mapping[field] = column
    return mapping


def signature(headers: Sequence[object]) -> str:
    """Stable id of a header row (the same template next month gives the same signature)."""
    joined = "\x1f".join(tidy_text(h) for h in headers)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def remember(kind: str, headers: Sequence[object], mapping: Mapping) -> None:
    """Keep a mapping the user confirmed, for the next file with the same header row."""
    store = settings.Settings()
    current = store.get(REMEMBERED)
    saved = dict(current)  # never mutate the option's shared default
    saved[f"{kind}:{signature(headers)}"] = {f: int(c) for f, c in mapping.items()}
    store.set(REMEMBERED, saved)


def missing_required(kind: str, mapping: Mapping) -> list[str]:
    """Labels of required fields the mapping leaves out (records need a name or a code)."""
    missing = [FIELDS[kind][f][0] for f in REQUIRED[kind] if f not in mapping]
    if kind == "records" and not {"enterprise_code", "enterprise_name"} & set(mapping):
        missing.insert(0, "企业名称或统一社会信用代码")
    return missing
