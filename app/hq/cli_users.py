"""`station-desk-hq add-user | users | revoke-user | reissue-user-code | audit`: HQ desk accounts
and the audit trail, on the HQ server's command line (audited as 命令行:<login>)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sqlalchemy import Connection

from app.domain.periods import CHINA_TIME
from app.hq import accounts
from app.hq.admin import users
from app.hq.admin.audit import MAX_LIMIT, list_audit, record_cli

COMMANDS = frozenset({"add-user", "users", "revoke-user", "reissue-user-code", "audit"})


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    add = sub.add_parser("add-user", parents=[common], help="新增服务总站工作台用户并生成一次性登记码")
    add.add_argument("name", help="用户名（使用者姓名或账号名）")
    add.add_argument("--role", required=True, choices=users.ROLES,
                     help="admin=管理员（管理用户和服务站），staff=服务总站工作人员（审阅报送、维护资源库），bureau=市工业和信息化局（只读）")
    sub.add_parser("users", parents=[common], help="列出服务总站工作台用户")
    for name, text in (("revoke-user", "撤销服务总站用户的令牌"), ("reissue-user-code", "为服务总站用户重新生成登记码")):
        sub.add_parser(name, parents=[common], help=text).add_argument("name")
    audit = sub.add_parser("audit", parents=[common], help="列出服务总站操作日志（谁、何时、做了什么、前后内容）")
    audit.add_argument("--limit", type=int, default=50, help=f"最多列出多少条（最新的在前，默认 50，最多 {MAX_LIMIT}）")
    audit.add_argument("--action", help="只列出这类操作（前缀，如 report. 或 station.add）")
    audit.add_argument("--actor", help="只列出这个用户的操作")


def _short(value: Any) -> str:
    if value is None:
        return "-"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "…"


def run(args: argparse.Namespace, conn: Connection) -> int:
    if args.command == "add-user":
        info, code = users.add_user(conn, args.name, args.role)
        record_cli(conn, "user.add", info.name, None, {"role": info.role})
        print(f"已新增服务总站用户 {info.name}（{info.role_label}）。一次性登记码（{accounts.ENROL_DAYS} 天内有效）：")
        print(code)
    elif args.command == "users":
        print("用户名\t角色\t状态\t已登记\t最近使用")
        for u in users.list_users(conn):
            seen = u.last_seen_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M") if u.last_seen_at else "-"
            status = {"active": "正常", "revoked": "已撤销"}.get(u.status, u.status)
            print(f"{u.name}\t{u.role_label}\t{status}\t{'是' if u.enrolled_at else '否'}\t{seen}")
    elif args.command == "revoke-user":
        info = users.revoke_user(conn, args.name)
        record_cli(conn, "user.revoke", info.name, "active", info.status)
        print(f"已撤销服务总站用户 {info.name} 的令牌。")
    elif args.command == "reissue-user-code":
        code = users.reissue_user_code(conn, args.name)
        record_cli(conn, "user.reissue_code", args.name.strip())
        print(f"用户 {args.name.strip()} 的旧令牌已立即失效；新登记码（{accounts.ENROL_DAYS} 天内有效）：")
        print(code)
    else:
        if not 1 <= args.limit <= MAX_LIMIT:
            print(f"错误：--limit 应为 1 到 {MAX_LIMIT} 之间的整数。", file=sys.stderr)
            return 2
        entries = list_audit(conn, limit=args.limit, action=args.action, actor=args.actor)
        print("编号\t时间\t操作人\t角色\t操作\t对象\t之前\t之后")
        for e in entries:
            print(f"{e.id}\t{e.at.astimezone(CHINA_TIME):%Y-%m-%d %H:%M:%S}\t{e.actor}\t{e.role}\t{e.action}\t{e.target}\t"
                  f"{_short(e.before)}\t{_short(e.after)}")
        print(f"共 {len(entries)} 条（最新的在前）。")
    return 0
