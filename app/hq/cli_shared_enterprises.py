"""`station-desk-hq requests | merges | unmerge`: HQ decides what no station may decide
alone about a shared enterprise (app.hq.enterprise_requests, app.hq.unmerge).

Kept apart from app.hq.cli so that module stays a dispatcher; output is tab-separated
with a Chinese header line, like the other listings.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from sqlalchemy import Connection, text

from app.hq import enterprise_requests as requests_store
from app.hq.admin.audit import record_cli
from app.hq.request_decisions import decide
from app.hq.unmerge import UnmergeError, find_merge, unmerge

COMMANDS = ("requests", "merges", "unmerge")


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    by = argparse.ArgumentParser(add_help=False)
    by.add_argument("--by", default=_default_user(), help="处理人（默认当前登录用户）")
    listing = sub.add_parser("requests", parents=[common], help="列出服务站提交服务总站决定的企业删除/合并申请")
    listing.add_argument("--status", choices=[*requests_store.STATUSES, "all"], default="pending", help="默认只列待处理的")
    listing.add_argument("--limit", type=int, default=100, help="最多列出多少条（默认 100）")
    actions = listing.add_subparsers(dest="action", metavar="操作")
    # --db again after `decide`, without a default: a nested parser's defaults would
    # overwrite a --db given before it
    inner_db = argparse.ArgumentParser(add_help=False)
    inner_db.add_argument("--db", default=argparse.SUPPRESS, help="服务总站 PostgreSQL 地址")
    one = actions.add_parser("decide", parents=[inner_db, by], help="批准或驳回一条申请")
    one.add_argument("id", type=int, help="申请编号（见 requests 列表）")
    verdict = one.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_true", help="批准：按申请删除或合并企业")
    verdict.add_argument("--reject", action="store_true", help="驳回：企业保持不变")
    one.add_argument("--comment", default="", help="处理意见")
    merges = sub.add_parser("merges", parents=[common], help="列出按统一社会信用代码做的企业合并")
    merges.add_argument("--limit", type=int, default=50, help="最多列出多少条（最新的在前，默认 50）")
    undo = sub.add_parser("unmerge", parents=[common, by], help="撤销一次企业合并：两家企业各自恢复")
    undo.add_argument("id", help="合并编号（见 merges 列表）或被合并企业的编号（uuid）")


def run(args: argparse.Namespace, conn: Connection) -> int:
    try:
        if args.command == "requests" and getattr(args, "action", None) == "decide":
            return _decide(args, conn)
        if args.command == "requests":
            return _list_requests(args, conn)
        if args.command == "merges":
            return _list_merges(args, conn)
        return _unmerge(args, conn)
    except (requests_store.RequestError, UnmergeError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1


def _list_requests(args: argparse.Namespace, conn: Connection) -> int:
    if args.limit < 1:
        print("错误：--limit 应为正整数。", file=sys.stderr)
        return 2
    status = None if args.status == "all" else args.status
    rows = requests_store.list_requests(conn, status, args.limit)
    print("编号\t提交时间\t申请服务站\t类型\t企业\t统一社会信用代码\t并入\t状态\t处理人\t意见")
    for r in rows:
        into = f"{r.survivor_name}（改为 {r.data.get('credit_code', '')}）" if r.kind == "merge" else "-"
        print(
            f"{r.id}\t{r.created_at:%Y-%m-%d %H:%M}\t{r.station_code}\t{r.kind_label}\t{r.enterprise_name}\t"
            f"{r.credit_code or '-'}\t{into}\t{r.status_label}\t{r.decided_by or '-'}\t{r.comment or '-'}"
        )
    which = "待处理的" if status == "pending" else ""
    print(f"共 {len(rows)} 条{which}申请。批准或驳回：station-desk-hq requests decide 编号 --approve|--reject")
    return 0


def _decide(args: argparse.Namespace, conn: Connection) -> int:
    decision = decide(conn, args.id, approve=args.approve, decided_by=args.by, comment=args.comment)
    record_cli(conn, "enterprise_request.approve" if args.approve else "enterprise_request.reject", str(args.id),
               "pending", {"outcome": decision.outcome, "by": args.by, "comment": args.comment})
    print(f"申请 {args.id}（{decision.request.station_code} {decision.request.kind_label}）：{decision.outcome}")
    return 0


def _list_merges(args: argparse.Namespace, conn: Connection) -> int:
    rows = conn.execute(
        text(
            "SELECT m.id, m.at, m.credit_code, m.survivor_id, m.merged_id, coalesce(a.code, '服务总站') AS station, "
            "m.undone_at, coalesce(s.data->>'name', '') AS survivor_name, "
            "coalesce(m.merged_data->'data'->>'name', e.data->>'name', '') AS merged_name "
            "FROM merge_record m LEFT JOIN station_account a ON a.station_id = m.station_id "
            "LEFT JOIN replica_row s ON s.tbl = 'enterprise' AND s.id = m.survivor_id "
            "LEFT JOIN replica_row e ON e.tbl = 'enterprise' AND e.id = m.merged_id "
            "ORDER BY m.id DESC LIMIT :n"
        ),
        {"n": max(1, args.limit)},
    ).all()
    print("编号\t时间\t统一社会信用代码\t保留的企业\t并入的企业\t触发方\t状态")
    for r in rows:
        state = f"已撤销 {r.undone_at:%Y-%m-%d %H:%M}" if r.undone_at else "有效"
        print(
            f"{r.id}\t{r.at:%Y-%m-%d %H:%M}\t{r.credit_code}\t{r.survivor_name}（{r.survivor_id}）\t"
            f"{r.merged_name}（{r.merged_id}）\t{r.station}\t{state}"
        )
    print(f"共 {len(rows)} 次合并（最新的在前）。撤销：station-desk-hq unmerge 编号")
    return 0


def _unmerge(args: argparse.Namespace, conn: Connection) -> int:
    result = unmerge(conn, find_merge(conn, args.id), undone_by=args.by)
    record_cli(conn, "enterprise.unmerge", str(result.merge_id), {"merged_id": str(result.merged_id),
               "survivor_id": str(result.survivor_id)}, {"restored_fields": list(result.restored_fields), "by": args.by})
    fields = "、".join(result.restored_fields) or "无"
    print(f"已撤销合并 {result.merge_id}：企业 {result.merged_id} 与 {result.survivor_id} 各自恢复。")
    print(f"保留企业恢复合并前的字段：{fields}；指回原企业的记录 {result.references} 条，别名 {result.aliases} 个。")
    print("两家企业使用同一个统一社会信用代码时不会再被自动合并；如代码有误，请更正。各服务站下次同步后生效。")
    return 0


def _default_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "服务总站"
