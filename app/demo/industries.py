"""Industries of demo enterprises (GB/T 4754-2017) and plausible size inputs for each.

Weights follow the mix a Tianhe service station sees: trade, software and business
services lead, manufacturing and catering follow.  `employees` is the median head
count, `per_capita` the median revenue per employee in 万元.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from app.demo.names import Pick
from app.domain.enterprise_size import STANDARD, A, R, standard_row


@dataclass(frozen=True)
class Industry:
    section: str
    code: str
    words: tuple[str, ...]
    employees: float
    per_capita: float
    row: str  # row of the size standard, looked up once


def _i(section: str, code: str, words: str, employees: float, per_capita: float) -> Industry:
    row = standard_row(section, code)
    assert row is not None, (section, code)
    return Industry(section, code, tuple(words.split()), employees, per_capita, row)


INDUSTRIES = Pick(
    [
        (_i("A", "0143", "花卉 园艺科技", 4, 10), 0.6),
        (_i("A", "0141", "农业科技 生态农业", 4, 8), 0.4),
        (_i("A", "0412", "水产养殖 水产科技", 4, 12), 0.3),
        (_i("C", "1810", "服装 服饰", 11, 40), 2.0),
        (_i("C", "2682", "化妆品 生物科技 日化", 14, 60), 2.5),
        (_i("C", "3982", "电子科技 电路科技", 18, 50), 2.0),
        (_i("C", "3670", "汽车零部件 汽车配件", 27, 70), 1.5),
        (_i("C", "2110", "家具 家居制造", 14, 40), 1.0),
        (_i("C", "2929", "塑料制品 塑胶制品", 11, 50), 1.0),
        (_i("C", "3581", "医疗器械 医疗科技", 16, 60), 1.0),
        (_i("C", "3872", "照明科技 灯饰", 11, 45), 1.0),
        (_i("C", "1922", "皮具 箱包", 9, 35), 1.0),
        (_i("C", "2319", "印刷 包装", 11, 40), 0.8),
        (_i("C", "1411", "食品 烘焙食品", 11, 35), 0.8),
        (_i("C", "2438", "珠宝 首饰", 7, 80), 0.5),
        (_i("E", "4710", "建筑工程 建设工程", 14, 60), 1.0),
        (_i("E", "5012", "装饰工程 装饰设计 家居装饰", 7, 50), 2.5),
        (_i("E", "4910", "机电工程 电气工程 机电安装", 9, 55), 1.0),
        (_i("E", "489", "园林绿化工程 市政工程", 9, 50), 0.8),
        (_i("F", "5181", "贸易 进出口 国际贸易 商贸", 3, 250), 8.0),
        (_i("F", "5132", "服装贸易 服饰贸易", 3, 200), 3.0),
        (_i("F", "515", "医药 医疗器械贸易", 4, 220), 2.0),
        (_i("F", "517", "电子贸易 机电设备 五金", 3, 220), 3.0),
        (_i("F", "512", "食品贸易 酒业 茶业", 3, 180), 2.0),
        (_i("F", "5213", "便利店 超市", 4, 60), 1.5),
        (_i("F", "5232", "服饰 时装", 4, 50), 1.0),
        (_i("F", "5251", "大药房 医药连锁", 4, 70), 1.0),
        (_i("F", "5292", "电子商务 电商", 4, 80), 3.0),
        (_i("F", "527", "数码 电器", 4, 70), 1.0),
        (_i("G", "5431", "物流 运输 货运", 9, 40), 2.0),
        (_i("G", "5437", "配送 同城配送", 9, 30), 1.0),
        (_i("G", "5821", "国际货运代理 供应链管理", 5, 120), 1.5),
        (_i("G", "5920", "仓储 仓储管理", 11, 40), 0.8),
        (_i("G", "5930", "冷链 冷链物流", 11, 45), 0.5),
        (_i("G", "6020", "快递 速递", 14, 20), 0.6),
        (_i("H", "6110", "酒店管理 酒店", 14, 15), 0.8),
        (_i("H", "6130", "民宿 公寓管理", 4, 12), 0.4),
        (_i("H", "6210", "餐饮管理 饮食 酒家", 11, 12), 3.0),
        (_i("H", "6220", "餐饮 快餐", 7, 10), 1.5),
        (_i("H", "6232", "咖啡 茶饮", 4, 10), 1.0),
        (_i("I", "6432", "网络科技 互联网科技", 9, 50), 1.5),
        (_i("I", "6513", "软件 信息科技 网络科技", 7, 30), 7.0),
        (_i("I", "6531", "信息技术 系统集成 智能科技", 7, 40), 3.0),
        (_i("I", "6560", "信息咨询 数字科技", 4, 30), 1.5),
        (_i("I", "6572", "动漫 游戏 互动娱乐", 9, 35), 1.5),
        (_i("I", "6520", "微电子 半导体科技", 11, 50), 0.7),
        (_i("I", "6550", "数据科技 云计算", 7, 35), 1.0),
        (_i("K", "7010", "房地产开发 置业", 9, 300), 0.6),
        (_i("K", "7020", "物业管理 物业服务", 27, 10), 1.5),
        (_i("K", "7030", "房地产代理 房产经纪", 7, 30), 1.0),
        (_i("L", "724", "企业管理咨询 管理咨询 财税咨询", 4, 40), 4.0),
        (_i("L", "7259", "广告 文化传播 品牌策划", 4, 40), 3.0),
        (_i("L", "7269", "人力资源 人力资源服务", 7, 60), 1.5),
        (_i("L", "7281", "会展服务 展览", 4, 50), 1.0),
        (_i("M", "7320", "技术研究院 研究院", 14, 30), 0.8),
        (_i("M", "7452", "检测技术 检测", 14, 30), 1.0),
        (_i("M", "7484", "工程设计 建筑设计", 11, 35), 1.0),
        (_i("M", "7519", "技术服务 科技服务 科技发展", 4, 30), 3.0),
        (_i("O", "8010", "家政服务", 9, 6), 0.5),
        (_i("P", "8391", "教育科技 职业培训", 7, 15), 1.5),
    ]
)


def size_inputs(rng: random.Random, industry: Industry) -> tuple[int, float | None, float | None]:
    """(employees, revenue 万元, assets 万元); a few figures are missing, as in real intake forms."""
    employees = max(1, min(8000, round(industry.employees * math.exp(rng.gauss(0.0, 1.4)))))
    revenue: float | None = round(employees * industry.per_capita * math.exp(rng.gauss(0.0, 0.6)), 2)
    assets: float | None = round(revenue * math.exp(rng.gauss(-0.2, 0.5)), 2)  # type: ignore[operator]
    roll = rng.random()
    if roll < 0.02:
        revenue = None
    elif roll < 0.05 and A not in STANDARD[industry.row].bounds:
        assets = None
    if revenue is not None and R not in STANDARD[industry.row].bounds and rng.random() < 0.1:
        revenue = None  # indicators the standard ignores are often left blank
    return employees, revenue, assets
