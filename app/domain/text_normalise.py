"""Cleaning and parsing messy spreadsheet / form cells.

Every ``parse_*`` function returns ``None`` for an empty cell (unless
``required``) and raises only :class:`FieldError`, whose message names the field
and says how to fix the value.

Decisions:
- Empty-like placeholders ``""``, ``-``, ``--``, ``—``, ``/`` count as empty;
  ``无`` does not (it may mean zero — the user must say so).
- Numbers: full-width digits, ``1,234.5`` (groups of exactly three), ``¥``,
  ``1.2E+4`` and accounting negatives ``(5)`` are understood; negatives are
  rejected.  ``parse_int`` accepts a trailing 人/名 (head counts).
- Units: only money fields kept in 万元 (``in_wan=True``) accept a unit:
  ``12.5万``/``12.5万元`` → 12.5, ``1.2亿`` → 12000, ``125000元`` → 12.5.
  Any other field rejects units rather than guess the scale.
- Dates: years 1900–2100 only (anything else is a typo in this domain);
  US-style ``3/5/2024`` and two-digit years are rejected as ambiguous.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal

from app.domain.errors import FieldError, ValidationError
from app.domain.messages import Msg

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
_SPACES = re.compile(r"\s+")
# What tidy_text's whitespace and zero-width steps would change: a zero-width character,
# whitespace other than a space, or two spaces in a row.
_UNTIDY = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]|[^\\S ]|  ")
_EMPTY = {"", "-", "--", "—", "——", "/", "\\"}
_NUMBER = re.compile(r"^\+?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d{1,2})?$")
_LIMIT = Decimal(10) ** 15  # far beyond any real head count or 万元 amount
_WAN_UNITS = {"万元": Decimal(1), "万": Decimal(1), "亿元": Decimal(10000), "亿": Decimal(10000),
              "元": Decimal("0.0001")}
_DATE = re.compile(
    r"^(\d{4})\s*([-/.年])\s*(\d{1,2})\s*([-/.月])\s*(\d{1,2})\s*[日号]?"
    r"(?:\s*T?\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_SEPARATORS = {("-", "-"), ("/", "/"), (".", "."), ("年", "月")}
_DATE_HINT = "请写成 2024-03-05 这样的日期。"


def tidy_text(value: object) -> str:
    """NFKC (full-width → half-width), drop zero-width chars, collapse whitespace, strip.

    Trap: NFKC also turns the full-width brackets of company names （集团） into
    half-width ones; compare names on cleaned text, but keep what the user typed.
    """
    if type(value) is str:
        # Printable ASCII without a double space (codes, phones, numbers, and any text
        # cleaned before): NFKC, zero-width characters and whitespace runs change nothing,
        # so only the ends remain.  An import checks ~25 cells per row through here.
        if value.isascii():
            if value.isprintable() and "  " not in value:
                return value.strip()
        elif _UNTIDY.search(value) is None and unicodedata.is_normalized("NFKC", value):
            return value.strip()  # Chinese text already NFKC: again only the ends can change
    elif value is None:
        return ""
    elif isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel hands over 13800138000.0 for a phone number
    text = unicodedata.normalize("NFKC", value if isinstance(value, str) else str(value))
    return _SPACES.sub(" ", text.translate(_ZERO_WIDTH)).strip()


def _shown(text: object) -> str:
    text = str(text)
    return text if len(text) <= 30 else text[:30] + "…"


def _missing(field: str, required: bool) -> None:
    if required:
        raise FieldError(field, "不能为空，请填写。")


def _to_decimal(value: object, field: str, units: dict[str, Decimal]) -> Decimal | None:
    """Non-negative Decimal from a cell, or None when empty."""
    if isinstance(value, bool):
        raise FieldError(field, Msg("无法识别“%1”，请填写数字。", value))
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        raw: object = value  # shown (as tidy_text shows it) only in an error message
    else:
        raw = tidy_text(value)
        if raw in _EMPTY:
            return None
        if raw.isdigit() and raw.isascii():  # plain digits (most cells): no sign, unit or separator
            return _checked_number(Decimal(raw), raw, field)
        text = raw.replace("\u2212", "-").lstrip("¥$").strip()
        negative = text.startswith("-") or (text.startswith("(") and text.endswith(")"))
        text = text.strip("()").lstrip("-").strip()
        scale = Decimal(1)
        for unit, factor in units.items():  # longest units first (万元 before 万)
            if text.endswith(unit):
                text, scale = text[: -len(unit)].strip(), factor
                break
        match = _NUMBER.match(text)
        if not text or not match or not (match.group(1) or match.group(2)):
            hint = "请只填写数字（单位：万元），如 1234.5 或 12.5万" if "万元" in units else "请填写数字，例如 1234 或 1,234.5"
            raise FieldError(field, Msg("无法识别“%1”，%2。", _shown(raw), hint))
        number = Decimal(text.replace(",", "")) * scale
        if negative and number:
            number = -number
    return _checked_number(number, raw, field)


def _checked_number(number: Decimal, raw: object, field: str) -> Decimal:
    if not number.is_finite():
        raise FieldError(field, Msg("无法识别“%1”，请填写数字。", _shown(tidy_text(raw))))
    if number < 0:
        raise FieldError(field, Msg("不能是负数（现在是“%1”），请填写 0 或正数。", _shown(tidy_text(raw))))
    if number >= _LIMIT:
        raise FieldError(field, Msg("数值“%1”过大，请核对（金额以万元为单位）。", _shown(tidy_text(raw))))
    return Decimal(int(number)) if number == number.to_integral_value() else number.normalize()


def parse_decimal(value: object, field_label: str, *, in_wan: bool = False,
                  required: bool = False) -> Decimal | None:
    """A non-negative amount; with ``in_wan`` the field is in 万元 and 万/亿/元 suffixes convert."""
    number = _to_decimal(value, field_label, _WAN_UNITS if in_wan else {})
    if number is None:
        _missing(field_label, required)
    return number


def parse_int(value: object, field_label: str, *, required: bool = False) -> int | None:
    """A non-negative whole number (head counts accept a trailing 人/名)."""
    number = _to_decimal(value, field_label, {"人": Decimal(1), "名": Decimal(1)})
    if number is None:
        _missing(field_label, required)
        return None
    if number != number.to_integral_value():
        raise FieldError(field_label, Msg("应为整数，现在是“%1”。", _shown(tidy_text(value))))
    return int(number)


def _from_serial(serial: float, field: str) -> date:
    # Excel's 1900 date system counts the non-existent 1900-02-29 as serial 60.
    if not math.isfinite(serial) or serial < 1 or serial >= 73416:  # 73416 = 2101-01-01
        raise FieldError(field, Msg("Excel 日期序号“%1”超出范围，%2", _shown(serial), _DATE_HINT))
    day = int(serial)  # a fraction is the time of day
    if day == 60:
        raise FieldError(field, Msg("Excel 日期序号 60 对应不存在的 1900-02-29，%1", _DATE_HINT))
    return date(1899, 12, 31 if day < 60 else 30) + timedelta(days=day)


def _checked(year: int, month: int, day: int, raw: str, field: str) -> date:
    try:
        result = date(year, month, day)
    except ValueError:
        raise FieldError(field, Msg("无法识别“%1”，%2", _shown(raw), _DATE_HINT)) from None
    if not 1900 <= year <= 2100:
        raise FieldError(field, Msg("年份 %1 超出范围（1900–2100），请核对。", year))
    return result


def parse_date(value: object, field_label: str, *, required: bool = False) -> date | None:
    """Dates as Excel and people write them; see the module docstring."""
    field = field_label
    if isinstance(value, datetime):
        return _checked(value.year, value.month, value.day, str(value), field)
    if isinstance(value, date):
        return _checked(value.year, value.month, value.day, str(value), field)
    if isinstance(value, bool):
        raise FieldError(field, Msg("无法识别“%1”，%2", value, _DATE_HINT))
    if isinstance(value, int | float | Decimal):
        try:
            serial = float(value)
        except (OverflowError, ValueError):  # huge ints, signalling NaN
            serial = math.nan
        return _from_serial(serial, field)
    raw = tidy_text(value)
    if raw in _EMPTY:
        _missing(field, required)
        return None
    if match := _DATE.match(raw):
        year, sep1, month, sep2, day = match.groups()
        if (sep1, sep2) in _SEPARATORS:
            return _checked(int(year), int(month), int(day), raw, field)
    elif re.fullmatch(r"\d{8}", raw):
        return _checked(int(raw[:4]), int(raw[4:6]), int(raw[6:]), raw, field)
    elif re.fullmatch(r"\d{5}(\.\d+)?", raw):  # a serial stored as text
        return _from_serial(float(raw), field)
    elif re.fullmatch(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*月?", raw):
        raise FieldError(field, Msg("“%1”缺少日，请写成 2024-03-05 这样的完整日期。", _shown(raw)))
    raise FieldError(field, Msg("无法识别“%1”，%2", _shown(raw), _DATE_HINT))


_MOBILE = re.compile(r"^(?:\+?86)?(1[3-9]\d{9})$")
_LANDLINE = re.compile(r"^(0(?:[12]\d|\d{3}))(\d{7,8})(?:(?:转|EXT|#)(\d{1,6}))?$")


def parse_phone(value: object, field_label: str, *, required: bool = False) -> str | None:
    """Mobile → 11 digits; landline → ``020-12345678`` (``转123`` kept); 7–8 digit local numbers as is."""
    raw = tidy_text(value)
    if raw in _EMPTY:
        _missing(field_label, required)
        return None
    text = re.sub(r"[\s\-()]", "", raw).upper()
    if match := _MOBILE.match(text.removeprefix("0086")):
        return match.group(1)
    if match := _LANDLINE.match(text):
        area, number, ext = match.groups()
        return f"{area}-{number}" + (Msg("转%1", ext) if ext else "")
    if re.fullmatch(r"[2-9]\d{6,7}", text):
        return text
    raise FieldError(field_label, Msg("无法识别“%1”，请填写一个手机号（11位）或座机号（如 020-12345678）。", _shown(raw)))


def checked_text(value: object, field: str, label: str, *, max_len: int, required: bool = False) -> str:
    """Stripped text, or a ValidationError naming the field."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(Msg("%1：请填写文字。", label), field)
    text = value.strip()
    if required and not text:
        raise ValidationError(Msg("%1：不能为空，请填写。", label), field)
    if len(text) > max_len:
        raise ValidationError(Msg("%1：不能超过%2个字（现有%3个），请精简。", label, max_len, len(text)), field)
    # lone surrogates cannot be stored (they crash the driver); NUL truncates in many tools
    if "\x00" in text or not _encodable(text):
        raise ValidationError(Msg("%1：包含无法保存的特殊字符，请删除后重试。", label), field)
    return text


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True

