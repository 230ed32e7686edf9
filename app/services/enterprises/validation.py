"""The enterprise form's fields: parsing, checking and the live size preview.

Every error is a ValidationError whose message starts with the field's Chinese
label and says how to fix it; `field` is the EnterpriseInput attribute.  A
well-shaped credit code with a wrong check character raises
CheckCharacterWarning instead (enterprise_service decides when, after every
other check has passed, so the user confirms once).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from app.domain import credit_code, districts, enterprise_size, industries
from app.domain.catalogue import ENTERPRISE_STATUSES
from app.domain.enterprise_size import Size
from app.domain.errors import FieldError, UserError, ValidationError
from app.domain.industry_data import SECTIONS
from app.domain.messages import Msg
from app.domain.periods import china_today
from app.domain.row_rules.tables import ENTERPRISE as RULES
from app.domain.text_normalise import checked_text, parse_decimal, parse_int, parse_phone
from app.domain.text_normalise import tidy_text as tidy
from app.services.enterprises.names import name_initials

FIELD_LABELS: dict[str, str] = {
    "credit_code": "统一社会信用代码",
    "name": "企业名称",
    "industry_section": "行业门类",
    "industry_code": "行业代码",
    "district": "所在区",
    "address": "地址",
    "legal_representative": "法定代表人",
    "contact_name": "联系人",
    "contact_phone": "联系电话",
    "employees": "从业人员（人）",
    "revenue": "营业收入（万元）",
    "assets": "资产总额（万元）",
    "size_year": "规模数据年份",
    "status": "经营状态",
    "notes": "备注",
}
# Lengths come from the shared row rules (app/domain/row_rules), the ones HQ checks pushes against.
_TEXT_LIMITS = {f: RULES[f].max_len or 0 for f in ("address", "legal_representative", "contact_name", "notes")}
_NAME_MAX = RULES["name"].max_len or 0
_PHONE_MAX = RULES["contact_phone"].max_len or 0
_STATUS_BY_LABEL = {label: code for code, label in ENTERPRISE_STATUSES.items()}
_PHONE_SEPARATORS = str.maketrans({ch: "/" for ch in "、,，;；"})
_CENT = Decimal("0.01")
_district = lru_cache(maxsize=1024)(districts.parse_district)  # a few names, repeated on every row


class CheckCharacterWarning(UserError):
    """Well-shaped code, wrong check character: save only after the user confirms."""

    def __init__(self, result: credit_code.CodeResult) -> None:
        super().__init__(result.message, "credit_code")
        self.code = result.code
        self.expected_check = result.expected_check


@dataclass(frozen=True)
class EnterpriseInput:
    """What the form (or an import row) submits, as typed: text, or numbers for the size inputs."""

    credit_code: str = ""
    name: str = ""
    industry_section: str = ""  # A–T, or a section name (制造业)
    industry_code: str = ""  # GB/T 4754 code (6510) or a division name (软件和信息技术服务业)
    district: str = ""
    address: str = ""
    legal_representative: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    employees: object = None  # persons
    revenue: object = None  # 万元
    assets: object = None  # 万元
    size_year: object = None
    status: str = "active"  # code or label (正常 / 注销/停业 / 迁出)
    notes: str = ""


@dataclass(frozen=True)
class ValidatedEnterprise:
    """Clean values ready for the enterprise table."""

    credit_code: str | None
    credit_code_warning: bool
    name: str
    name_initials: str
    industry_section: str | None
    industry_code: str | None
    district: str
    address: str
    legal_representative: str
    contact_name: str
    contact_phone: str
    employees: int | None
    revenue: Decimal | None
    assets: Decimal | None
    size_year: int | None
    size: str | None
    status: str
    notes: str

    def columns(self) -> dict[str, Any]:
        return dict(self.__dict__)  # the fields, in order (a plain frozen dataclass: no slots)


@dataclass(frozen=True)
class SizePreview:
    size: Size | None
    label: str  # 大型/中型/小型/微型, "" when it cannot be computed
    missing: tuple[str, ...]  # what the form still needs, e.g. ("营业收入",)


def _error(field: str, detail: str) -> ValidationError:
    return ValidationError(Msg("%1：%2", FIELD_LABELS[field], detail), field)


def _number(value: object, field: str) -> Any:
    """A size input parsed and checked, remembered per distinct cell (an import repeats
    head counts and amounts: ~3 µs each to parse, most of a row's number checks)."""
    key = (field, value.__class__, value)  # the class too: 1, 1.0 and True are equal keys
    try:
        found = _NUMBERS.get(key)
    except TypeError:  # unhashable: a cell never is, but a caller may pass anything
        return _parse_number(value, field)
    if found is None:
        try:
            found = (_parse_number(value, field), None)
        except ValidationError as exc:
            found = (None, exc.message)
        if len(_NUMBERS) >= _NUMBERS_KEPT:
            _NUMBERS.clear()
        _NUMBERS[key] = found
    number, problem = found
    if problem is not None:
        raise ValidationError(problem, field)
    return number


_NUMBERS: dict[tuple[str, type, object], tuple[Any, str | None]] = {}
_NUMBERS_KEPT = 50_000


def _parse_number(value: object, field: str) -> Any:
    try:
        if field == "employees" or field == "size_year":
            return parse_int(value, FIELD_LABELS[field])
        number = parse_decimal(value, FIELD_LABELS[field], in_wan=True)
    except FieldError as exc:
        raise ValidationError(exc.message, field) from None
    return None if number is None else number.quantize(_CENT, rounding=ROUND_HALF_UP)


def industry(section_raw: object, code_raw: object) -> tuple[str | None, str | None]:
    """(section, code) from the two industry fields; either may be empty."""
    return _industry(tidy(section_raw), tidy(code_raw))


@lru_cache(maxsize=4096)  # an import repeats a few industries thousands of times (errors are not cached)
def _industry(section_text: str, code_text: str) -> tuple[str | None, str | None]:
    section = code = None
    if code_text:
        found = industries.parse_industry(code_text)
        if found is None:
            raise _error("industry_code", Msg("无法识别“%1”，请填写国民经济行业分类代码（如 6510）或行业名称（如 软件和信息技术服务业）。", code_text[:20]))
        section, code = found.section, found.code
    if section_text:
        found = industries.parse_industry(section_text)
        if found is None:
            raise _error("industry_section", Msg("无法识别“%1”，请选择 A–T 中的一个门类（如 C 制造业）。", section_text[:20]))
        if section and found.section != section:
            raise _error(
                "industry_code",
                Msg("代码 %1 属于门类 %2（%3），与所填门类 %4（%5）不一致，请核对。", code or section, section, SECTIONS[section], found.section, SECTIONS[found.section]),
            )
        section, code = found.section, code or found.code
    return section, code


def size_preview(
    industry_section: object, industry_code: object, employees: object, revenue: object, assets: object
) -> SizePreview:
    """The size the form shows while typing; unreadable inputs count as missing, never raise."""
    try:
        section, code = industry(industry_section, industry_code)
    except ValidationError:
        section = code = None
    values = []
    for value, field in ((employees, "employees"), (revenue, "revenue"), (assets, "assets")):
        try:
            values.append(_number(value, field))
        except ValidationError:
            values.append(None)
    row = enterprise_size.standard_row(section, code)
    size = enterprise_size.classify(row, *values)
    missing = tuple(enterprise_size.missing_inputs(row, *values))
    return SizePreview(size, size.label if size else "", missing)


def _as_is(value: object) -> str:
    return value  # type: ignore[return-value]  # check_fields(clean=True): already tidy text


def _phone(value: object, tidy_text: Callable[[object], str] = tidy) -> str:
    if value is not None and not isinstance(value, str):
        raise _error("contact_phone", "请填写文字。")
    raw = tidy_text(value)
    if _MOBILE_ONLY.fullmatch(raw):  # one mobile number as is (most cells): what _phones gives it
        return raw
    return _phones(raw)


_MOBILE_ONLY = re.compile("1[3-9][0-9]{9}")


def _phones(raw: str) -> str:
    parts = [p for p in raw.translate(_PHONE_SEPARATORS).split("/") if p.strip()]
    try:
        phones = [parse_phone(part, FIELD_LABELS["contact_phone"]) for part in parts]
    except FieldError as exc:
        raise ValidationError(exc.message + "多个号码请用“/”分隔。", "contact_phone") from None
    text = "/".join(p for p in phones if p)
    if len(text) > _PHONE_MAX:
        raise _error("contact_phone", Msg("最多填写%1个字符，请只保留常用号码。", _PHONE_MAX))
    return text


def _name(value: object) -> str:
    name = checked_text(value, "name", FIELD_LABELS["name"], max_len=_NAME_MAX, required=True)
    # isprintable() is False for every Cc/Cf/Co/Cn character (and for some allowed spaces)
    if not name.isprintable() and any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cn") for ch in name):
        raise _error("name", "含有换行、制表符或不可见字符，请按营业执照重新输入。")
    return " ".join(name.split())


def check_fields(data: EnterpriseInput, *, clean: bool = False) -> tuple[ValidatedEnterprise, credit_code.CodeResult | None]:
    """Every field on its own, in form order.  Returns the values and the code's check result.

    ``clean``: every text field is already tidy_text (an import cleans each cell once, for
    its repeated-row check), so it is not cleaned again here."""
    tidy_ = _as_is if clean else tidy
    code_result = None
    code_text = "" if data.credit_code is None else data.credit_code
    if not isinstance(code_text, str):
        raise _error("credit_code", "请填写文字。")
    if tidy_(code_text):
        code_result = credit_code.check(code_text)
        if code_result.status is credit_code.CodeCheck.BAD_SHAPE:
            raise ValidationError(code_result.message + "请对照营业执照核对；暂时不知道可以留空。", "credit_code")
    name = _name(data.name)
    section, code = _industry(tidy_(data.industry_section), tidy_(data.industry_code))
    district_text = tidy_(data.district)
    if not district_text:
        raise _error("district", "不能为空，请选择企业所在的区。")
    district = _district(district_text)
    if district is None:
        raise _error("district", Msg("请从广州市十一个区中选择（%1）。", '、'.join(districts.NAMES)))
    texts = {f: checked_text(getattr(data, f), f, FIELD_LABELS[f], max_len=n) for f, n in _TEXT_LIMITS.items()}
    phone = _phone(data.contact_phone, tidy_)
    employees, revenue, assets = (_number(getattr(data, f), f) for f in ("employees", "revenue", "assets"))
    size_year = _number(data.size_year, "size_year")
    latest = china_today().year + 1
    if size_year is not None and not 1949 <= size_year <= latest:
        raise _error("size_year", Msg("请填写 1949–%1 之间的年份，如 %2。", latest, latest - 2))
    status_text = tidy_(data.status) or "active"
    status = status_text if status_text in ENTERPRISE_STATUSES else _STATUS_BY_LABEL.get(status_text)
    if status is None:
        raise _error("status", Msg("请选择%1之一。", '、'.join(ENTERPRISE_STATUSES.values())))
    size = enterprise_size.size_for(section, code, employees, revenue, assets)
    values = ValidatedEnterprise(
        credit_code=code_result.code if code_result else None,
        credit_code_warning=bool(code_result and code_result.status is credit_code.CodeCheck.BAD_CHECK),
        name=name, name_initials=name_initials(name), industry_section=section, industry_code=code,
        district=district, contact_phone=phone, employees=employees, revenue=revenue, assets=assets,
        size_year=size_year, size=size.value if size else None, status=status, **texts,
    )
    return values, code_result
