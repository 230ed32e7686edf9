"""One field's rule and how a wire value is checked against it.

A rule says what a synced column may hold *on the wire* (docs/sync-protocol.md, "Wire
rows"): uuids as canonical text, dates as YYYY-MM-DD, timestamps as ISO 8601, money as a
decimal string, booleans as JSON booleans.  `problem` answers in Chinese what is wrong
and how to fix it, or None; it never raises, whatever the value is.
"""

from __future__ import annotations

import datetime as _dt
import enum
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.domain import credit_code
from app.domain.messages import Msg

MAX_NAME_CHARS = 200  # a name or title
MAX_FREE_TEXT_CHARS = 20_000  # any free text (notes, summaries, one narrative section)
# One row's `data` as compact JSON text, counted in characters: a CJK character is one
# character but three UTF-8 bytes, and an annual summary's four 10,000-character sections
# must fit.
MAX_ROW_JSON_CHARS = 64 * 1024
MAX_JSON_KEYS = 64  # keys of a JSON column (report sections, targets)
MAX_JSON_ITEMS = 500  # items of a JSON list column (a plan's events)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECIMAL = re.compile(r"^-?\d{1,18}(?:\.(\d{1,18}))?$")


class Kind(enum.Enum):
    TEXT = "text"
    CREDIT_CODE = "credit_code"
    UUID = "uuid"
    DATE = "date"
    TIMESTAMP = "timestamp"
    DECIMAL = "decimal"  # ScaledDecimal(2): 万元, 元
    INTEGER = "integer"
    NUMBER = "number"  # a float column
    BOOLEAN = "boolean"
    TEXT_MAP = "text_map"  # JSON object of texts (report narratives)
    NUMBER_MAP = "number_map"  # JSON object of numbers (plan targets)
    RECORD_LIST = "record_list"  # JSON list of flat objects (a plan's events)


@dataclass(frozen=True)
class FieldRule:
    """What one synced column accepts.

    `nullable`: JSON null allowed (the column is NULL-able).  `required`: the key must be
    present (a NOT NULL column without a default).  `not_blank`: text must not be empty.
    """

    label: str  # Chinese, as the station's forms name the field
    kind: Kind
    nullable: bool = False
    required: bool = False
    not_blank: bool = False
    max_len: int | None = None
    choices: frozenset[str] | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    places: int = 2  # DECIMAL only

    def __post_init__(self) -> None:
        # looked up once: an Enum's hash is a Python call, and a 2,000-row push checks ~40,000 values
        object.__setattr__(self, "_check", _CHECKS[self.kind])

    def problem(self, value: object) -> str | None:
        """What is wrong with `value` (Chinese, with the fix), or None when it fits."""
        if value is None:
            return None if self.nullable else "不能为空，请填写"
        check: Callable[[FieldRule, object], str | None] = self.__dict__["_check"]
        return check(self, value)


def text(
    label: str, max_len: int = MAX_FREE_TEXT_CHARS, *, required: bool = False, nullable: bool = False,
    not_blank: bool | None = None,
) -> FieldRule:
    """A text column; `required` also means not blank unless `not_blank=False` says otherwise
    (the station's forms insist on names and titles)."""
    blank_refused = required if not_blank is None else not_blank
    return FieldRule(label, Kind.TEXT, nullable, required, blank_refused, max_len)


def choice(label: str, choices: Iterable[str], *, required: bool = False, nullable: bool = False) -> FieldRule:
    options = frozenset(choices)
    return FieldRule(label, Kind.TEXT, nullable, required, False, max(map(len, options)), options)


def of(
    label: str, kind: Kind, *, required: bool = False, nullable: bool = False,
    minimum: int | str | None = None, maximum: int | str | None = None,
) -> FieldRule:
    low = None if minimum is None else Decimal(minimum)
    high = None if maximum is None else Decimal(maximum)
    return FieldRule(label, kind, nullable, required, minimum=low, maximum=high)


def _text(rule: FieldRule, value: object) -> str | None:
    if not isinstance(value, str):
        return "应为文字"
    if rule.choices is not None and value not in rule.choices:
        return Msg("“%1”不是可选的值，请从%2中选择", _shown(value), '、'.join(sorted(rule.choices)))
    if rule.not_blank and not value.strip():
        return "不能为空，请填写"
    if rule.max_len is not None and len(value) > rule.max_len:
        return Msg("有%1个字符，最多%2个，请缩短", len(value), rule.max_len)
    return None


def _credit_code(rule: FieldRule, value: object) -> str | None:
    if not isinstance(value, str):
        return "应为文字"
    if len(value) == 18 and all(ch in credit_code.VALUES for ch in value):
        return None  # well shaped; a wrong check character is allowed (flagged by credit_code_warning)
    result = credit_code.check(value)
    if result.status is credit_code.CodeCheck.BAD_SHAPE:
        return result.message.rstrip("。") + "，请对照营业执照核对，暂时不知道可以留空"
    if result.code != value:
        return Msg("应写作“%1”（去掉空格和横线、字母大写）", _shown(result.code))
    return None


# What `str(uuid.UUID(value)) == value.lower()` accepts of a 36-character text, without making a
# UUID and its text (a push checks one or two uuids a row): canonical hex groups, either case.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# module level, so tools/service_messages.py lists it for the English catalogue
NOT_A_UUID = "应为36位的记录编号（uuid）"


