"""Guangzhou's eleven districts (行政区) and their GB/T 2260 codes."""

from __future__ import annotations

from app.domain.text_normalise import tidy_text

DISTRICTS: dict[str, str] = {
    "越秀区": "440104",
    "海珠区": "440105",
    "荔湾区": "440103",
    "天河区": "440106",
    "白云区": "440111",
    "黄埔区": "440112",
    "番禺区": "440113",
    "花都区": "440114",
    "南沙区": "440115",
    "从化区": "440117",
    "增城区": "440118",
}

NAMES: tuple[str, ...] = tuple(DISTRICTS)
_BY_CODE = {code: name for name, code in DISTRICTS.items()}


def is_district(name: str) -> bool:
    return name in DISTRICTS


def parse_district(value: object) -> str | None:
    """The district's official name from a cell: 天河区, 天河, 广州市天河区, 广东省广州市 天河区, 440106.

    None when empty, unknown or outside Guangzhou.  Trap: 黄埔区 absorbed 萝岗区
    in 2014 and 从化/增城 were county-level cities (从化市, 增城市) until 2014;
    those old names are accepted.
    """
    text = tidy_text(value).replace(" ", "")
    if text in _BY_CODE:
        return _BY_CODE[text]
    text = text.removeprefix("广东省").removeprefix("广东").removeprefix("广州市").removeprefix("广州")
    if text in {"萝岗区", "萝岗"}:
        return "黄埔区"
    if text in {"从化市", "增城市"}:
        return text[:2] + "区"
    name = text if text.endswith("区") else text + "区"
    return name if name in DISTRICTS else None


def district_from_credit_code(code: str) -> str | None:
    """The Guangzhou district a credit code was registered in (its positions 3–8, GB/T 2260),
    or None: too short, registered at city level (440100/440101) or outside Guangzhou."""
    region = code.strip().upper()[2:8]
    return _BY_CODE.get(region) if len(region) == 6 else None
