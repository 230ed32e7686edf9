"""`station-desk report KIND --out F.pdf`: print-ready PDFs (annual, info, signage, events)."""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path

from app.commands.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, fail, open_db


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("report", help="生成 PDF 报表：年度总结与计划、定期信息报送、标识牌、活动签到表与总结")
    kinds = p.add_subparsers(dest="report_kind", metavar="报表", required=True)

    def kind(name: str, help_text: str) -> argparse.ArgumentParser:
        k = kinds.add_parser(name, help=help_text)
        k.add_argument("--out", required=True, type=Path, help="输出的 .pdf 文件")
        k.set_defaults(handler=run, kind=name.replace("-", "_"))
        return k

    kind("annual", "年度服务工作总结和下一年度服务工作计划").add_argument(
        "--year", required=True, type=int, help="统计年度，例如 2026")
    kind("info", "定期信息报送").add_argument(
        "--period", required=True, help="报送期间：月度如 2026-09，季度如 2026-Q3")
    signage = kind("signage", "服务站标识牌（横版）")
    signage.add_argument("--size", choices=["A4", "A3"], default="A4", help="纸张（默认 A4）")
    signage.add_argument("--no-qr", action="store_true", help="不印联系方式二维码")
    event_help = "活动编号，或日期加标题中的词语，例如 2026-11-30 或 “2026-11-30 知识产权”（编号见 report events）"
    kind("attendance", "活动签到表（活动前打印）").add_argument("--event", required=True, help=event_help)
    kind("event-summary", "活动总结（活动后打印）").add_argument("--event", required=True, help=event_help)
    events = kinds.add_parser("events", help="列出活动（日期、标题、编号），供 --event 使用")
    events.add_argument("--month", help="只列出该月的活动，例如 2026-11（也可写季度 2026-Q4）")
    events.set_defaults(handler=run_events)


def run_events(args: argparse.Namespace) -> int:
    from app.domain.errors import UserError
    from app.domain.periods import parse_period
    from app.reports.event_lookup import list_events

    db = open_db(args)
    if db is None:
        return EXIT_USAGE
    try:
        period = parse_period(args.month) if args.month is not None else None
        with db.sessions() as session:
            found = list_events(session, period)
    except UserError as exc:
        return fail(exc.message.replace("报送期间", "月份"), EXIT_USAGE)
    finally:
        db.dispose()
    if not found:
        print(f"{period.label}没有活动。" if period is not None else "还没有活动。")
        return EXIT_OK
    for event in found:
        print(event.line())
    print(f"共 {len(found)} 场活动。")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    from app.domain.errors import UserError
    from app.reports.api import build_report  # ReportLab: keep it off the GUI's start-up path
    from app.reports.event_lookup import resolve_event

    db = open_db(args)
    if db is None:
        return EXIT_USAGE
    try:
        event_id: uuid.UUID | None = None
        if getattr(args, "event", None) is not None:
            with db.sessions() as session:
                event_id = resolve_event(session, args.event)
        info = build_report(
            db, args.kind, args.out, year=getattr(args, "year", None), period=getattr(args, "period", None),
            event_id=event_id, size=getattr(args, "size", "A4"), qr=not getattr(args, "no_qr", False),
        )
    except UserError as exc:
        return fail(exc.message, EXIT_USAGE)
    except OSError as exc:
        return fail(f"无法写入 {args.out}：{exc.strerror or exc}", EXIT_FAILED)
    finally:
        db.dispose()
    for warning in info.warnings:  # the PDF is still written: the user decides whether to print it
        print(f"注意：{warning}", file=sys.stderr)
    print(f"报表：{info.title}")
    print(f"文件：{info.path.resolve()}")
    print(f"页数：{info.pages}")
    print(f"数据截至：{info.cutoff:%Y-%m-%d %H:%M}（北京时间）")
    return EXIT_OK
