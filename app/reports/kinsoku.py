"""Chinese line breaking (禁则) for every paragraph of a report.

ReportLab's CJK wrap breaks between any two characters and hangs at most one closing mark
from its own (Japanese) list, which lacks ，；：？！》 and ”.  So a line could start with "，"
or end with "（", and a narrow cell could leave one character alone ("人力资源与人/才").

`break_lines` decides the lines itself, from the font's widths:
* no line starts with closing punctuation (NO_START) nor ends with opening punctuation
  (NO_END): characters move down to the next line instead (never hung past the margin);
* a run of Latin letters and digits ("2,500", "GB/T", an e-mail) stays on one line when it fits;
* so does a short bracketed unit ("（人次）", "（家）"): a narrow table head breaks before it,
  never as "报名（人/次）";
* the last line of a paragraph is never one character alone (one more comes down with it).
`KinsokuParagraph` applies it at layout time, when the frame or cell width is known, and hands
ReportLab the lines with explicit breaks.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

NO_START = frozenset("。，、；：？！）］｝〕〉》」』】〗’”…‥·・—～%％‰℃°!),.:;?]}>'\"")
NO_END = frozenset("（［｛〔〈《「『【〖‘“([{<￥$£#@")
FUZZ = 1e-6
_TOKENS = re.compile(r"（[^（）\s]{1,4}）|[A-Za-z0-9@._%+\-/:,#&]+|\s+|.", re.DOTALL)


def tokens(text: str) -> list[str]:
    """Break opportunities: one CJK character, one space, one run of Latin letters and digits,
    or one short bracketed unit."""
    return _TOKENS.findall(text)


def _split_long(token: str, font: str, size: float, width: float) -> list[str]:
    """A Latin run longer than a line (a URL): cut into pieces that fit."""
    pieces, piece = [], ""
    for char in token:
        if piece and stringWidth(piece + char, font, size) > width + FUZZ:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece] if piece else pieces


def break_lines(text: str, font: str, size: float, width: float, first_width: float | None = None) -> list[str]:
    """`text` (one paragraph, no newlines) as lines that fit `width` (`first_width` for the
    first line, e.g. after an indent), following the rules above."""
    first = width if first_width is None else first_width
    units: list[str] = []
    for token in tokens(text):
        if len(token) > 1 and not token.isspace() and stringWidth(token, font, size) > min(width, first):
            units.extend(_split_long(token, font, size, min(width, first)))
        else:
            units.append(token)
    lines: list[list[str]] = []
    line: list[str] = []
    used = 0.0
    for unit in units:
        w = stringWidth(unit, font, size)
        limit = first if not lines else width
        if not line and unit.isspace():
            continue  # a break swallows the space at it
        if line and used + w > limit + FUZZ:
            carry = _settle(line, unit)
            lines.append(_trim(line))
            while carry and carry[0].isspace():
                carry.pop(0)
            line = carry
            used = sum(stringWidth(u, font, size) for u in line)
            if unit.isspace():
                continue
        line.append(unit)
        used += w
    if line:
        lines.append(_trim(line))
    _no_widow(lines, font, size, width)
    return ["".join(x) for x in lines if x]


def _settle(line: list[str], following: str) -> list[str]:
    """Move units off the end of `line` (in place) so that it ends on a legal character and the
    next line, which starts with the returned units then `following`, starts on one too."""
    carry: list[str] = []
    while len(line) > 1:
        head = (carry[0] if carry else following).lstrip()
        tail = line[-1].rstrip()
        if (head and head[0] in NO_START) or (tail and tail[-1] in NO_END) or line[-1].isspace():
            carry.insert(0, line.pop())
        else:
            break
    return carry


def _trim(line: list[str]) -> list[str]:
    while line and line[-1].isspace():
        line.pop()
    return line


def _no_widow(lines: list[list[str]], font: str, size: float, width: float) -> None:
    """A last line of one character takes one more unit from the line above (and what the
    rules then require); the line above is only shortened, so it still fits."""
    if len(lines) < 2 or len("".join(lines[-1]).strip()) != 1:
        return
    above, last = lines[-2], lines[-1]
    if len(above) < 2:
        return
    carry = [above.pop()]
    carry = _settle(above, carry[0]) + carry
    if not above:  # nothing legal to leave behind: keep the lines as they were
        above.extend(carry)
        return
    candidate = carry + last
    if stringWidth("".join(candidate), font, size) <= width + FUZZ:
        lines[-1] = candidate
    else:
        above.extend(carry)


class KinsokuParagraph(Paragraph):
    """A Paragraph of plain text (not markup) broken by `break_lines` at the width it is given."""

    def __init__(self, text: str | None, style: Any, *args: Any, plain: str | None = None, **kwargs: Any) -> None:
        super().__init__(text, style, *args, **kwargs)
        self._plain = plain
        self._broken_at: float | None = None

    @property
    def plain(self) -> str | None:
        return self._plain

    @classmethod
    def of(cls, plain: str, style: Any) -> KinsokuParagraph:
        return cls(escape(plain), style, plain=plain)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab's names)
        if self._plain is not None and self._broken_at != availWidth:
            s = self.style
            width = availWidth - s.leftIndent - s.rightIndent
            lines: list[str] = []
            for i, part in enumerate(self._plain.split("\n")):
                first = width - s.firstLineIndent if i == 0 else width  # the indent is the first line's only
                lines += break_lines(part, s.fontName, s.fontSize, width, first) or [""]
            plain, self._plain = self._plain, None  # __init__ below must not see it
            Paragraph.__init__(self, "<br/>".join(escape(x) for x in lines), s)
            self._plain, self._broken_at = plain, availWidth
        return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]
