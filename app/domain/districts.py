"""Guangzhou's eleven districts (行政区) and their GB/T 2260 codes."""

from __future__ import annotations

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


def is_district(name: str) -> bool:
    return name in DISTRICTS
