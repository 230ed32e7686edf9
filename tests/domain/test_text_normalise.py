"""Messy cell parsing: text, numbers, dates, phones, districts; only FieldError ever escapes."""

from __future__ import annotations

import pickle
import unicodedata
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.domain import text_normalise
from app.domain.districts import parse_district
from app.domain.errors import FieldError
from app.domain.text_normalise import parse_date, parse_decimal, parse_int, parse_phone, tidy_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [(None, ""), ("  ａｂｃ　１２３ ", "abc 123"), ("广州\u200b某某\ufeff公司", "广州某某公司"), ("a \t\n b", "a b"),
     ("\u00a0x\u00a0", "x"), (52.0, "52"), (13800138000.0, "13800138000"), (12.5, "12.5"), (7, "7"), ("Ｃ５２", "C52")],
)
def test_clean_text(raw: object, clean: str) -> None:
    assert tidy_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "value"),
    [(12, 12), ("12", 12), ("１２", 12), (" 1,234 ", 1234), ("1，234", 1234), (12.0, 12), ("12.0", 12), ("35人", 35),
     ("35 名", 35), (Decimal("7"), 7), ("0", 0), ("1.2E+3", 1200), ("", None), (None, None), ("-", None), ("/", None)],
)
def test_parse_int(raw: object, value: int | None) -> None:
    assert parse_int(raw, "从业人员") == value


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [("-5", "负数"), ("－5", "负数"), ("\u22125", "负数"), ("(5)", "负数"), (-1, "负数"), ("12.5", "整数"), ("abc", "无法识别"),
     ("1,23", "无法识别"), ("1 234", "无法识别"), (True, "无法识别"), ("12万", "无法识别"), (float("nan"), "无法识别"),
     ("1e20", "过大"), ("9" * 5000, "过大")],
)
def test_parse_int_errors_name_the_field(raw: object, fragment: str) -> None:
    with pytest.raises(FieldError) as info:
        parse_int(raw, "从业人员")
    assert info.value.field == "从业人员"
    assert str(info.value).startswith("从业人员：")
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    ("raw", "in_wan", "value"),
    [("1,234.50", False, Decimal("1234.5")), ("¥1,234", False, Decimal(1234)), ("￥ 12.5", False, Decimal("12.5")),
     (2500.0, False, Decimal(2500)), (0.1, False, Decimal("0.1")), ("１２３４．５", False, Decimal("1234.5")),
     ("12.5万", True, Decimal("12.5")), ("12.5 万元", True, Decimal("12.5")), ("1.2亿", True, Decimal(12000)),
     ("1.2亿元", True, Decimal(12000)), ("125000元", True, Decimal("12.5")), ("300", True, Decimal(300)),
     (".5", False, Decimal("0.5")), ("—", True, None)],
)
def test_parse_decimal(raw: object, in_wan: bool, value: Decimal | None) -> None:
    assert parse_decimal(raw, "营业收入", in_wan=in_wan) == value


@pytest.mark.parametrize("raw", ["12.5万", "-3", "-0.01", "1.2.3", "万", "12万美元", Decimal("-1"), float("inf")])
def test_parse_decimal_errors(raw: object) -> None:
    with pytest.raises(FieldError) as info:
        parse_decimal(raw, "资产总额")
    assert str(info.value).startswith("资产总额：")


def test_negative_message_names_field_and_fix() -> None:
    with pytest.raises(FieldError, match=r"^营业收入：不能是负数（现在是“-5”），请填写 0 或正数。$"):
        parse_decimal("-5", "营业收入", in_wan=True)


def test_required_fields() -> None:
    for parse in (parse_int, parse_decimal, parse_date, parse_phone):
        with pytest.raises(FieldError, match="不能为空"):
            parse(" ", "字段", required=True)  # type: ignore[operator]


@pytest.mark.parametrize(
    "raw",
    ["2024年3月5日", "2024年03月05日", "2024 年 3 月 5 日", "2024年3月5号", "2024年3月5", "2024/3/5", "2024/03/05",
     "2024-03-05", "2024-3-5", "2024.3.5", "20240305", "２０２４－０３－０５", "2024-03-05 00:00:00",
     "2024-03-05T08:30", "2024/3/5 14:20", " 2024-03-05\u200b", "45356", "45356.0",
     45356, 45356.75, Decimal("45356"), date(2024, 3, 5), datetime(2024, 3, 5, 17, 45)],
)
def test_parse_date_forms(raw: object) -> None:
    assert parse_date(raw, "成立日期") == date(2024, 3, 5)


@pytest.mark.parametrize(
    ("serial", "expected"),
    [(1, date(1900, 1, 1)), (59, date(1900, 2, 28)), (61, date(1900, 3, 1)), (45356, date(2024, 3, 5)),
     (36526, date(2000, 1, 1)), (43831, date(2020, 1, 1)), (73415, date(2100, 12, 31))],
)
def test_excel_serials(serial: int, expected: date) -> None:
    assert parse_date(serial, "成立日期") == expected
    assert parse_date(float(serial), "成立日期") == expected


def test_example_message() -> None:
    with pytest.raises(FieldError) as info:
        parse_date("2024/13/5", "成立日期")
    assert str(info.value) == "成立日期：无法识别“2024/13/5”，请写成 2024-03-05 这样的日期。"
    assert pickle.loads(pickle.dumps(info.value)).message == info.value.message


