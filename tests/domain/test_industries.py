"""GB/T 4754-2017 sections/divisions and parse_industry on messy spreadsheet cells."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.industries import DIVISION_SECTION, IndustryMatch, divisions_of, label, parse_industry, section_of
from app.domain.industry_data import DIVISIONS, FINER, SECTIONS, SYNONYMS


def test_twenty_sections_and_ninety_seven_divisions() -> None:
    assert list(SECTIONS) == list("ABCDEFGHIJKLMNOPQRST")
    assert list(DIVISIONS) == [f"{n:02d}" for n in range(1, 98)]
    assert list(DIVISION_SECTION) == list(DIVISIONS)
    assert sum(len(divisions_of(s)) for s in SECTIONS) == 97
    assert all(divisions_of(s) for s in SECTIONS)


# Spot checks written by hand from the standard.
@pytest.mark.parametrize(
    ("code", "section", "name"),
    [
        ("01", "A", "农业"), ("05", "A", "农、林、牧、渔专业及辅助性活动"), ("06", "B", "煤炭开采和洗选业"),
        ("12", "B", "其他采矿业"), ("13", "C", "农副食品加工业"), ("25", "C", "石油、煤炭及其他燃料加工业"),
        ("39", "C", "计算机、通信和其他电子设备制造业"), ("43", "C", "金属制品、机械和设备修理业"),
        ("44", "D", "电力、热力生产和供应业"), ("46", "D", "水的生产和供应业"), ("47", "E", "房屋建筑业"),
        ("50", "E", "建筑装饰、装修和其他建筑业"), ("51", "F", "批发业"), ("52", "F", "零售业"),
        ("53", "G", "铁路运输业"), ("58", "G", "多式联运和运输代理业"), ("59", "G", "装卸搬运和仓储业"),
        ("60", "G", "邮政业"), ("61", "H", "住宿业"), ("62", "H", "餐饮业"),
        ("63", "I", "电信、广播电视和卫星传输服务"), ("64", "I", "互联网和相关服务"), ("65", "I", "软件和信息技术服务业"),
        ("66", "J", "货币金融服务"), ("69", "J", "其他金融业"), ("70", "K", "房地产业"), ("71", "L", "租赁业"),
        ("72", "L", "商务服务业"), ("73", "M", "研究和试验发展"), ("79", "N", "土地管理业"), ("82", "O", "其他服务业"),
        ("83", "P", "教育"), ("84", "Q", "卫生"), ("85", "Q", "社会工作"), ("90", "R", "娱乐业"),
        ("96", "S", "基层群众自治组织及其他组织"), ("97", "T", "国际组织"),
    ],
)
def test_division_spot_checks(code: str, section: str, name: str) -> None:
    assert DIVISIONS[code] == name
    assert section_of(code) == section
    assert label(section, code) == name


def test_every_official_name_parses_back() -> None:
    for code, name in DIVISIONS.items():
        assert parse_industry(name) == IndustryMatch(DIVISION_SECTION[code], code, name), name
    for letter, name in SECTIONS.items():
        found = parse_industry(name)
        assert found is not None and found.section == letter, name
        assert found.code is None or divisions_of(letter) == [(found.code, name)]  # K/P/T: named like their one division


def test_synonym_targets_exist() -> None:
    for word, target in SYNONYMS.items():
        assert target in SECTIONS or section_of(target) is not None, word
    assert set(FINER) >= {"7010", "702"}


MESSY = [
    ("C", "C", None), ("c", "C", None), (" ｃ ", "C", None), ("52", "F", "52"), ("F52", "F", "52"),
    ("f-52", "F", "52"), ("５２", "F", "52"), ("52.0", "F", "52"), (52, "F", "52"), (52.0, "F", "52"),
    (Decimal("65"), "I", "65"), ("7010", "K", "7010"), ("6510", "I", "6510"), ("701", "K", "701"),
    ("5", "A", "05"), ("制造业", "C", None), (" 制 造 业 ", "C", None), ("制造行业", "C", None),
    ("零售业", "F", "52"), ("零售", "F", "52"), ("软件和信息技术服务业", "I", "65"), ("软件业", "I", "65"),
    ("IT", "I", "65"), ("it", "I", "65"), ("ＩＴ", "I", "65"), ("餐饮", "H", "62"), ("餐饮行业", "H", "62"),
    ("批发零售业", "F", None), ("批发和零售业", "F", None), ("批发业", "F", "51"), ("物业管理", "K", "7020"),
    ("物业", "K", "7020"), ("房地产开发经营", "K", "7010"), ("房地产业", "K", "70"), ("建筑业", "E", None),
    ("农林牧渔业", "A", None), ("农、林、牧、渔业", "A", None), ("仓储", "G", "59"), ("快递", "G", "60"),
    ("I65 软件和信息技术服务业", "I", "65"), ("65-软件和信息技术服务业", "I", "65"), ("(52)零售业", "F", "52"),
    ("C39 计算机、通信和其他电子设备制造业", "C", "39"), ("C 制造业", "C", None), ("6510 软件开发", "I", "6510"),
    ("计算机通信和其他电子设备制造业", "C", "39"), ("信息传输、软件和信息技术服务业", "I", None),
    ("交通运输、仓储和邮政业", "G", None), ("租赁和商务服务业", "L", None), ("教育培训", "P", "83"),
    ("零售业\u200b", "F", "52"), ("52 xyz", "F", "52"),
]


@pytest.mark.parametrize(("text", "section", "code"), MESSY)
def test_parse_industry_messy_cells(text: object, section: str, code: str | None) -> None:
    found = parse_industry(text)
    assert found is not None, text
    assert (found.section, found.code) == (section, code)
    assert found.label == label(section, code)


@pytest.mark.parametrize(
    "text",
    ["", "   ", None, "工业", "服务业", "其他", "C52", "52 批发业", "7010 物业管理", "F 制造业", "U", "0", "00",
     "98", "99999", "52.5", "IC设计", "企业", "业", "—", "I-52", float("nan"), Decimal("NaN")],
)
def test_parse_industry_gives_none_for_unknown_or_ambiguous(text: object) -> None:
    assert parse_industry(text) is None


def test_section_of_and_label_edges() -> None:
    assert section_of("5210") == "F" and section_of("C") == "C"
    assert section_of(None) is None and section_of("98") is None and section_of("5") is None
    assert section_of("52101") is None and section_of("521000") is None  # no code is longer than 4 digits
    assert label("K", "7020") == "物业管理" and label("K", None) == "房地产业" and label(None, None) == ""
    assert label("F", "5299") == "零售业"


@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.decimals()))
def test_parse_industry_never_crashes(value: object) -> None:
    found = parse_industry(value)
    if found is not None:
        assert found.section in SECTIONS
        assert found.code is None or section_of(found.code) == found.section


@pytest.mark.parametrize(
    ("text", "section", "code"),
    [("C13 制造业", "C", "13"), ("C39 制造业", "C", "39"), ("52 零售业", "F", "52"), ("6510 软件和信息技术服务业", "I", "6510")],
)
def test_a_code_followed_by_its_section_or_division_name(text: str, section: str, code: str) -> None:
    """Finding 11 (issue 10): "C13 制造业" raised UnboundLocalError."""
    found = parse_industry(text)
    assert found is not None and (found.section, found.code) == (section, code)
