"""The reader's text cells (app.services.excel.fast_cells) are openpyxl's, kind by kind:
inline strings and shared strings, plain, rich, phonetic, empty, spaced, escaped."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.services.excel import reader

# (inline <c> body as openpyxl or an exporter writes it, the same text as a shared <si>)
TEXTS = [
    "<t>广州甲科技有限公司</t>",
    '<t xml:space="preserve">  前后有空格 </t>',
    "<r><rPr><b/><sz val=\"11\"/></rPr><t>粗</t></r><r><t>体</t></r>",
    '<r><t xml:space="preserve">多段 </t></r><r><rPr><i/></rPr><t>文字</t></r><r><rPr/></r>',
    "<t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh><phoneticPr fontId=\"1\"/>",
    "<t>前</t><r><t>后</t></r>",
    "<r><t>后</t></r><t>前</t>",
    "<t>第一</t><t>第二</t>",
    "<t/>",
    "",
    "<t>A &amp; B &lt;C&gt;</t>",
    "<t>_x005F_x000D_保留</t>",
]
BAD_FONT = '<r><rPr><sz val="not a size"/></rPr><t>坏字体</t></r>'  # a run whose font openpyxl cannot read
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _book(tmp_path: Path, shared: bool, texts: list[str] = TEXTS) -> Path:
    """A workbook whose first sheet holds each of TEXTS in column A (inline or shared), with
    numbers, a date, a bool, an error and a formula's cached value beside them."""
    template = tmp_path / "template.xlsx"
    book = Workbook()
    book.active["A1"] = "x"
    book.active["B1"] = datetime(2024, 3, 5)  # makes a date style (s="1")
    book.save(template)
    rows = []
    for n, body in enumerate(texts, start=1):
        text_cell = (f'<c r="A{n}" t="s"><v>{n - 1}</v></c>' if shared
                     else f'<c r="A{n}" t="inlineStr"><is>{body}</is></c>')
        rows.append(f'<row r="{n}">{text_cell}<c r="B{n}"><v>{n}.5</v></c><c r="C{n}" s="1"><v>45356</v></c>'
                    f'<c r="D{n}" t="b"><v>1</v></c><c r="E{n}" t="e"><v>#N/A</v></c>'
                    f'<c r="F{n}"><f>B{n}*2</f><v>{2 * n + 1}</v></c><c t="inlineStr"><is><t>无坐标</t></is></c></row>')
    rows.append('<row r="20"><c r="A20" t="inlineStr"/></row>')
    sheet = (f'<worksheet xmlns="{NS}"><dimension ref="A1:G20"/><sheetData>{"".join(rows)}</sheetData></worksheet>')
    out = tmp_path / ("shared.xlsx" if shared else "inline.xlsx")
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode()
            elif shared and item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            elif shared and item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/'
                                    b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
            dst.writestr(item, data)
        if shared:
            table = "".join(f"<si>{body}</si>" for body in texts)
            dst.writestr("xl/sharedStrings.xml", f'<sst xmlns="{NS}" count="{len(texts)}">{table}</sst>')
    return out


def _values(book) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    try:
        return [tuple(row) for row in book.active.iter_rows(values_only=True)]
    finally:
        book.close()


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_text_cells_read_as_openpyxl_reads_them(tmp_path: Path, shared: bool) -> None:
    path = _book(tmp_path, shared)
    ours = _values(reader._load_read_only(path))
    assert ours == _values(load_workbook(path, read_only=True, data_only=True))
    assert [row[0] for row in ours[:4]] == ["广州甲科技有限公司", "  前后有空格 ", "粗体", "多段 文字"]
    assert ours[0][1:7] == (1.5, datetime(2024, 3, 5), True, "#N/A", 3, "无坐标")


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_a_run_with_a_malformed_font_still_reads(tmp_path: Path, shared: bool) -> None:
    path = _book(tmp_path, shared, [BAD_FONT])
    assert _values(reader._load_read_only(path))[0][0] == "坏字体"


def test_the_benchmark_workbook_reads_the_same(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from bench_import import build

    path = tmp_path / "bench.xlsx"
    build(path, 300, excel_like=True)
    assert _values(reader._load_read_only(path)) == _values(load_workbook(path, read_only=True, data_only=True))
