"""`station-desk sync [--page-size N] [--check]`: one headless sync with HQ.

Prints progress lines and, last, `pushed=N pulled=M rejected=R conflicts=C seconds=S`.
Exit 0 only when the sync completed; otherwise non-zero with the reason in Chinese.
Ctrl+C cancels between steps; what was done stays saved.
"""

from __future__ import annotations

import argparse
import signal
import sys

from app.commands.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, fail, open_db

PHASES = {"hello": "连接服务总站", "push": "上传", "files": "上传文件", "pull": "下载", "check": "核对", "repair": "修复"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sync", help="与服务总站同步：上传本站的修改，下载服务总站的数据")
    p.add_argument("--page-size", type=int, help="每页下载行数（默认：首次下载用大页，之后用标准页）")
    p.add_argument("--check", action="store_true", help="无论上次核对在何时，本次都与服务总站核对数据（条数和校验和）")
    p.set_defaults(handler=run)


def _progress(phase: str, done: int, total: int | None) -> None:
    label = PHASES.get(phase, phase)
    print(f"[{label}] {done}/{total}" if total else f"[{label}] {done}", flush=True)


def run(args: argparse.Namespace) -> int:
    # imported here: every start of the window builds this parser (tests/test_startup_imports.py)
    from app.sync.client import SyncError, plain_http_over_network
    from app.sync.engine import sync
    from app.sync.enrolment import open_client
    from app.sync.protocol import MAX_PULL_LIMIT

    if args.page_size is not None and not 1 <= args.page_size <= MAX_PULL_LIMIT:
        return fail(f"--page-size 应在 1 到 {MAX_PULL_LIMIT} 之间。", EXIT_USAGE)
    db = open_db(args)
    if db is None:
        return EXIT_USAGE
    stop = {"requested": False}
    previous = signal.signal(signal.SIGINT, lambda *_: stop.update(requested=True))
    try:
        client = open_client(db)
        if plain_http_over_network(client.base_url):
            print("警告：与服务总站的连接没有加密（http://），同步令牌和数据以明文传输。请向服务总站索取 https:// 网址后重新登记。",
                  file=sys.stderr, flush=True)
        with client:
            result = sync(db, client, progress=_progress, cancelled=lambda: stop["requested"], page_size=args.page_size,
                          verify=True if args.check else None)
        with db.engine.connect() as conn:
            kept = conn.exec_driver_sql("SELECT count(*) FROM sync_quarantine").scalar_one()
    except SyncError as exc:
        return fail(exc.message, EXIT_FAILED)
    finally:
        signal.signal(signal.SIGINT, previous)
        db.dispose()
    print(result.summary(), flush=True)
    if kept:
        print(f"注意：有 {kept} 条从服务总站下载的记录无法保存到本机，已暂存并会在服务总站更正或软件升级后重试；"
              "详情见窗口的“同步”页面。", file=sys.stderr)
    if not result.completed:
        print(f"同步未完成：{result.message}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
