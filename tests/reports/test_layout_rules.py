"""The ReportLab side of issue 13's layout rules: 禁则 line breaking (Reports 5) and whole-number
chart ticks (Reports 7), checked on the wrapper and the chart objects themselves."""

from __future__ import annotations

import pytest
from reportlab.graphics import renderPDF
from reportlab.lib.styles import ParagraphStyle

from app.reports.charts import column_chart, integer_step
from app.reports.kinsoku import NO_END, NO_START, KinsokuParagraph, break_lines
from app.reports.styles import styles

SIZE = 10.0


def font() -> str:
    return styles().font


def chars(n: float) -> float:
    return n * SIZE + 0.01  # room for n CJK characters (each one em wide)


def check(lines: list[str]) -> None:
    for i, line in enumerate(lines):
        assert line, lines
        if i:
            assert line[0] not in NO_START, lines
        if i < len(lines) - 1:
            assert line[-1] not in NO_END, lines
    if len(lines) > 1:
        assert len(lines[-1].strip()) > 1, f"one character alone: {lines}"


@pytest.mark.parametrize(("text", "width"), [
    ("本年度共服务企业，开展活动。", 8),  # a comma would start line 2
    ("甲乙丙丁戊己庚（辛壬癸）", 8),  # an opening bracket would end line 1
    ("一二三四五六七八“九”。", 8),  # two closing marks in a row
    ("人力资源与人才", 6),  # 才 would wrap alone
    ("政策、财税、知识产权等主题月活动计划；开展主题月活动。", 5),
    ("服务企业 2,500 家，GB/T 4754-2017 门类", 8),
])
def test_break_lines_follows_the_rules(text: str, width: int) -> None:
    lines = break_lines(text, font(), SIZE, chars(width))
    check(lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", ""), "nothing lost or added"
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert all(stringWidth(x, font(), SIZE) <= chars(width) for x in lines), "every line fits"


def test_latin_runs_stay_whole_when_they_fit() -> None:
    lines = break_lines("服务企业 2,500 家，GB/T 4754-2017 门类", font(), SIZE, chars(8))
    assert any("2,500" in x for x in lines) and any("4754-2017" in x for x in lines)
    long = break_lines("网址 https://example.com/a/very/long/path/that/cannot/fit/on/one/line", font(), SIZE, chars(8))
    assert len(long) > 2 and all(x for x in long)


@pytest.mark.parametrize(("text", "width", "expected"), [
    ("报名（人次）", 4, ["报名", "（人次）"]),  # a narrow table head: not "报名（人" / "次）"
    ("活动参与企业（家次）", 7, ["活动参与企业", "（家次）"]),
    ("服务企业（家）共计", 7, ["服务企业（家）", "共计"]),
])
def test_a_short_bracketed_unit_stays_whole(text: str, width: int, expected: list[str]) -> None:
    assert break_lines(text, font(), SIZE, chars(width)) == expected


def test_a_long_bracket_still_breaks_inside() -> None:
    lines = break_lines("甲乙（一二三四五六七八九十）", font(), SIZE, chars(6))
    check(lines)
    assert len(lines) == 3 and "".join(lines) == "甲乙（一二三四五六七八九十）"


def test_first_line_indent_is_allowed_for() -> None:
    lines = break_lines("一二三四五六七八九十", font(), SIZE, chars(8), chars(6))
    assert lines[0] == "一二三四五六" and lines[1] == "七八九十"


def test_the_paragraph_wraps_with_the_rules_at_the_width_it_is_given() -> None:
    style = ParagraphStyle("t", fontName=font(), fontSize=SIZE, leading=SIZE * 1.4, wordWrap="CJK")
    para = KinsokuParagraph.of("人力资源与人才", style)
    para.wrap(chars(6), 1000)
    texts = ["".join(getattr(w, "text", "") for w in line.words) for line in para.blPara.lines]
    assert texts == ["人力资源与", "人才"], texts
    para.wrap(chars(10), 1000)  # wider: broken again
    assert len(para.blPara.lines) == 1


@pytest.mark.parametrize(("top", "step"), [(0, 1), (2, 1), (6, 1), (7, 2), (12, 2), (13, 5), (31, 10), (2500, 500)])
def test_integer_steps(top: int, step: int) -> None:
    assert integer_step(top) == step


@pytest.mark.parametrize("values", [[0, 1, 2, 0, 1], [0] * 12, [3, 0, 7], [40, 250, 13]])
def test_chart_ticks_are_distinct_whole_numbers(values: list[int]) -> None:
    drawing = column_chart("每月服务记录（次）", [f"{m}月" for m in range(1, len(values) + 1)], values, 400)
    renderPDF.drawToString(drawing)  # lays the axis out
    chart = drawing.contents[-1]
    ticks = list(chart.valueAxis._tickValues)
    assert ticks == sorted(set(ticks)) and all(float(t).is_integer() for t in ticks), ticks
    assert ticks[0] == 0 and ticks[-1] >= max(values) and len(ticks) >= 2
    labels = [chart.valueAxis.labelTextFormat(t) for t in ticks]
    assert len(labels) == len(set(labels)), labels
