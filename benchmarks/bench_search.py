"""Search-as-you-type latency over 100,000 enterprises.

    .venv/bin/python benchmarks/bench_search.py [--enterprises 100000] [--repeat 5] [--keep DIR]
                                                [--generator demo|own] [--per-query]

Builds a throw-away profile (or reuses DIR), then times 20 typical queries on:
  * like      — the plain SQL path (LIKE '%x%' scan over name, initials, code, phone);
  * fts5      — FTS5 trigram table for terms of 3+ characters, LIKE for shorter ones
                (built in the benchmark's own database only, to judge the approach);
  * index     — app.services.enterprises.search with its in-process index (the design).
Each "search" is what the list does per keystroke: query_ids + fetch_rows of the
first page (50 rows).  Prints p50/p95 per approach and per query, the index's
build time and memory, and the other sort orders.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select, text  # noqa: E402

QUERIES = [
    # Chinese name substrings, 1–4 characters
    "云", "鑫", "云帆", "科技", "餐饮", "天河", "华盛", "物业管理", "贸易有限", "信息技术",
    # pinyin initials (prefix and substring)
    "gzyf", "yf", "kj", "gzshd",
    # credit-code prefixes
    "9144010", "91440106", "91440106MA5",
    # contact phones
    "1380", "13922", "020-8",
]

BRAND_CHARS = (
    "华盛鑫源恒泰信诚德丰博瑞嘉宏利通远航星汇明光新创智联美佳天海城安康乐鸿祥福顺兴旺富宝龙凤锦绣"
    "帆蓝绿青银正和中大立凯威腾飞越卓优品尚雅致启骏驰耀辉晟昊宇宸轩逸峰岚森林禾田众合融聚百万千"
    "云粤穗羊珠江南北东西金玉亿达科盈诺意尔邦迪奥欧亚晶格立方"
)
TRADES = [  # (words, section, code)
    ("科技", "M", "7519"), ("信息技术", "I", "6510"), ("网络科技", "I", "6420"), ("软件", "I", "6513"),
    ("贸易", "F", "5191"), ("商贸", "F", "5299"), ("电子商务", "F", "5292"), ("餐饮管理", "H", "6210"),
    ("酒店管理", "H", "6110"), ("建筑工程", "E", "4790"), ("装饰工程", "E", "5011"), ("物业管理", "K", "7020"),
    ("房地产开发", "K", "7010"), ("物流", "G", "5899"), ("仓储", "G", "5920"), ("运输", "G", "5430"),
    ("服装", "C", "1810"), ("食品", "C", "1499"), ("电子", "C", "3990"), ("机械设备", "C", "3490"),
    ("化妆品", "C", "2682"), ("印刷", "C", "2319"), ("文化传播", "R", "8810"), ("广告", "L", "7251"),
    ("企业管理咨询", "L", "7243"), ("人力资源", "L", "7262"), ("教育咨询", "P", "8399"), ("农业发展", "A", "0190"),
]
SHOPS = [("餐饮店", "H", "6210"), ("商行", "F", "5299"), ("经营部", "F", "5291"), ("汽车维修店", "O", "8111"),
         ("美容美发店", "O", "8070"), ("便利店", "F", "5212")]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程苏魏吕丁"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红梅玲文斌婷俊峰鹏辉宇浩然欣怡子轩"


def _code(rng: random.Random, district_code: str) -> str:
    from app.domain.credit_code import ALPHABET, make_code

    body = "MA5" + "".join(rng.choice(ALPHABET) for _ in range(6))
    return make_code("91" + district_code + body)


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return f"020-{rng.randint(2, 8)}{rng.randint(0, 9_999_999):07d}"
    return f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(0, 99_999_999):08d}"


def generated_rows(count: int, station_id: object, seed: int = 7) -> list[dict[str, object]]:
    """Realistic enterprise rows for a Core insert (our own generator; demo_data may replace it)."""
    from app.domain import districts, enterprise_size
    from app.services.enterprises.names import name_initials

    rng = random.Random(seed)
    names = list(districts.DISTRICTS.items())
    rows = []
    for i in range(count):
        district, dcode = rng.choice(names)
        brand = "云帆" if i % 997 == 0 else rng.choice(BRAND_CHARS) + rng.choice(BRAND_CHARS)
        if rng.random() < 0.2:
            trade, section, icode = rng.choice(SHOPS)
            name = f"广州市{district}{rng.choice(SURNAMES)}{rng.choice(GIVEN)}{brand}{trade}"
        else:
            trade, section, icode = rng.choice(TRADES)
            prefix = rng.choices(["广州市", "广州", ""], [5, 4, 1])[0]
            suffix = rng.choices(["有限公司", "有限责任公司", "股份有限公司"], [85, 12, 3])[0]
            name = f"{prefix}{brand}{trade}{suffix}"
        employees = int(rng.lognormvariate(3, 1.2))
        revenue = Decimal(int(rng.lognormvariate(6, 1.6) * 100)) / 100
        assets = Decimal(int(rng.lognormvariate(6, 1.6) * 100)) / 100
        row = enterprise_size.standard_row(section, icode)
        size = enterprise_size.classify(row, employees, revenue, assets)
        rows.append(
            {
                "station_id": station_id,
                "credit_code": _code(rng, dcode[:4] + dcode[4:]) if rng.random() > 0.08 else None,
                "credit_code_warning": rng.random() < 0.01,
                "name": name,
                "name_initials": name_initials(name),
                "industry_section": section,
                "industry_code": icode,
                "district": district,
                "contact_name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(["", rng.choice(GIVEN)]),
                "contact_phone": _phone(rng),
                "employees": employees,
                "revenue": revenue,
                "assets": assets,
                "size_year": 2025,
                "size": size.value if size else None,
                "status": rng.choices(["active", "closed", "moved"], [92, 5, 3])[0],
                "deleted": rng.random() < 0.01,
            }
        )
    return rows


def populate(db, count: int, generator: str) -> None:  # type: ignore[no-untyped-def]
    from app.models import Enterprise
    from app.services.station import identity as station_service

    with db.begin() as session:
        if station_service.current_station(session) is None:
            station_service.create_station(
                session, station_service.NewStation("GZ-BENCH", "基准测试服务站", "天河区", manager_name="测试")
            )
        existing = session.scalar(select(func.count()).select_from(Enterprise))
        station = station_service.require_station(session)
    if existing >= count:
        return
    started = time.perf_counter()
    if generator == "demo":
        from app.demo import data as demo_data

        demo_data.generate(db, enterprises=count - existing, records=0, seed=7)
        elapsed = time.perf_counter() - started
        print(f"demo_data wrote {count - existing} enterprises in {elapsed:.1f} s", file=sys.stderr)
        return
    rows = generated_rows(count - existing, station.id)
    print(f"generated {len(rows)} rows in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    for start in range(0, len(rows), 10_000):
        with db.begin() as session:
            session.execute(insert(Enterprise), rows[start : start + 10_000])
    print(f"inserted in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def build_fts(db) -> None:  # type: ignore[no-untyped-def]
    """The FTS5 alternative, built in the benchmark database only (not a migration)."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS bench_enterprise_fts")
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE bench_enterprise_fts USING fts5("
            "name, name_initials, contact_phone, tokenize='trigram', content='enterprise', content_rowid='rowid')"
        )
        conn.exec_driver_sql("INSERT INTO bench_enterprise_fts(bench_enterprise_fts) VALUES ('rebuild')")


