"""Name material for demo data: people, phones, company names with pinyin initials, addresses.

Everything draws from a `random.Random` through `rng.random()` and lookup tables,
so a seed gives the same names on every machine and 100k names cost well under a second.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from functools import cache
from typing import Generic, TypeVar

from pypinyin import Style, lazy_pinyin

T = TypeVar("T")


class Pick(Generic[T]):
    """Weighted choice by table lookup: one `rng.random()` per draw, no bisect."""

    def __init__(self, weighted: Iterable[tuple[T, float]], resolution: int = 2000) -> None:
        pairs = list(weighted)
        total = sum(w for _, w in pairs)
        table: list[T] = []
        acc = 0.0
        for item, weight in pairs:
            acc += weight
            table.extend([item] * (round(acc / total * resolution) - len(table)))
        self.table = table
        self.size = len(table)

    def __call__(self, rng: random.Random) -> T:
        return self.table[int(rng.random() * self.size)]


def uniform(items: Iterable[T]) -> Pick[T]:
    return Pick((item, 1.0) for item in items)


def between(rng: random.Random, low: int, high: int) -> int:
    """An integer in [low, high]."""
    return low + int(rng.random() * (high - low + 1))


@cache
def initials(word: str) -> str:
    """Lower-case pinyin initials of a word (`广州` → `gz`), memoised per component."""
    return "".join(lazy_pinyin(word, style=Style.FIRST_LETTER, errors="ignore")).lower()


# Frequent surnames in Guangdong, weighted roughly by their share.
SURNAMES = Pick(
    [("陈", 12), ("李", 8), ("黄", 8), ("张", 6), ("梁", 5), ("林", 5), ("刘", 5), ("吴", 4), ("罗", 3.5),
     ("何", 3.5), ("郑", 3), ("谢", 3), ("王", 3), ("杨", 3), ("冯", 2.5), ("邓", 2.5), ("周", 2), ("许", 2),
     ("朱", 2), ("叶", 2), ("蔡", 2), ("苏", 1.5), ("潘", 1.5), ("卢", 1.5), ("钟", 1.5), ("彭", 1.2),
     ("莫", 1), ("赖", 1), ("邱", 1), ("麦", 1), ("胡", 1), ("江", 1), ("郭", 1), ("余", 1), ("关", 0.8),
     ("温", 0.8), ("袁", 0.8), ("古", 0.5), ("欧阳", 0.4), ("司徒", 0.2)]
)
GIVEN = uniform(
    "伟敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂文辉玲华婷俊晓嘉颖欣怡思浩宇子梓泽锦志家建国永健"
    "海燕丹琳倩雪冬春佩诗淑慧晖荣斌凯鹏彬昊博达炜锋穗珊韵瑶琪翠芳宁"
)
MOBILE_PREFIXES = uniform(
    ("130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
     "156", "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187",
     "188", "189", "191", "198", "199")
)

# Two-character brands are drawn from single characters that read the same in any
# context, so per-component initials equal pypinyin's reading of the whole name.
BRAND_CHARS = uniform(
    "云帆华天诚信达鑫源盛泰恒瑞德嘉美创新宏远博智联通昊晟睿卓越凯锦辉星海峰润丰金宇航安康汇众"
    "力捷迅能优品尚雅正仁合益佳悦欣森林祥福顺荣昌兴旺宝腾飞鸿鹏展启明朗晨曦蓝青绿易邦聚道方"
    "圆立标精实诺铭骏驰途领先君豪威俊灵慧思维微芯图光谷湾粤穗珠江岭秀"
)
CITY_PREFIX = Pick([("广州", 0.78), ("广州市", 0.22)])
LEGAL_FORM = Pick([("有限公司", 0.9), ("有限责任公司", 0.07), ("股份有限公司", 0.03)])

# A few real roads per district: enough for addresses that look local.
ROADS: dict[str, tuple[str, ...]] = {
    "越秀区": ("环市东路", "东风中路", "北京路", "中山五路", "解放北路", "农林下路", "建设六马路"),
    "海珠区": ("新港西路", "江南大道中", "工业大道中", "阅江中路", "昌岗中路", "宝岗大道"),
    "荔湾区": ("芳村大道中", "中山八路", "康王南路", "龙溪大道", "花地大道北", "黄沙大道"),
    "天河区": ("天河路", "体育西路", "天河北路", "黄埔大道西", "珠江东路", "科韵路", "高普路", "中山大道西", "棠东东路"),
    "白云区": ("白云大道北", "广园中路", "机场路", "黄石东路", "云城东路", "石井大道"),
    "黄埔区": ("科学大道", "开创大道", "开发大道", "香雪大道中", "黄埔东路", "科丰路"),
    "番禺区": ("番禺大道北", "迎宾路", "汉溪大道东", "亚运大道", "市桥繁华路", "南村镇兴业大道"),
    "花都区": ("迎宾大道", "凤凰北路", "花都大道", "新华街公益大道", "狮岭镇宝峰路"),
    "南沙区": ("进港大道", "海滨路", "环市大道南", "黄阁镇麒麟路", "港前大道"),
    "从化区": ("河滨北路", "街口街青云路", "太平镇广从南路", "温泉镇温泉东路"),
    "增城区": ("增江大道", "荔城街府佑路", "新塘镇港口大道", "永宁街创强路", "荔新公路"),
}


def person(rng: random.Random) -> str:
    given = GIVEN(rng) + (GIVEN(rng) if rng.random() < 0.8 else "")
    return SURNAMES(rng) + given


def mobile(rng: random.Random) -> str:
    return f"{MOBILE_PREFIXES(rng)}{int(rng.random() * 100_000_000):08d}"


def landline(rng: random.Random) -> str:
    return f"020-{'238'[int(rng.random() * 3)]}{int(rng.random() * 10_000_000):07d}"


def address(rng: random.Random, district: str) -> str:
    road = ROADS[district]
    text = f"广州市{district}{road[int(rng.random() * len(road))]}{between(rng, 1, 999)}号"
    if rng.random() < 0.6:
        text += f"{between(rng, 1, 30)}{between(rng, 1, 20):02d}房"
    return text


def brand(rng: random.Random) -> str:
    size = 3 if rng.random() < 0.1 else 2
    return "".join(BRAND_CHARS(rng) for _ in range(size))


def company_name(rng: random.Random, word: str, taken: Callable[[str], bool]) -> tuple[str, str]:
    """(name, initials): 广州 + brand + industry word + legal form, not already taken."""
    while True:
        city, mark, form = CITY_PREFIX(rng), brand(rng), LEGAL_FORM(rng)
        name = city + mark + word + form
        if not taken(name):
            return name, initials(city) + "".join(initials(ch) for ch in mark) + initials(word) + initials(form)
