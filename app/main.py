"""Entry point of `station-desk`: parse the command line, then hand over.

Headless commands never import Qt, so scripts and tests stay fast; the GUI is
imported only when it is about to be shown.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app import __version__, paths
from app.commands import COMMANDS
from app.logging_setup import setup_logging


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="station-desk",
        description="中小企业服务站工作台 Station Desk. 不带子命令时打开图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"station-desk {__version__}")
    parser.add_argument("--profile", help="档案名称（默认为上次使用的档案）")
    parser.add_argument("--demo", action="store_true", help="打开单独的演示档案（首次打开时自动生成演示数据）")
    parser.add_argument("--smoke", action="store_true", help="离屏启动界面，显示主窗口，打印首次绘制耗时（毫秒）后退出")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认简体中文）")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for command in COMMANDS:
        command.register(sub)
    return parser


def resolve_profile(args: argparse.Namespace) -> str:
    if args.demo:
        return paths.DEMO_PROFILE
    if args.profile:
        return str(args.profile)
    from app.settings import ACTIVE_PROFILE, Settings

    return Settings().get(ACTIVE_PROFILE)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging()
    args.profile_name = resolve_profile(args)
    if args.command:
        return int(args.handler(args) or 0)
    from app.ui.shell.app_main import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