def _uuid(rule: FieldRule, value: object) -> str | None:
    if not isinstance(value, str) or len(value) != 36 or _CANONICAL_UUID.fullmatch(value.lower()) is None:
        return NOT_A_UUID
    return None


def _date(rule: FieldRule, value: object) -> str | None:
    if isinstance(value, str) and _DATE.match(value):
        try:
            _dt.date.fromisoformat(value)
            return None
        except ValueError:
            pass
    return Msg("“%1”不是日期，请写成 2026-03-02 这样的格式", _shown(value))


def _timestamp(rule: FieldRule, value: object) -> str | None:
    if isinstance(value, str) and 10 <= len(value) <= 40:
        try:
            moment = _dt.datetime.fromisoformat(value)
            if moment.tzinfo is not None:
                moment.astimezone(_dt.UTC)  # year 1 with a positive offset overflows here
            return None
        except (ValueError, OverflowError):
            pass
    return Msg("“%1”不是时间，请写成 2026-03-02T09:30:00+08:00 这样的格式", _shown(value))


def _in_range(rule: FieldRule, number: Decimal | int) -> str | None:
    if (rule.minimum is not None and number < rule.minimum) or (rule.maximum is not None and number > rule.maximum):
        return Msg("应在%1到%2之间，现在是%3", _num(rule.minimum), _num(rule.maximum), _shown(str(number)))
    return None


def _decimal(rule: FieldRule, value: object) -> str | None:
    hint = "应为数字，如 12.30"
    if isinstance(value, bool):
        return hint
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            return hint
        number = Decimal(repr(value))
    elif isinstance(value, str) and (match := _DECIMAL.match(value)):
        if match.group(1) and len(match.group(1).rstrip("0")) > rule.places:
            return Msg("最多%1位小数，现在是“%2”", rule.places, _shown(value))
        number = Decimal(value)
    else:
        return Msg("“%1”不是数字，请填写如 12.30 的数字", _shown(value))
    return _in_range(rule, number)


def _integer(rule: FieldRule, value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return Msg("“%1”不是整数，请填写整数", _shown(value))
    return _in_range(rule, value)


def _number(rule: FieldRule, value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return Msg("“%1”不是数字，请填写数字", _shown(value))
    try:
        return _in_range(rule, Decimal(repr(value) if isinstance(value, float) else value))
    except InvalidOperation:
        return "不是数字，请填写数字"


def _boolean(rule: FieldRule, value: object) -> str | None:
    return None if isinstance(value, bool) else "应为“是”或“否”（true/false）"


def _text_map(rule: FieldRule, value: object) -> str | None:
    if not isinstance(value, dict) or len(value) > MAX_JSON_KEYS:
        return Msg("应为最多%1段文字", MAX_JSON_KEYS)
    for key, item in value.items():
        if len(key) > 64 or not isinstance(item, str):
            return Msg("“%1”一段应为文字", _shown(key))
        if len(item) > MAX_FREE_TEXT_CHARS:
            return Msg("“%1”一段超过%2个字符，请缩短", _shown(key), MAX_FREE_TEXT_CHARS)
    return None


def _finite(item: object) -> bool:
    return item is None or (isinstance(item, int | float) and not isinstance(item, bool) and math.isfinite(item))


def _number_map(rule: FieldRule, value: object) -> str | None:
    if not isinstance(value, dict) or len(value) > MAX_JSON_KEYS:
        return Msg("应为最多%1项指标", MAX_JSON_KEYS)
    for key, item in value.items():
        if len(key) > 64 or not _finite(item) or (item is not None and abs(item) > 1e15):
            return Msg("指标“%1”应为数字", _shown(key))
    return None


def _record_list(rule: FieldRule, value: object) -> str | None:
    if not isinstance(value, list) or len(value) > MAX_JSON_ITEMS:
        return Msg("应为最多%1项的列表", MAX_JSON_ITEMS)
    for n, item in enumerate(value, 1):
        if not isinstance(item, dict) or len(item) > MAX_JSON_KEYS:
            return Msg("第%1项应为一组字段", n)
        for key, part in item.items():
            fits = _finite(part) or isinstance(part, bool) or (isinstance(part, str) and len(part) <= MAX_NAME_CHARS)
            if len(key) > 64 or not fits:
                return Msg("第%1项的“%2”应为数字或不超过%3个字符的文字", n, _shown(key), MAX_NAME_CHARS)
    return None


_CHECKS: dict[Kind, Callable[[FieldRule, object], str | None]] = {
    Kind.TEXT: _text,
    Kind.CREDIT_CODE: _credit_code,
    Kind.UUID: _uuid,
    Kind.DATE: _date,
    Kind.TIMESTAMP: _timestamp,
    Kind.DECIMAL: _decimal,
    Kind.INTEGER: _integer,
    Kind.NUMBER: _number,
    Kind.BOOLEAN: _boolean,
    Kind.TEXT_MAP: _text_map,
    Kind.NUMBER_MAP: _number_map,
    Kind.RECORD_LIST: _record_list,
}


def _num(value: Decimal | None) -> str:
    return "不限" if value is None else f"{value:,f}".replace(",", "")


def _shown(value: object) -> str:
    """A value short enough to quote in a message (100 MB names must not travel back)."""
    shown = value if isinstance(value, str) else type(value).__name__ if isinstance(value, dict | list) else repr(value)
    return shown if len(shown) <= 30 else shown[:30] + "…"
