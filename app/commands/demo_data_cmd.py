"""`station-desk demo-data`: fill the current profile with realistic generated data."""

from __future__ import annotations

import argparse
import sys
import time

from app.commands.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, fail, open_db


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo-data", help="向当前档案写入演示数据（没有服务站信息时先创建演示服务站）")
    p.add_argument("--enterprises", type=int, default=500, help="企业数量（默认 500）")
    p.add_argument("--records", type=int, default=5000, help="服务记录数量（默认 5000）")
    p.add_argument("--seed", type=int, default=20261127, help="随机种子，相同种子生成相同数据")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.enterprises < 1 or args.records < 0:
        print("错误：--enterprises 至少为 1，--records 不能为负数。", file=sys.stderr)
        return EXIT_USAGE
    db = open_db(args)
    if db is None:
        return EXIT_USAGE
    from app.sync.status import sync_status

    if sync_status(db, rejections=0).enrolled:
        # demo rows written here would be captured and pushed to HQ on the next sync
        db.dispose()
        return fail(
            f"档案“{args.profile_name}”已登记到服务总站同步，不能写入演示数据（演示数据会被上传到服务总站）。"
            "请改用演示档案：station-desk --demo demo-data（或用 --profile 指定一个新档案）。",
            EXIT_FAILED,
        )
    from app.demo import data as demo_data  # heavy (pypinyin); keep it off the GUI's start-up path

    started = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 1 or done == total:
            last[0] = now
            print(f"  {done}/{total}", file=sys.stderr, flush=True)

    try:
        summary = demo_data.generate(
            db, enterprises=args.enterprises, records=args.records, seed=args.seed, progress=progress
        )
    finally:
        db.dispose()
    elapsed = time.perf_counter() - started
    print(
        f"enterprises={summary.enterprises} records={summary.records} demands={summary.demands} "
        f"events={summary.events} seconds={elapsed:.1f}"
    )
    return EXIT_OK