def fts_query_ids(session, query: str) -> list:  # type: ignore[no-untyped-def]
    """FTS5 trigram for terms of 3+ characters, otherwise the LIKE path; same sort as the service."""
    from app.services.enterprises import search as es

    if len(query) < 3:
        return es.sql_query_ids(session, es.EnterpriseFilter(text=query), es.SortKey.NAME, False)
    phrase = '"' + query.replace('"', '""') + '"'
    code = query.upper() + "%"
    sql = text(
        "SELECT id FROM enterprise WHERE deleted = 0 AND (rowid IN ("
        "  SELECT rowid FROM bench_enterprise_fts WHERE bench_enterprise_fts MATCH :phrase)"
        " OR credit_code LIKE :code) ORDER BY name_initials, name, id"
    )
    import uuid

    return [uuid.UUID(hex=r) for r in session.scalars(sql, {"phrase": phrase, "code": code})]


def _rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024
    except OSError:
        return float("nan")


def _time(fn: Callable[[str], object], repeat: int) -> tuple[dict[str, list[float]], list[float]]:
    """Wall-clock samples per query, and CPU-time samples (this process only: on a shared,
    busy machine the CPU time is what an idle desktop would see as wall time)."""
    samples: dict[str, list[float]] = {q: [] for q in QUERIES}
    cpu: list[float] = []
    for _ in range(repeat):
        for q in QUERIES:
            started, started_cpu = time.perf_counter(), time.process_time()
            fn(q)
            samples[q].append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    return samples, cpu


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="profile home to create or reuse (default: a temporary one)")
    parser.add_argument("--per-query", action="store_true", help="also print each query's median")
    parser.add_argument("--generator", choices=["demo", "own"], default="demo",
                        help="app.demo.data (default) or this file's own generator")
    args = parser.parse_args()

    home = args.keep or Path(tempfile.mkdtemp(prefix="bench-search-"))
    os.environ["STATION_DESK_HOME"] = str(home)
    from app.services.enterprises import search as es
    from app.services.station.profiles import open_profile

    db = open_profile("bench")
    populate(db, args.enterprises, args.generator)
    build_fts(db)
    with db.begin() as session:
        total = es.count(session, es.EnterpriseFilter())
    print(f"{total} enterprises (not deleted) in {home}")

    def page(session, ids):  # type: ignore[no-untyped-def]
        es.fetch_rows(session, ids[:50])
        return ids

    approaches: dict[str, Callable[[str], object]] = {}
    with db.begin() as session:
        approaches["like"] = lambda q: page(
            session, es.sql_query_ids(session, es.EnterpriseFilter(text=q), es.SortKey.NAME, False)
        )
        approaches["fts5"] = lambda q: page(session, fts_query_ids(session, q))
        rss, started, started_cpu = _rss_mb(), time.perf_counter(), time.process_time()
        es.warm_up(session)
        print(f"index built in {time.perf_counter() - started:.1f} s ({time.process_time() - started_cpu:.1f} s CPU); "
              f"resident memory +{_rss_mb() - rss:.0f} MB (now {_rss_mb():.0f} MB)")
        approaches["index"] = lambda q: page(
            session, es.query_ids(session, es.EnterpriseFilter(text=q), es.SortKey.NAME, False)
        )
        approaches["index-ids"] = lambda q: es.query_ids(session, es.EnterpriseFilter(text=q), es.SortKey.NAME, False)
        for q in QUERIES:  # the index must give the SQL path's answer before its speed means anything
            like = es.sql_query_ids(session, es.EnterpriseFilter(text=q), es.SortKey.NAME, False)
            index = es.query_ids(session, es.EnterpriseFilter(text=q), es.SortKey.NAME, False)
            assert like == index, f"index and LIKE disagree for {q!r}: {len(like)} vs {len(index)}"
        print(f"{len(QUERIES)} queries x {args.repeat}; a search = query_ids + fetch_rows(first 50), "
              "index-ids = query_ids alone")
        print(f"{'approach':<10} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}   {'cpu p50':>8} {'cpu p95':>8}")
        results = {}
        for name, fn in approaches.items():
            fn(QUERIES[0])  # warm the statement cache
            samples, cpu = _time(fn, args.repeat)
            flat = [v for vs in samples.values() for v in vs]
            results[name] = samples
            print(f"{name:<10} {_pct(flat, 0.5):8.1f} {_pct(flat, 0.95):8.1f} {max(flat):8.1f}   "
                  f"{_pct(cpu, 0.5):8.1f} {_pct(cpu, 0.95):8.1f}")
        every = es.EnterpriseFilter()
        for key in es.SortKey:
            timings = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                es.query_ids(session, es.EnterpriseFilter(text="科技"), key, True)
                es.query_ids(session, every, key, False)
                timings.append((time.perf_counter() - started) * 500)
            print(f"sort {key.value:<11} '科技' and whole list: median {statistics.median(timings):.1f} ms per query")
        if args.per_query:
            counts = {q: len(es.query_ids(session, es.EnterpriseFilter(text=q))) for q in QUERIES}
            print(f"\n{'query':<14} {'hits':>7} " + " ".join(f"{n:>9}" for n in results))
            for q in QUERIES:
                medians = " ".join(f"{statistics.median(results[n][q]):9.1f}" for n in results)
                print(f"{q:<14} {counts[q]:7d} {medians}")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
