"""`station-desk-hq`: administration of the HQ sync service.

Every command takes `--db URL` or reads STATION_DESK_HQ_DB.  Errors are one Chinese
line on stderr and a non-zero exit code; `add-station` prints the one-time enrolment
code alone on its last line, so scripts can take it with `tail -n1`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.hq import cli_shared_enterprises, cli_users
from app.hq.db import DB_ENV, default_url
from app.hq.readmodel import cli_stations
from app.hq.shared_bound import BOUND_ENV, SERVE_BOUND_MS

if TYPE_CHECKING:  # for annotations only
    from sqlalchemy import Connection

EXIT_USAGE = 2
EXIT_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="station-desk-hq", description="中小企业服务站工作台 服务总站同步服务管理工具 (Station Desk HQ)。")
    parser.add_argument("--version", action="version", version=f"station-desk-hq {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help=f"服务总站 PostgreSQL 地址（默认取环境变量 {DB_ENV}）")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    sub.add_parser("init-db", parents=[common], help="创建或升级服务总站数据库结构")
    add = sub.add_parser("add-station", parents=[common], help="新增服务站并生成一次性登记码")
    add.add_argument("code")
    add.add_argument("name")
    add.add_argument("--district", default="", help="所在区，如 天河区（广州 11 个区之一）")
    for name, text in (("revoke-station", "撤销服务站的同步令牌"), ("reissue-code", "为服务站重新生成登记码")):
        sub.add_parser(name, parents=[common], help=text).add_argument("code")
    sub.add_parser("list-stations", parents=[common], help="列出服务站")
    serve = sub.add_parser("serve", parents=[common], help="启动同步服务")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--certfile")
    serve.add_argument("--keyfile")
    serve.add_argument("--workers", type=int, default=1, help="工作进程数（建议与 CPU 核数相同）")
    serve.add_argument("--access-log", action="store_true", help="记录每个请求")
    serve.add_argument("--bound-ms", type=float, default=SERVE_BOUND_MS,
                       help="同一进程内的拉取共用水位线的毫秒数（0：每次拉取各自计算）")
    export = sub.add_parser("export", parents=[common], help="导出 Excel")
    export.add_argument("what", choices=["enterprises"])
    export.add_argument("--out", required=True, type=Path)
    export.add_argument("--station")
    publish = sub.add_parser("publish", parents=[common], help="从 JSON 文件发布参考数据（政策、机构、专家等）")
    publish.add_argument("file", type=Path, help='{"policy": [{"id"?: ..., "title": ...}], "expert": [...]}')
    purge = sub.add_parser("purge-tombstones", parents=[common], help="清理超过保留期的删除记录")
    purge.add_argument("--days", type=int)
    _add_review_commands(sub, common)
    cli_shared_enterprises.add_commands(sub, common)
    cli_users.add_commands(sub, common)
    cli_stations.add_command(sub, common)
    return parser


def _add_review_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    reports = sub.add_parser("reports", parents=[common], help="列出各服务站的年度报告（总结/计划）")
    reports.add_argument("--station", help="只列出这个服务站编号的报告")
    reports.add_argument("--status", choices=["draft", "submitted", "accepted", "returned"], help="只列出这个状态的报告")
    review = sub.add_parser("review-report", parents=[common], help="审核已提交的年度报告：通过或退回")
    review.add_argument("--station", required=True, help="服务站编号")
    review.add_argument("--year", required=True, type=int, help="报告年度，如 2026")
    review.add_argument("--kind", required=True, choices=["summary", "plan"], help="summary=年度总结，plan=年度计划")
    move = review.add_mutually_exclusive_group(required=True)
    move.add_argument("--accept", action="store_true", help="审核通过")
    move.add_argument("--return", dest="return_", action="store_true", help="退回修改（需要 --comment）")
    review.add_argument("--comment", default="", help="审核意见（退回时必填，服务站同步后可见）")
    for name, text in (("conflicts", "列出同步冲突（被覆盖的值）"), ("rejected", "列出被服务总站拒收的服务站写入")):
        listing = sub.add_parser(name, parents=[common], help=text)
        listing.add_argument("--station", help="只列出与这个服务站编号有关的记录")
        listing.add_argument("--limit", type=int, default=50, help="最多列出多少条（最新的在前，默认 50）")


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(message, file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    url = args.db or default_url()
    if not url:
        return _fail(f"错误：{args.command} 需要服务总站同步数据库地址：请用 --db 或环境变量 {DB_ENV} 指定。", EXIT_USAGE)
    if args.command == "serve":
        return _serve(args, url)
    from app.hq.db import make_engine

    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        if args.command == "init-db":
            from app.hq.db import init_db

            init_db(engine)
            print("服务总站数据库结构已是最新。")
            return 0
        with engine.begin() as conn:
            return _admin(args, conn)
    finally:
        engine.dispose()


def _admin(args: argparse.Namespace, conn: Connection) -> int:
    from app.hq import accounts
    from app.hq.admin.audit import record_cli
    from app.hq.readmodel.network import china_time

    if args.command in cli_users.COMMANDS:
        return cli_users.run(args, conn)
    if args.command == "add-station":
        info, code = accounts.add_station(conn, args.code, args.name, args.district)
        record_cli(conn, "station.add", info.code, None, {"name": info.name, "district": info.district})
        print(f"已新增服务站 {info.code} {info.name}（{info.station_id}）。一次性登记码（{accounts.ENROL_DAYS} 天内有效）：")
        print(code)
    elif args.command == "reissue-code":
        enrol_code = accounts.reissue_code(conn, args.code)
        record_cli(conn, "station.reissue_code", args.code)
        print(f"服务站 {args.code} 的旧同步令牌已立即失效；新登记码（{accounts.ENROL_DAYS} 天内有效）：")
        print(enrol_code)
    elif args.command == "revoke-station":
        before = accounts.get_station(conn, args.code)
        info = accounts.revoke_station(conn, args.code)
        record_cli(conn, "station.revoke", args.code, before.status if before else None, info.status)
        print(f"已撤销服务站 {info.code} {info.name} 的同步令牌。")
    elif args.command == "list-stations":
        print("编号\t名称\t所在区\t状态\t已登记\t最近同步")
        for s in accounts.list_stations(conn):
            status = {"active": "正常", "revoked": "已撤销"}.get(s.status, s.status)
            seen = china_time(s.last_seen_at) or "-"  # Beijing time, whatever the server's zone
            print(f"{s.code}\t{s.name}\t{s.district or '-'}\t{status}\t{'是' if s.enrolled_at else '否'}\t{seen}")
    elif args.command == "export":
        from app.hq.export import export_enterprises

        count = export_enterprises(conn, args.out, args.station)
        print(f"已导出 {count} 家企业到 {args.out}。")
    elif args.command == "publish":
        return _publish(conn, args.file)
    elif args.command in ("reports", "review-report", "conflicts", "rejected"):
        return _review(args, conn)
    elif args.command == cli_stations.COMMAND:
        return cli_stations.run(args, conn)
    elif args.command in cli_shared_enterprises.COMMANDS:
        return cli_shared_enterprises.run(args, conn)
    elif args.command == "purge-tombstones":
        from app.hq.tombstones import purge_tombstones

        count = purge_tombstones(conn, *([args.days] if args.days is not None else []))
        print(f"已清理 {count} 条删除记录。")
    return 0


def _publish(conn: Connection, path: Path) -> int:
    from app.hq.hq_edits import publish_reference

    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return _fail(f"错误：无法读取 {path}：{exc}")
    if not isinstance(payload, dict) or not all(isinstance(v, list) for v in payload.values()):
        return _fail('错误：文件应为 {"表名": [记录, …]} 形式的 JSON。')
    from app.hq.admin.audit import record_cli

    for tbl, rows in payload.items():
        done = publish_reference(conn, tbl, rows)
        record_cli(conn, "reference.publish", f"{tbl} ({len(done)})", None, {"file": str(path), "table": tbl,
                                                                           "count": len(done)})
        print(f"{tbl}：已发布 {len(done)} 条。")
    return 0


def _review(args: argparse.Namespace, conn: Connection) -> int:
    from app.hq import admin_views as views

    if args.command == "reports":
        rows = views.list_reports(conn, args.station, args.status)
        print("服务站\t年度\t类型\t状态\t提交时间\t审核意见\tID")
        for r in rows:
            print(f"{r.station_code}\t{r.year}\t{r.kind_label}\t{r.status_label}\t{r.submitted_at}\t{r.review_comment or '-'}\t{r.id}")
        print(f"共 {len(rows)} 份年度报告。")
    elif args.command == "review-report":
        from app.hq.admin.audit import record_cli

        views.review_report(conn, args.station, args.year, args.kind, accept=args.accept, comment=args.comment)
        record_cli(conn, "report.accept" if args.accept else "report.return", f"{args.station} {args.year} {args.kind}",
                   "submitted", {"status": "accepted" if args.accept else "returned", "comment": args.comment.strip()})
        kind = views.REPORT_KINDS[args.kind]
        if args.accept:
            print(f"已通过服务站 {args.station} 的 {args.year} 年度{kind}。")
        else:
            print(f"已退回服务站 {args.station} 的 {args.year} 年度{kind}，退回意见：{args.comment.strip()}")
        print("服务站下次同步后即可看到审核结果。")
    elif args.limit < 1:
        return _fail("错误：--limit 应为正整数。", EXIT_USAGE)
    elif args.command == "conflicts":
        conflicts = views.list_conflicts(conn, args.station, args.limit)
        print("时间\t表\t记录\t字段\t被覆盖的值\t生效的值\t被覆盖方\t生效方")
        for c in conflicts:
            print(f"{c.at}\t{c.tbl}\t{c.row_id}\t{c.field_label}\t{c.losing_value}\t{c.winning_value}\t{c.loser}\t{c.winner}")
        print(f"共 {len(conflicts)} 条冲突（最新的在前，最多 {args.limit} 条）。")
    else:
        rejected = views.list_rejected(conn, args.station, args.limit)
        print("时间\t服务站\t表\t记录\t原因\t说明")
        for w in rejected:
            print(f"{w.at}\t{w.station_code}\t{w.tbl}\t{w.row_id or '-'}\t{w.reason}\t{w.message}")
        print(f"共 {len(rejected)} 条被拒收的写入（最新的在前，最多 {args.limit} 条）。")
    return 0


def _serve(args: argparse.Namespace, url: str) -> int:
    import uvicorn

    if bool(args.certfile) != bool(args.keyfile):
        return _fail("错误：--certfile 和 --keyfile 需要同时指定。", EXIT_USAGE)
    options = {"host": args.host, "port": args.port, "ssl_certfile": args.certfile, "ssl_keyfile": args.keyfile,
               "proxy_headers": True, "access_log": args.access_log, "log_level": "info",
               # longer than clients' idle gaps, so a reused connection is rarely closed under them
               "timeout_keep_alive": 75}
    if args.workers <= 1:
        from app.hq.server import create_app

        uvicorn.run(create_app(url, bound_ms=args.bound_ms), **options)
        return 0
    # Each worker is its own process with its own pool, sized to keep a connection for each of
    # its endpoint threads (worker_pool); serve_workers: uvicorn's, with TCP_NODELAY on their socket.
    from app.hq.server import POOL_ENV, serve_workers, worker_pool

    os.environ[DB_ENV] = url
    os.environ[POOL_ENV] = ",".join(map(str, worker_pool(args.workers)))
    os.environ[BOUND_ENV] = str(args.bound_ms)  # every worker lends its pulls' watermark this long (app.hq.shared_bound)

    serve_workers(args.workers, options)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from sqlalchemy.exc import OperationalError

    from app.hq.accounts import AccountError
    from app.hq.hq_edits import HqEditError

    try:
        return run(args)
    except (AccountError, HqEditError) as exc:
        return _fail(f"错误：{exc}")
    except OperationalError as exc:
        return _fail(f"错误：无法连接或操作服务总站数据库：{str(exc.orig).strip().splitlines()[0] if exc.orig else exc}")


if __name__ == "__main__":
    sys.exit(main())
