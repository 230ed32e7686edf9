"""Importing a 10,000-row enterprise workbook (target: at most 2x openpyxl reading it, validation included).

    .venv/bin/python benchmarks/bench_import.py [--rows 10000] [--repeat 3] [--excel-like]

Generates a messy-ish workbook (title row, header synonyms, text numbers, industries
as names and codes), then times, median of --repeat runs, each into a fresh profile:
  * read    — openpyxl read-only, every cell of the sheet (the floor);
  * parse   — excel_reader.read_sheet (header search, merged cells);
Wall and CPU seconds (this process) are both printed: on a shared machine the CPU time is
what an idle desktop would see.
  * import  — excel_import.import_enterprises: read, check every row, one transaction,
              search-index notes (a warmed index is kept current).
  * catch-up — after a large import the search index applies the rows in a background
              thread (the list uses SQL meanwhile); timed on its own, after `import`
              returned, and shown added to the import as well.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

INDUSTRIES = ["制造业", "零售业", "软件和信息技术服务业", "C", "52", "I65", "批发业", "餐饮业", "E", "70"]
DISTRICTS = ["天河", "海珠区", "广州市越秀区", "番禺", "白云区", "黄埔", "南沙区", "花都", "荔湾", "增城区", "从化"]


def build(path: Path, rows: int, excel_like: bool = False, shared_strings: bool = False) -> None:
    """write-only mode by default (no <dimension>: openpyxl's read-only open then parses the
    whole sheet once to size it, the baseline included); `excel_like`: with the <dimension>
    Excel and WPS write, where no reader pays that pass (openpyxl writes inline strings
    either way, where Excel writes shared strings: `shared_strings` rewrites them so)."""
    from openpyxl import Workbook

    from app.domain.credit_code import make_code

    book = Workbook(write_only=not excel_like)
    if excel_like:
        sheet = book.active
        sheet.title = "企业"
    else:
        sheet = book.create_sheet("企业")
    sheet.append(["2024年服务企业名单"])
    sheet.append(["序号", "单位名称", "信用代码", "行业", "区域", "员工人数", "营收（万元）", "资产总额(万元)", "联系人", "手机", "法人"])
    for n in range(rows):
        sheet.append([
            n + 1, f"广州测试{n:05d}科技有限公司", make_code(f"914401{n:011d}"), INDUSTRIES[n % 10], DISTRICTS[n % 11],
            str(5 + n % 300), f"{100 + n % 5000:,}", 50 + n % 3000, "张三", f"138{n:08d}", "李四",
        ])
    book.save(path)
    if shared_strings:
        _share_strings(path)


_INLINE = re.compile(rb'<c r="([A-Z]+\d+)" t="inlineStr"><is><t>([^<]*)</t></is></c>')


def _share_strings(path: Path) -> None:
    """Rewrite the inline strings openpyxl writes into a shared-string table, as Excel and
    WPS save text (cells hold an index; the table is read once, at open)."""
    import zipfile

    table: dict[bytes, int] = {}

    def shared(match: re.Match[bytes]) -> bytes:
        index = table.setdefault(match.group(2), len(table))
        return b'<c r="%s" t="s"><v>%d</v></c>' % (match.group(1), index)

    staged = path.with_suffix(".tmp.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(staged, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = _INLINE.sub(shared, data)
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/'
                                    b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
            dst.writestr(item, data)
        strings = b"".join(b"<si><t>%s</t></si>" % text for text in table)
        dst.writestr("xl/sharedStrings.xml", b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                     b'count="%d" uniqueCount="%d">%s</sst>' % (len(table), len(table), strings))
    staged.replace(path)


CPU: dict[str, list[float]] = {}  # this process's CPU seconds per timed call (less sensitive to load)


def timed(func, name: str = "") -> float:  # type: ignore[no-untyped-def]
    start, start_cpu = time.perf_counter(), time.process_time()
    func()
    CPU.setdefault(name, []).append(time.process_time() - start_cpu)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--excel-like", action="store_true", help="a workbook with <dimension>, as Excel saves it (see build)")
    parser.add_argument("--shared-strings", action="store_true", help="with --excel-like: text in a shared-string table, as Excel saves it")
    parser.add_argument("--synced", action="store_true",
                        help="a profile whose enterprise figures are kept (as after its first sync): the hash triggers log each row")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    os.environ["STATION_DESK_HOME"] = str(work / "home")
    from openpyxl import load_workbook

    from app.services.enterprises import search as enterprise_search
    from app.services.excel.import_enterprises import import_enterprises
    from app.services.excel.reader import read_sheet
    from app.services.station.identity import NewStation, create_station
    from app.services.station.profiles import open_profile

    path = work / "enterprises.xlsx"
    print(f"generating {args.rows} rows … {timed(lambda: build(path, args.rows, args.excel_like, args.shared_strings)):.1f} s")

    def read_all() -> None:
        book = load_workbook(path, read_only=True, data_only=True)
        for _ in book.active.iter_rows(values_only=True):
            pass
        book.close()

    results: dict[str, list[float]] = {"read": [], "parse": [], "import": [], "catch-up": []}

    def caught_up(db) -> None:  # type: ignore[no-untyped-def]
        with db.begin() as s:
            if hasattr(enterprise_search, "wait_caught_up"):  # before that, the commit did it
                enterprise_search.wait_caught_up(s)

    for run in range(args.repeat):
        results["read"].append(timed(read_all, "read"))
        results["parse"].append(timed(lambda: read_sheet(path, "enterprises"), "parse"))
        db = open_profile(f"run{run}")
        with db.begin() as s:
            create_station(s, NewStation(code="GZ-TH-001", name="天河区服务站", district="天河区", manager_name="王站长"))
            if args.synced:  # the figures' values do not matter here, only that the table has a row
                s.connection().exec_driver_sql("INSERT INTO sync_table_hash(tbl, count, hash) VALUES ('enterprise', 0, 0)")
        with db.begin() as s:
            enterprise_search.warm_up(s)
        reports = []
        results["import"].append(timed(lambda: reports.append(import_enterprises(db, path, confirm_warnings=True)), "import"))  # noqa: B023 - called at once
        results["catch-up"].append(timed(lambda: caught_up(db), "catch-up"))  # noqa: B023 - called at once
        db.dispose()
        print(f"  run {run + 1}: {reports[0].summary_line()}")
    for name, values in results.items():
        cpu = CPU[name]
        print(f"{name:>7}: median {statistics.median(values):.2f} s  (runs: {', '.join(f'{v:.2f}' for v in values)})"
              f"   CPU median {statistics.median(cpu):.2f} s  (runs: {', '.join(f'{v:.2f}' for v in cpu)})")
    wall_ratio = statistics.median(results["import"]) / statistics.median(results["read"])
    cpu_ratio = statistics.median(CPU["import"]) / statistics.median(CPU["read"])
    print(f"import / read: {wall_ratio:.2f}x wall, {cpu_ratio:.2f}x CPU; target (issue 14) ≤ 2x")
    both = [i + c for i, c in zip(CPU["import"], CPU["catch-up"], strict=True)]
    print(f"(import + background catch-up) / read: {statistics.median(both) / statistics.median(CPU['read']):.2f}x CPU")
    per_row = statistics.median(results["import"]) / args.rows * 1000
    print(f"import: {per_row:.3f} ms per row; target 10,000 rows ≤ 10 s; load average {os.getloadavg()[0]:.2f}"
          f"; workbook {'with <dimension>' if args.excel_like else 'openpyxl write-only, no <dimension>'}"
          f"{', shared strings' if args.shared_strings else ', inline strings'}{'; figures kept (synced)' if args.synced else ''}")


if __name__ == "__main__":
    main()
