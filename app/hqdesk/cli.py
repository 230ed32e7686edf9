"""`station-desk-hq`: app.hq.cli's commands plus those that render on the HQ desk side.

app.hq (the server) may not import the PDF and Excel code, so the entry point lives here: it
extends app.hq.cli's parser with `report annual|key-info` and hands every other command to
app.hq.cli unchanged (`python -m app.hq.cli` keeps working for those).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.domain.messages import Msg
from app.hq import cli as hq_cli
from app.hq.db import DB_ENV, default_url


def build_parser() -> argparse.ArgumentParser:
    parser = hq_cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    report = sub.add_parser("report", help="生成全市汇总报告（报市工业和信息化局）：PDF 或 Excel")
    kinds = report.add_subparsers(dest="report_kind", metavar="报告", required=True)
    annual = kinds.add_parser("annual", help="年度服务站建设整体工作情况和下一年度服务工作计划")
    annual.add_argument("--year", required=True, type=int, help="报告年度，如 2026")
    key_info = kinds.add_parser("key-info", help="重点信息报送（月度或季度）")
    key_info.add_argument("--period", required=True, help="报送期间：2026-09（月）或 2026-Q3（季度）")
    for p in (annual, key_info):
        p.add_argument("--db", help=f"服务总站 PostgreSQL 地址（默认取环境变量 {DB_ENV}）")
        p.add_argument("--out", type=Path, help="输出文件：.pdf 为打印版报告，.xlsx 为 Excel 表格")
        p.add_argument("--excel", type=Path, help="另存一份 Excel（.xlsx）")
    return parser


def _fail(message: str, code: int = hq_cli.EXIT_ERROR) -> int:
    print(message, file=sys.stderr)
    return code


def _outputs(args: argparse.Namespace) -> list[Path]:
    from app.domain.errors import ValidationError
    from app.hqdesk.cityreports.render import check_out

    outputs = [check_out(args.out)] if args.out else []
    if args.excel:
        outputs.append(check_out(args.excel, (".xlsx",)))
    if not outputs:
        raise ValidationError("输出文件：请用 --out 指定 .pdf 或 .xlsx 文件（或用 --excel 指定 .xlsx 文件）。", "out")
    return outputs


def run_report(args: argparse.Namespace) -> int:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    from app.domain.errors import ValidationError
    from app.hq.cityreport.annual import annual_report
    from app.hq.cityreport.key_info import key_info_report
    from app.hq.db import make_engine
    from app.hq.readmodel import pending
    from app.hqdesk.cityreports.render import render

    url = args.db or default_url()
    if not url:
        return _fail(Msg("错误：report 需要服务总站同步数据库地址：请用 --db 或环境变量 %1 指定。", DB_ENV), hq_cli.EXIT_USAGE)
    try:
        outputs = _outputs(args)
        engine = make_engine(url, pool_size=1, max_overflow=0)
        try:
            pending.catch_up(engine)  # the writes noted since the last drain, before the snapshot
            with engine.begin() as conn:
                conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))  # one snapshot
                report: Any = (annual_report(conn, args.year) if args.report_kind == "annual"
                               else key_info_report(conn, args.period))
        finally:
            engine.dispose()
        for out in outputs:
            done = render(report, out)
            pages = f"，共 {done.pages} 页" if done.pages else ""
            print(f"已生成《{done.title}》：{done.path}{pages}（数据截至 {report.cutoff:%Y-%m-%d %H:%M}）。")
    except ValidationError as exc:
        return _fail(Msg("错误：%1", exc), hq_cli.EXIT_USAGE)
    except OperationalError as exc:
        return _fail(Msg("错误：无法连接或操作服务总站数据库：%1", str(exc.orig).strip().splitlines()[0] if exc.orig else exc))
    except OSError as exc:
        return _fail(Msg("错误：无法写入输出文件：%1", exc))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return hq_cli.EXIT_USAGE
    if args.command != "report":
        return hq_cli.main(argv)
    return run_report(args)


if __name__ == "__main__":
    sys.exit(main())
