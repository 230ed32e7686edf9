"""`station-desk enroll --server URL --code CODE`: link this profile to HQ, or, with an HQ
desk user's code, make (or renew) an HQ profile and make it the active one (app.hqdesk.enrolment)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, fail, open_db


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("enroll", help="用服务总站发放的一次性登记码把本档案登记到服务总站同步服务；服务总站用户的登记码则建立服务总站档案")
    p.add_argument("--server", required=True, help="服务总站同步服务网址，如 https://sync.example.gov.cn")
    p.add_argument("--code", required=True, help="服务总站发放的一次性登记码")
    p.add_argument("--ca-file", type=Path, metavar="PATH",
                   help="服务总站的服务器证书的证书颁发机构(CA)文件（PEM 格式）；服务总站使用自签名或单位内部证书时需要")
    p.add_argument("--insecure-http", action="store_true",
                   help="允许用不加密的 http:// 连接本机以外的服务总站的服务器（令牌和数据以明文传输，仅限受控的测试网络）；"
                        "以后的同步沿用此设置")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # imported here: every start of the window builds this parser (tests/test_startup_imports.py)
    from app.hqdesk.enrolment import HqEnrolment, StationElsewhere, enroll_any
    from app.sync.client import SyncError

    if not args.server.startswith(("http://", "https://")):
        return fail("服务总站网址应以 https:// 开头（测试环境可用 http://）。", EXIT_USAGE)
    db = open_db(args)
    if db is None:
        return EXIT_USAGE
    try:
        outcome = enroll_any(db, args.profile_name, args.server, args.code, ca_file=args.ca_file,
                             insecure_http=args.insecure_http)
    except SyncError as exc:
        return fail(f"登记失败：{exc.message}", EXIT_FAILED)
    finally:
        db.dispose()
    result = outcome.enrolment if isinstance(outcome, StationElsewhere) else outcome
    if isinstance(outcome, StationElsewhere):
        print(f"档案“{args.profile_name}”是服务总站的档案，保持不变；服务站已登记到新档案“{outcome.profile}”，并设为当前档案。")
    print(result.message)
    if args.insecure_http:
        print("警告：已允许用不加密的 http:// 连接服务总站，同步令牌和数据以明文传输，只应在受控的测试网络中使用。")
    if not result.persisted:
        again = "重新登记（服务总站用户请向服务总站管理员索取新的登记码）" if isinstance(result, HqEnrolment) else "重新登记"
        print(f"注意：令牌没有保存到系统凭据存储，本次运行结束后需要{again}。")
    return EXIT_OK
