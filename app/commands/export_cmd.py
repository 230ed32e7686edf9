"""`station-desk export enterprises FILE`: every live enterprise, columns as HQ's export."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, fail, open_db


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="把企业库导出为 Excel (.xlsx)")
    p.add_argument("kind", choices=["enterprises"], help="enterprises（企业）")
    p.add_argument("file", type=Path, help="输出的 .xlsx 文件")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.services.excel.export import export_enterprises

    db = open_db(args)
    if db is None:
        return EXIT_USAGE
    try:
        with db.begin() as session:
            count = export_enterprises(session, None, args.file)
    except OSError as exc:
        return fail(f"无法写入 {args.file}：{exc.strerror or exc}", EXIT_FAILED)
    finally:
        db.dispose()
    print(f"exported={count}")
    return EXIT_OK
