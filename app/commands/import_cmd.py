"""`station-desk import enterprises|records FILE [--errors ERRORS.xlsx]`.

Prints one final line ``imported=N warnings=W rejected=R``; warning rows (check
character only) are imported flagged and counted in W.  Rejected rows go to the
error workbook (default: FILE-错误.xlsx beside the input).  Exits non-zero only when
the import could not run at all (missing or unreadable file, no header, no station).
"""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path

from app.commands.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, fail, open_db


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help="从 Excel (.xlsx) 导入企业或服务记录")
    p.add_argument("kind", choices=["enterprises", "records"], help="enterprises（企业）或 records（服务记录）")
    p.add_argument("file", type=Path, help="要导入的 .xlsx 文件")
    p.add_argument("--errors", type=Path, help="未导入行的错误表（默认：与原文件同目录的“文件名-错误.xlsx”）")
    p.set_defaults(handler=run)


def _default_staff() -> uuid.UUID | None:
    from app.settings import CURRENT_STAFF_ID, Settings

    try:
        return uuid.UUID(Settings().get(CURRENT_STAFF_ID))
    except ValueError:
        return None


def run(args: argparse.Namespace) -> int:
    from app.domain.errors import UserError
    from app.services.excel.export import default_errors_path, write_error_workbook
    from app.services.excel.import_enterprises import import_enterprises
    from app.services.excel.import_records import import_records

    if not args.file.is_file():
        return fail(f"找不到文件：{args.file}", EXIT_USAGE)
    db = open_db(args)
    if db is None:
        return EXIT_USAGE
    try:
        if args.kind == "enterprises":
            report = import_enterprises(db, args.file, confirm_warnings=True)
        else:
            report = import_records(db, args.file, default_staff_id=_default_staff())
    except UserError as exc:  # WorkbookError, NoStationError
        return fail(exc.message, EXIT_FAILED)
    finally:
        db.dispose()
    if report.errors or report.warning_rows:
        errors_path = args.errors or default_errors_path(args.file)
        write_error_workbook(report, errors_path)
        print(f"未导入的 {report.rejected} 行及原因已写入：{errors_path}", file=sys.stderr)
    if report.duplicates_in_file or report.unchanged:
        print(f"文件内重复行 {report.duplicates_in_file} 行（只导入一次），与库中相同而跳过 {report.unchanged} 行。",
              file=sys.stderr)
    print(report.summary_line())
    return EXIT_OK