@pytest.mark.parametrize(
    "raw",
    [60, 0, -1, 0.5, 73416, 10**30, float("nan"), True, "2024/13/5", "2023-02-29", "2024-3/5", "2024年3-5", "3/5/2024",
     "24/3/5", "2024年3月", "2024-03", "1899-12-31", "2101-01-01", "明天", "2024", "20241305", "12345678901",
     "0000-01-01", datetime(1850, 1, 1)],
)
def test_bad_dates_name_the_field(raw: object) -> None:
    with pytest.raises(FieldError) as info:
        parse_date(raw, "回访日期")
    assert info.value.field == "回访日期" and str(info.value).startswith("回访日期：")


def test_serial_60_is_the_phantom_leap_day() -> None:
    with pytest.raises(FieldError, match="1900-02-29"):
        parse_date(60, "成立日期")


@pytest.mark.parametrize(
    ("raw", "phone"),
    [("13800138000", "13800138000"), ("138 0013 8000", "13800138000"), ("+86 138-0013-8000", "13800138000"),
     (13800138000.0, "13800138000"), ("８６１３８００１３８０００", "13800138000"), ("020-12345678", "020-12345678"),
     ("(020)12345678", "020-12345678"), ("02012345678", "020-12345678"), ("0755-1234567", "0755-1234567"),
     ("020-12345678转123", "020-12345678转123"), ("87654321", "87654321"), ("", None)],
)
def test_parse_phone(raw: object, phone: str | None) -> None:
    assert parse_phone(raw, "联系电话") == phone


@pytest.mark.parametrize("raw", ["12345", "1380013800", "138001380001", "abc", "13800138000/13900139000"])
def test_parse_phone_errors(raw: str) -> None:
    with pytest.raises(FieldError, match="^联系电话："):
        parse_phone(raw, "联系电话")


@pytest.mark.parametrize(
    ("raw", "name"),
    [("天河区", "天河区"), ("天河", "天河区"), (" 广州市 天河区 ", "天河区"), ("广东省广州市黄埔区", "黄埔区"), ("萝岗区", "黄埔区"),
     ("增城市", "增城区"), ("440106", "天河区"), ("深圳市南山区", None), ("", None), ("东山区", None)],
)
def test_parse_district(raw: str, name: str | None) -> None:
    assert parse_district(raw) == name


cells = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789０１２３,.，．-－/年月日号万亿元人 ()¥eE+:T", max_size=25),
    st.integers(), st.floats(), st.decimals(), st.booleans(), st.none(), st.dates(), st.datetimes(),
)


@given(cells)
def test_parsers_raise_only_field_error(value: object) -> None:
    for parse in (parse_int, parse_decimal, parse_date, parse_phone):
        try:
            parse(value, "字段")  # type: ignore[operator]
        except FieldError as error:
            assert str(error).startswith("字段：")
    try:
        parse_decimal(value, "字段", in_wan=True)
    except FieldError:
        pass
    parse_district(value)


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 12, 31)), st.sampled_from(["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日"]))
def test_formatted_dates_round_trip(day: date, fmt: str) -> None:
    assert parse_date(day.strftime(fmt), "日期") == day
    serial = (day - date(1899, 12, 30)).days
    assert parse_date(serial, "日期") == day


@given(st.decimals(min_value=0, max_value=10**12, places=4))
def test_decimal_round_trip(value: Decimal) -> None:
    assert parse_decimal(str(value), "金额") == value
    assert parse_decimal(f"{value:,}", "金额") == value


def _tidy_in_full(text: str) -> str:
    """tidy_text without its shortcuts (printable ASCII; text already NFKC with nothing for the
    zero-width and whitespace steps to do): NFKC, zero-width characters, whitespace runs."""
    return text_normalise._SPACES.sub(" ", unicodedata.normalize("NFKC", text).translate(text_normalise._ZERO_WIDTH)).strip()


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text(alphabet=" \t\x7f\u3000\u200bａ1a,.-") | st.text()
       | st.text(alphabet=" \t\n\xa0\u3000\u200b\u00ad广州（）科技ａ1"))
@example("a  b ,")
@example("\tx\x7f")
@example("广州  科技")
@example("广州\t科技 ")
@example("广州\u200b科技")
@example("广州 \u200b 科技")
@example("（广州）科技\u3000")
@example("广州\xa0科技")
def test_tidy_text_shortcut_gives_the_full_result(text: str) -> None:
    assert tidy_text(text) == _tidy_in_full(text)
    assert tidy_text(tidy_text(text)) == tidy_text(text)  # cleaning once is enough (imports rely on it)


@given(st.text(alphabet="0123456789", min_size=1, max_size=20), st.booleans())
def test_plain_digits_parse_as_the_general_path_does(digits: str, in_wan: bool) -> None:
    """The digits-only shortcut of _to_decimal gives what "digits.0" gives through the general path."""
    if int(digits) < 10**15:
        value = parse_decimal(digits, "金额", in_wan=in_wan)
        assert value == parse_decimal(f"{digits}.0", "金额", in_wan=in_wan) == int(digits)
        assert str(value) == str(parse_decimal(f"{digits}.0", "金额", in_wan=in_wan))
    else:
        with pytest.raises(FieldError, match=f"金额：数值“{digits[:30]}"):
            parse_decimal(digits, "金额", in_wan=in_wan)
